/**
 * Bulk-loads N synthetic cases (with a few timeline rows each) for tenant 420281 of a seeded database, through the
 * bulk paths of lib/bulk-write.ts. Used by bench/run.ts; also runs on its own:
 *   node --import tsx bench/generate-cases.ts --url sqlite:/tmp/x/cityloop.db --cases 1e6 [--seed-demo]
 *   node --import tsx bench/generate-cases.ts --url postgres://postgres@127.0.0.1:5432/test --schema bench_x --cases 1e5
 * Options: --span-days 1095 (report times spread over three years), --full-timeline (every step, not 3–4 rows),
 * --seed 1 (PRNG seed), --seed-demo (migrate and seed the demo city first when the database is empty).
 */
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { randomBytes } from 'node:crypto';
import { loadConfig } from '../server/src/config.ts';
import { migrateToLatest } from '../server/src/db/migrations/index.ts';
import { ChainKeys, type ChainKey } from '../server/src/platform/chain-keys.ts';
import { seedDemoCity } from '../server/src/seed/demo-city.ts';
import { systemClock } from '../server/src/platform/clock.ts';
import { openDatabase } from '../server/src/platform/db.ts';
import { refreshStatistics } from '../server/src/platform/db-statistics.ts';
import { backfillCaseGrams, backfillPublicCases } from '../server/src/modules/cases/index.ts';
import { postgresWriter, sqliteWriter, type BulkWriter } from './lib/bulk-write.ts';
import { loadCaseReference } from './lib/case-reference.ts';
import { planCases, syntheticCases } from './lib/synthetic-cases.ts';

export interface GenerateCasesOptions {
  url: string;
  /** PostgreSQL schema (search_path) holding the tables */
  schema?: string | null;
  cases: number;
  spanDays?: number;
  seed?: number;
  fullTimeline?: boolean;
  now?: Date;
  /** timeline rows are hashed under it; default a throw-away key (bench databases are never verified) */
  chainKey?: ChainKey;
  onProgress?: (done: number, total: number, elapsedMs: number) => void;
}

export interface GenerateCasesResult {
  cases: number;
  events: number;
  ms: number;
  casesPerSecond: number;
}

export async function generateCases(o: GenerateCasesOptions): Promise<GenerateCasesResult> {
  const database = openDatabase(o.url, o.schema ? { schema: o.schema, poolSize: 2 } : {});
  let writer: BulkWriter | null = null;
  try {
    const ref = await loadCaseReference(database.db);
    writer =
      database.dialect === 'sqlite'
        ? sqliteWriter(o.url.slice('sqlite:'.length))
        : await postgresWriter(o.url, o.schema ?? null);
    const start = performance.now();
    let done = 0;
    let events = 0;
    let lastReport = 0;
    const options = {
      count: o.cases,
      spanDays: o.spanDays ?? 1095,
      now: o.now ?? new Date(),
      seed: o.seed ?? 1,
      fullTimeline: o.fullTimeline ?? false,
      chainKey: o.chainKey ?? new ChainKeys([randomBytes(32).toString('hex')]).current,
    };
    const plan = planCases(ref, options);
    const firstSeq = await writer.reserveSequences(ref.tenantId, plan.perDay);
    const batches = syntheticCases(ref, options, plan, firstSeq);
    for (const batch of batches) {
      await writer.write(batch);
      done += batch.cases.length;
      events += batch.events.length;
      if (o.onProgress && (done - lastReport >= 100_000 || done === o.cases)) {
        lastReport = done;
        o.onProgress(done, o.cases, performance.now() - start);
      }
    }
    const ms = performance.now() - start;
    await writer.close();
    writer = null;
    // The read models the app keeps with each case (1–2 character search grams, public rows), for the loaded ones.
    await backfillCaseGrams(database.db, database.dialect);
    await backfillPublicCases(database.db);
    // A bulk load changes the tables' shape by orders of magnitude: plan the next queries on numbers from after it.
    await refreshStatistics(database.db);
    return { cases: done, events, ms, casesPerSecond: done / (ms / 1000) };
  } finally {
    await writer?.close();
    await database.close();
  }
}

/** Accepts 100000, 1e6, 250k, 1m. */
export function parseCount(raw: string): number {
  const m = /^(\d+(?:\.\d+)?)(e\d+|k|m)?$/i.exec(raw.trim());
  if (!m) throw new Error(`not a count: ${raw}`);
  const base = Number(m[1]);
  const suffix = (m[2] ?? '').toLowerCase();
  const n = suffix === 'k' ? base * 1e3 : suffix === 'm' ? base * 1e6 : suffix ? base * Number(`1${suffix}`) : base;
  if (!Number.isInteger(n) || n < 0) throw new Error(`not a whole count: ${raw}`);
  return n;
}

async function cli() {
  const { values } = parseArgs({
    options: {
      url: { type: 'string' },
      schema: { type: 'string' },
      cases: { type: 'string', default: '100000' },
      'span-days': { type: 'string', default: '1095' },
      seed: { type: 'string', default: '1' },
      'full-timeline': { type: 'boolean', default: false },
      'seed-demo': { type: 'boolean', default: false },
    },
  });
  if (!values.url) throw new Error('--url sqlite:<file> | postgres://… is required');
  if (values['seed-demo']) {
    const database = openDatabase(values.url, values.schema ? { schema: values.schema } : {});
    await migrateToLatest(database.db, values.schema ? { schema: values.schema } : {});
    await seedDemoCity(database.db, systemClock);
    await database.close();
  }
  const result = await generateCases({
    url: values.url,
    schema: values.schema ?? null,
    cases: parseCount(values.cases),
    spanDays: Number(values['span-days']),
    seed: Number(values.seed),
    fullTimeline: values['full-timeline'],
    // The installation's key (AUDIT_HMAC_KEY or DATA_DIR/.audit-key), so `npm run audit:verify` holds on the demo history.
    chainKey: new ChainKeys(loadConfig().audit.keys).current,
    onProgress: (done, total, ms) =>
      console.log(`  ${done.toLocaleString('en')} / ${total.toLocaleString('en')} cases, ${(ms / 1000).toFixed(1)} s`),
  });
  console.log(
    `loaded ${result.cases.toLocaleString('en')} cases and ${result.events.toLocaleString('en')} timeline rows in ${(result.ms / 1000).toFixed(1)} s (${Math.round(result.casesPerSecond).toLocaleString('en')} cases/s)`,
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  cli().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
