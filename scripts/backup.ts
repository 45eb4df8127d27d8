/**
 * `npm run backup [-- --out <file>]`: backs up the database named by DATABASE_URL (default the SQLite file in
 * DATA_DIR) while the server keeps running: SQLite through the online backup API, PostgreSQL through pg_dump -Fc
 * (pg_dump must be at least the server's major version). Beside the backup it writes <file>.manifest.json with
 * the row count and content hash of every table, which `npm run restore` checks. Default file:
 * DATA_DIR/backups/cityloop-<UTC time>.sqlite|.dump. Options: --url, --schema (PostgreSQL), --out.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { loadConfig } from '../server/src/config.ts';
import { backupPostgres, backupSqlite } from '../server/src/resilience/backup.ts';

const argv = process.argv.slice(2);
const opt = (name: string) => (argv.indexOf(name) >= 0 ? argv[argv.indexOf(name) + 1] : undefined);
const config = loadConfig();
const url = opt('--url') ?? config.databaseUrl;
const schema = opt('--schema') ?? null;
const sqlite = url.startsWith('sqlite:');
const stamp = new Date()
  .toISOString()
  .replace(/[-:]/g, '')
  .replace(/\.\d+Z$/, 'Z');
const out = opt('--out') ?? join(config.dataDir, 'backups', `cityloop-${stamp}.${sqlite ? 'sqlite' : 'dump'}`);
mkdirSync(dirname(out), { recursive: true });

const started = Date.now();
const manifest = sqlite ? await backupSqlite(url, out) : await backupPostgres({ url, schema }, out);
writeFileSync(`${out}.manifest.json`, JSON.stringify(manifest, null, 2));
const rows = Object.values(manifest.tables).reduce((n, t) => n + t.rows, 0);
console.log(
  `backup ${manifest.dialect}: ${Object.keys(manifest.tables).length} tables, ${rows} rows → ${out} (${Date.now() - started} ms)`,
);
console.log(`manifest: ${out}.manifest.json`);
