/**
 * The PostgreSQL side of an intake without the app around it: the node-postgres driver (`pg`, what the app uses
 * through Kysely) against porsager's `postgres`, on the statement shape of a staff intake, and where in the
 * transaction the per-day number is drawn. Each transaction runs, at 20 concurrent clients over a pool of 10:
 *   the number (an upsert on one row per tenant and day), the case row, its event, the idempotency row, commit.
 * `number first` is the app's order today; `number last` draws it just before the commit, so the row lock it takes
 * is held for the commit alone; `no number` is the ceiling. Printed per variant: transactions/s and the client's
 * CPU per transaction. Figures are printed, never asserted.
 *   node --import tsx bench/pg-drivers.ts [--pg-url postgres://postgres@127.0.0.1:5432/test] [--duration 5]
 */
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import pg from 'pg';
import postgres from 'postgres';

const { values } = parseArgs({
  options: {
    'pg-url': { type: 'string', default: process.env.BENCH_PG_URL || 'postgres://postgres@127.0.0.1:5432/test' },
    duration: { type: 'string', default: '5' },
  },
});
const url = values['pg-url'];
const durationMs = Number(values.duration) * 1000;
const CLIENTS = 20;
const POOL = 10;
const schema = `bench_drivers_${process.pid}`;

type Order = 'number first' | 'number last' | 'no number';
interface Tx {
  query(text: string, params: unknown[]): Promise<unknown>;
}
interface Driver {
  name: string;
  transaction(run: (tx: Tx) => Promise<void>): Promise<void>;
  end(): Promise<void>;
}

const UPSERT = `insert into seq (tenant_id, name, value) values ($1, $2, 1)
  on conflict (tenant_id, name) do update set value = seq.value + 1 returning value`;
const CASE = `insert into cases (id, tenant_id, case_no, description, lng, lat, reported_at) values ($1, $2, $3, $4, $5, $6, $7)`;
const EVENT = `insert into events (id, case_id, at, action, data) values ($1, $2, $3, 'report', $4)`;
const IDEM = `insert into idem (key, body) values ($1, $2)`;

async function intake(tx: Tx, order: Order, i: number): Promise<void> {
  const id = randomUUID();
  const now = new Date().toISOString();
  const number = () => tx.query(UPSERT, ['t1', 'case:20261205']);
  if (order === 'number first') await number();
  await tx.query(CASE, [id, 't1', `420281-20261205-${i}`, '井盖缺失，行人有跌落风险', 114.98, 30.1, now]);
  await tx.query(EVENT, [randomUUID(), id, now, JSON.stringify({ channel: 'inspector', photos: [] })]);
  await tx.query(IDEM, [`k-${id}`, JSON.stringify({ status: 201, id })]);
  if (order === 'number last') await number();
}

function pgDriver(): Driver {
  const pool = new pg.Pool({ connectionString: url, max: POOL, options: `-c search_path=${schema}` });
  return {
    name: 'pg (node-postgres)',
    async transaction(run) {
      const client = await pool.connect();
      try {
        await client.query('begin');
        await run({ query: (text, params) => client.query(text, params) });
        await client.query('commit');
      } catch (err) {
        await client.query('rollback');
        throw err;
      } finally {
        client.release();
      }
    },
    end: () => pool.end(),
  };
}

function postgresDriver(): Driver {
  const db = postgres(url, { max: POOL, connection: { search_path: schema }, onnotice: () => {} });
  return {
    name: 'postgres (porsager)',
    async transaction(run) {
      await db.begin(async (tx) => {
        await run({ query: (text, params) => tx.unsafe(text, params as never[], { prepare: true }) });
      });
    },
    end: () => db.end(),
  };
}

let i = 0;
async function measure(driver: Driver, order: Order) {
  let done = 0;
  const until = performance.now() + durationMs;
  const cpu = process.cpuUsage();
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (performance.now() < until) {
        const n = i++;
        await driver.transaction((tx) => intake(tx, order, n));
        done++;
      }
    }),
  );
  const used = process.cpuUsage(cpu);
  const seconds = (performance.now() - started) / 1000;
  return { tps: done / seconds, cpuUs: (used.user + used.system) / done };
}

const admin = new pg.Client({ connectionString: url });
await admin.connect();
await admin.query(`create schema ${schema}`);
await admin.query(`set search_path = ${schema}`);
await admin.query(
  `create table seq (tenant_id text, name text, value integer not null, primary key (tenant_id, name))`,
);
await admin.query(`create table cases (id text primary key, tenant_id text not null, case_no text not null unique,
  description text not null, lng double precision, lat double precision, reported_at text not null)`);
await admin.query(`create index cases_reported on cases (tenant_id, reported_at)`);
await admin.query(`create table events (id text primary key, case_id text not null, at text not null, action text not null,
  data text not null)`);
await admin.query(`create index events_case on events (case_id, at)`);
await admin.query(`create table idem (key text primary key, body text not null)`);
try {
  console.log(
    `PostgreSQL ${(await admin.query('show server_version')).rows[0].server_version}, ${CLIENTS} clients, pool ${POOL}, ${values.duration} s per run`,
  );
  for (const order of ['number first', 'number last', 'no number'] as const) {
    for (const make of [pgDriver, postgresDriver]) {
      const driver = make();
      await measure(driver, order); // warm-up: connections, prepared statements
      const r = await measure(driver, order);
      await driver.end();
      console.log(
        `${order.padEnd(13)} ${driver.name.padEnd(20)} ${r.tps.toFixed(0).padStart(6)} transactions/s  ${r.cpuUs.toFixed(0).padStart(5)} µs client CPU per transaction`,
      );
    }
  }
} finally {
  await admin.query(`drop schema ${schema} cascade`);
  await admin.end();
}
