/**
 * `npm run audit:verify`: checks the hash chains of the database named by DATABASE_URL (default: the SQLite file
 * in DATA_DIR) — every tenant's audit chain and every case timeline — against the audit key and the signed
 * checkpoints (AUDIT_HMAC_KEY or DATA_DIR/.audit-key; AUDIT_CHECKPOINT_DIR or DATA_DIR/checkpoints), and prints
 * the first broken link of each chain (table, row id, tenant, case) and every checkpoint it cannot trust.
 * Exit 0 when everything holds, 1 when something is broken, 2 on a usage error or a missing key.
 * Options: --url <DATABASE_URL> (instead of the environment), --schema <name> (PostgreSQL search_path),
 * --checkpoints <dir> (instead of the configured directory), --json.
 */
import { resolve } from 'node:path';
import { loadConfig } from '../server/src/config.ts';
import { ChainKeys } from '../server/src/platform/chain-keys.ts';
import { CheckpointStore } from '../server/src/platform/checkpoint-store.ts';
import { openDatabase } from '../server/src/platform/db.ts';
import { describeBroken, verifyAll } from '../server/src/resilience/audit-verify.ts';

const argv = process.argv.slice(2);
const option = (name: string) => {
  const at = argv.indexOf(name);
  return at >= 0 ? argv[at + 1] : undefined;
};
const config = loadConfig(process.env, { generateAuditKey: false });
const url = option('--url') ?? config.databaseUrl;
if (!url) {
  console.error(
    'usage: npm run audit:verify -- [--url <DATABASE_URL>] [--schema <name>] [--checkpoints <dir>] [--json]',
  );
  process.exit(2);
}
if (config.audit.keySource === 'missing') {
  console.error(
    `audit:verify: no audit key (AUDIT_HMAC_KEY is unset and ${config.dataDir}/.audit-key does not exist).`,
  );
  console.error('Run it with the same DATA_DIR or AUDIT_HMAC_KEY as the server.');
  process.exit(2);
}
const schema = option('--schema');
const keys = new ChainKeys(config.audit.keys);
const checkpoints = new CheckpointStore(resolve(option('--checkpoints') ?? config.audit.checkpointDir), keys);
const database = openDatabase(url, { poolSize: 2, ...(schema ? { schema } : {}) });
try {
  const result = await verifyAll(database, { keys, checkpoints });
  if (argv.includes('--json')) console.log(JSON.stringify(result, null, 2));
  else {
    console.log(
      `audit:verify ${database.dialect}: ${result.tenants} tenant(s), ${result.auditRows} audit rows, ${result.cases} cases, ${result.eventRows} timeline rows`,
    );
    console.log(
      `checkpoints in ${result.checkpoints.dir}: ${result.checkpoints.trusted} of ${result.checkpoints.files} trusted${result.checkpoints.latest ? `, latest ${result.checkpoints.latest}` : ''}`,
    );
    for (const n of result.notes) console.log(`NOTE ${n}`);
    for (const b of result.broken) console.log(`BROKEN ${describeBroken(b)}`);
    console.log(
      result.broken.length ? `${result.broken.length} broken chain(s) or checkpoint(s)` : 'every chain intact',
    );
  }
  process.exitCode = result.broken.length ? 1 : 0;
} finally {
  await database.close();
}
