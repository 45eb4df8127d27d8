/**
 * `npm run restore -- <backup file>`: restores a backup made by `npm run backup` into the database named by
 * DATABASE_URL (default the SQLite file in DATA_DIR). Stop the server(s) first: the database is replaced.
 * SQLite: the file is replaced by the backup; PostgreSQL: the pg_restore --clean --if-exists script, run by psql in
 * one transaction after the partitioned tables are dropped.
 * Afterwards every table's row count and content hash are compared with <file>.manifest.json when present;
 * exit 1 on any difference. Options: --url, --schema (PostgreSQL).
 */
import { existsSync, readFileSync } from 'node:fs';
import { loadConfig } from '../server/src/config.ts';
import { compareFingerprints, restorePostgres, restoreSqlite, type Manifest } from '../server/src/resilience/backup.ts';

const argv = process.argv.slice(2);
const opt = (name: string) => (argv.indexOf(name) >= 0 ? argv[argv.indexOf(name) + 1] : undefined);
const file = argv.find((a, k) => !a.startsWith('--') && !['--url', '--schema'].includes(argv[k - 1] ?? ''));
if (!file || !existsSync(file)) {
  console.error('usage: npm run restore -- <backup file> [--url <DATABASE_URL>] [--schema <name>]');
  process.exit(2);
}
const url = opt('--url') ?? loadConfig().databaseUrl;
const schema = opt('--schema') ?? null;
const manifestFile = `${file}.manifest.json`;
const manifest = existsSync(manifestFile) ? (JSON.parse(readFileSync(manifestFile, 'utf8')) as Manifest) : null;
const sqlite = url.startsWith('sqlite:');
if (manifest && manifest.dialect !== (sqlite ? 'sqlite' : 'postgres')) {
  console.error(`${file} is a ${manifest.dialect} backup; DATABASE_URL is ${sqlite ? 'SQLite' : 'PostgreSQL'}`);
  process.exit(2);
}
const started = Date.now();
const restored = sqlite
  ? restoreSqlite(file, url)
  : await restorePostgres(file, { url, schema: schema ?? manifest?.schema ?? null });
const rows = Object.values(restored).reduce((n, t) => n + t.rows, 0);
console.log(
  `restore ${sqlite ? 'sqlite' : 'postgres'}: ${Object.keys(restored).length} tables, ${rows} rows from ${file} (${Date.now() - started} ms)`,
);
if (!manifest) {
  console.log('no manifest beside the backup: counts not checked');
} else {
  const diff = compareFingerprints(manifest.tables, restored);
  for (const d of diff) console.log(`DIFFERS ${d}`);
  console.log(
    diff.length
      ? `${diff.length} table(s) differ from the manifest`
      : 'every table matches the manifest (row counts and content hashes)',
  );
  process.exitCode = diff.length ? 1 : 0;
}
