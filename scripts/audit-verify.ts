/**
 * `npm run audit:verify`: checks the hash chains of the database named by DATABASE_URL (default: the SQLite file
 * in DATA_DIR) — every tenant's audit chain and every case timeline — and prints the first broken link of each
 * chain (table, row id, tenant, case). Exit 0 when every chain holds, 1 when one is broken, 2 on a usage error.
 * Options: --url <DATABASE_URL> (instead of the environment), --schema <name> (PostgreSQL search_path), --json.
 */
import { loadConfig } from '../server/src/config.ts';
import { openDatabase } from '../server/src/platform/db.ts';
import { describeBroken, verifyAll } from '../server/src/resilience/audit-verify.ts';

const argv = process.argv.slice(2);
const urlAt = argv.indexOf('--url');
const url = urlAt >= 0 ? argv[urlAt + 1] : loadConfig().databaseUrl;
if (!url) {
  console.error('usage: npm run audit:verify -- [--url <DATABASE_URL>] [--json]');
  process.exit(2);
}
const schemaAt = argv.indexOf('--schema');
const schema = schemaAt >= 0 ? argv[schemaAt + 1] : undefined;
const database = openDatabase(url, { poolSize: 2, ...(schema ? { schema } : {}) });
try {
  const result = await verifyAll(database);
  if (argv.includes('--json')) console.log(JSON.stringify(result, null, 2));
  else {
    console.log(`audit:verify ${database.dialect}: ${result.tenants} tenant(s), ${result.auditRows} audit rows, ${result.cases} cases, ${result.eventRows} timeline rows`);
    for (const b of result.broken) console.log(`BROKEN ${describeBroken(b)}`);
    console.log(result.broken.length ? `${result.broken.length} broken chain(s)` : 'every chain intact');
  }
  process.exitCode = result.broken.length ? 1 : 0;
} finally {
  await database.close();
}
