import { sql } from 'kysely';
import { KPI_COUNTERS, zeroCounts, type KpiCounter } from '../../../../common/domain/kpi.ts';
import type { KpiCaseFactsTable } from '../../db/schema-kpi.ts';
import type { Database, Executor } from '../../platform/db.ts';
import {
  computeFact,
  contributions,
  diffContributions,
  parseContributionKey,
  pruned,
  USER_ROLES,
  type Contributions,
  type Fact,
  type FactCase,
  type FactEvent,
} from './kpi-facts.ts';
import { caseFactInputs } from '../cases/index.ts';
import { tenantColumns } from '../org/index.ts';
import { catalogLookups } from '../catalog/index.ts';

/**
 * The incrementally maintained roll-up: always consistent with the cases, always fast to read. Triggers on `cases`
 * queue every changed case in kpi_dirty (migration 0010); draining recomputes each queued case's facts from its row, timeline
 * and warnings, and adds (new − old) to the daily counters. Each batch is one transaction that first claims its
 * queue rows by (case, mark): a change landing meanwhile leaves a fresh mark and is drained again.
 */
const snake = (k: string) => k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
const COL_OF = new Map<string, string>(KPI_COUNTERS.map((k) => [k, snake(k)]));
export const col = (k: string) => COL_OF.get(k) ?? snake(k);
const COLS = KPI_COUNTERS.map(col);
/** Small batches online (each is one transaction: on SQLite it holds the only connection), big ones for a catch-up. */
const ONLINE_BATCH = 100;
export const CATCH_UP_BATCH = 1000;

const FACT_USER_COLS = {
  reporter: 'reporter_id',
  acceptor: 'acceptor_id',
  verifier: 'verifier_id',
  filer: 'filer_id',
  dispatcher: 'dispatcher_id',
  checkSender: 'check_sender_id',
  checker: 'checker_id',
  closer: 'closer_id',
} as const;

function factToRow(f: Fact): KpiCaseFactsTable {
  const row: Record<string, unknown> = {
    case_id: f.caseId,
    tenant_id: f.tenantId,
    report_day: f.reportDay,
    filed_day: f.filedDay,
    street_id: f.streetId,
    community_id: f.communityId,
    grid_code: f.gridCode,
    unit_id: f.unitId,
    channel: f.channel,
    major_code: f.majorCode,
    matter_code: f.matterCode,
    report_hour: f.reportHour,
    component_code: f.componentCode,
    component_type: f.componentType,
    lng: f.lng,
    lat: f.lat,
  };
  for (const role of USER_ROLES) row[FACT_USER_COLS[role]] = f.users[role];
  for (const k of KPI_COUNTERS) row[col(k)] = f.counts[k];
  return row as unknown as KpiCaseFactsTable;
}

function rowToFact(r: KpiCaseFactsTable): Fact {
  const raw = r as unknown as Record<string, unknown>;
  const counts = zeroCounts();
  for (const k of KPI_COUNTERS) counts[k] = Number(raw[col(k)] ?? 0);
  const users = Object.fromEntries(
    USER_ROLES.map((role) => [role, (raw[FACT_USER_COLS[role]] as string | null) ?? null]),
  ) as Fact['users'];
  return {
    caseId: r.case_id,
    tenantId: r.tenant_id,
    reportDay: r.report_day,
    filedDay: r.filed_day,
    streetId: r.street_id,
    communityId: r.community_id,
    gridCode: r.grid_code,
    unitId: r.unit_id,
    channel: r.channel,
    majorCode: r.major_code,
    matterCode: r.matter_code ?? null,
    reportHour: r.report_hour ?? null,
    componentCode: r.component_code ?? null,
    componentType: r.component_type ?? null,
    lng: r.lng === null || r.lng === undefined ? null : Number(r.lng),
    lat: r.lat === null || r.lat === undefined ? null : Number(r.lat),
    users,
    counts,
  };
}

/**
 * Adds counters to the daily roll-up rows (dim, member, day) of a tenant, creating the rows that are missing, and the
 * same counters to the monthly rows (dim, member, month) in the same transaction: the drainer's write, and the
 * bench's way to load the roll-up a city of millions of cases holds (bench/analysis-scale.bench.ts) without
 * generating the cases.
 */
export async function addDailyRows(
  db: Executor,
  tenantId: string,
  rows: readonly { dim: string; dimId: string; day: string; counts: Partial<Record<KpiCounter, number>> }[],
): Promise<void> {
  await upsertCounters(
    db,
    'kpi_daily',
    'day',
    tenantId,
    rows.map((r) => ({ ...r, at: r.day })),
  );
  const monthly = byMonth(rows);
  await upsertCounters(db, 'kpi_monthly', 'month', tenantId, monthly);
  await bumpMonthStamps(db, tenantId, [...new Set(monthly.map((r) => r.at))].sort());
}

/**
 * Marks months whose roll-up rows changed, in the changing transaction: a cached period score computed before
 * carries the old stamp and is no longer used (kpi-period-scores.ts). Months in order, so writers lock alike.
 */
export async function bumpMonthStamps(db: Executor, tenantId: string, months: readonly string[]): Promise<void> {
  if (!months.length) return;
  await db
    .insertInto('kpi_month_stamps')
    .values(months.map((month) => ({ tenant_id: tenantId, month, stamp: 1 })))
    .onConflict((oc) => oc.columns(['tenant_id', 'month']).doUpdateSet({ stamp: sql`kpi_month_stamps.stamp + 1` }))
    .execute();
}

type CounterRow = { dim: string; dimId: string; at: string; counts: Partial<Record<KpiCounter, number>> };

/** The rows merged per (dim, member, month), in the order of their first row (the drainer's fixed lock order). */
function byMonth(
  rows: readonly { dim: string; dimId: string; day: string; counts: Partial<Record<KpiCounter, number>> }[],
) {
  const merged = new Map<string, CounterRow>();
  for (const r of rows) {
    const at = r.day.slice(0, 7);
    const key = `${r.dim}\u0000${r.dimId}\u0000${at}`;
    const m = merged.get(key);
    if (!m) {
      merged.set(key, { dim: r.dim, dimId: r.dimId, at, counts: { ...r.counts } });
      continue;
    }
    for (const k of KPI_COUNTERS) if (r.counts[k]) m.counts[k] = (m.counts[k] ?? 0) + (r.counts[k] ?? 0);
  }
  return [...merged.values()];
}

async function upsertCounters(
  db: Executor,
  table: 'kpi_daily' | 'kpi_monthly',
  period: 'day' | 'month',
  tenantId: string,
  rows: readonly CounterRow[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += 100) {
    const values = rows
      .slice(i, i + 100)
      .map((r) => sql`(${sql.join([tenantId, r.dim, r.at, r.dimId, ...KPI_COUNTERS.map((k) => r.counts[k] ?? 0)])})`);
    await sql`insert into ${sql.table(table)} (tenant_id, dim, ${sql.ref(period)}, dim_id, ${sql.raw(COLS.join(', '))}) values ${sql.join(values)}
      on conflict (tenant_id, dim, ${sql.ref(period)}, dim_id) do update set ${sql.raw(COLS.map((c) => `${c} = ${table}.${c} + excluded.${c}`).join(', '))}`.execute(
      db,
    );
  }
}

export function createRollup(database: Database) {
  const { db } = database;
  const zones = new Map<string, Intl.DateTimeFormat>();
  const hourZones = new Map<string, Intl.DateTimeFormat>();
  const majors = new Map<string, Map<string, string>>();

  async function dayFormatter(tenantId: string): Promise<(iso: string) => string> {
    let f = zones.get(tenantId);
    if (!f) {
      const t = await tenantColumns(db, tenantId, ['timezone']);
      f = new Intl.DateTimeFormat('en-CA', {
        timeZone: t?.timezone || 'Asia/Shanghai',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
      });
      zones.set(tenantId, f);
    }
    const fmt = f;
    return (iso) => fmt.format(new Date(iso));
  }

  /** The local hour '00'–'23' of an instant in the tenant's zone (the 'hour' dimension of analysis). */
  async function hourFormatter(tenantId: string): Promise<(iso: string) => string> {
    let f = hourZones.get(tenantId);
    if (!f) {
      const t = await tenantColumns(db, tenantId, ['timezone']);
      f = new Intl.DateTimeFormat('en-GB', {
        timeZone: t?.timezone || 'Asia/Shanghai',
        hour: '2-digit',
        hourCycle: 'h23',
      });
      hourZones.set(tenantId, f);
    }
    const fmt = f;
    return (iso) => fmt.format(new Date(iso));
  }

  async function majorsOf(tenantId: string): Promise<Map<string, string>> {
    let m = majors.get(tenantId);
    if (!m) {
      m = await catalogLookups.matterMajors(db, tenantId);
      majors.set(tenantId, m);
    }
    return m;
  }

  /** Applies merged deltas in key order (a fixed lock order, so concurrent drainers cannot deadlock). */
  async function applyDeltas(tx: Executor, tenantId: string, deltas: Contributions) {
    const keys = [...deltas.keys()].sort();
    await addDailyRows(
      tx,
      tenantId,
      keys.map((key) => ({ ...parseContributionKey(key), counts: deltas.get(key) ?? {} })),
    );
  }

  /** Drains one batch of one tenant's queue; returns how many cases were recomputed. */
  async function drainBatch(tenantId: string, size: number): Promise<number> {
    const queued = await db
      .selectFrom('kpi_dirty')
      .select(['case_id', 'mark'])
      .where('tenant_id', '=', tenantId)
      .limit(size)
      .execute();
    if (!queued.length) return 0;
    // Lookups through the pool before the transaction (SQLite has one connection).
    const localDay = await dayFormatter(tenantId);
    const localHour = await hourFormatter(tenantId);
    const majorOf = await majorsOf(tenantId);
    return db.transaction().execute(async (tx) => {
      const claimed: string[] = [];
      for (let i = 0; i < queued.length; i += 200) {
        const part = queued.slice(i, i + 200);
        const res = await sql<{
          case_id: string;
        }>`delete from kpi_dirty where (case_id, mark) in (values ${sql.join(part.map((q) => sql`(${q.case_id}, ${q.mark})`))}) returning case_id`.execute(
          tx,
        );
        claimed.push(...res.rows.map((r) => r.case_id));
      }
      if (!claimed.length) return 0;
      const [{ cases, events, reds }, olds] = await Promise.all([
        caseFactInputs(tx, claimed),
        tx.selectFrom('kpi_case_facts').selectAll().where('case_id', 'in', claimed).execute(),
      ]);
      const eventsOf = new Map<string, FactEvent[]>();
      for (const e of events) (eventsOf.get(e.case_id) ?? eventsOf.set(e.case_id, []).get(e.case_id))?.push(e);
      const redOf = new Map<string, Map<string, number>>();
      for (const r of reds)
        (redOf.get(r.case_id) ?? redOf.set(r.case_id, new Map()).get(r.case_id))?.set(r.status, Number(r.n));
      const deltas: Contributions = new Map();
      for (const old of olds) diffContributions(contributions(rowToFact(old)), new Map(), deltas);
      const fresh = cases.map((c) =>
        computeFact(
          c as FactCase,
          eventsOf.get(c.id) ?? [],
          redOf.get(c.id) ?? new Map(),
          majorOf.get(c.matter_code) ?? c.matter_code.slice(0, 2),
          localDay,
          localHour,
        ),
      );
      for (const f of fresh) diffContributions(new Map(), contributions(f), deltas);
      if (olds.length)
        await tx
          .deleteFrom('kpi_case_facts')
          .where(
            'case_id',
            'in',
            olds.map((o) => o.case_id),
          )
          .execute();
      for (let i = 0; i < fresh.length; i += 200)
        await tx
          .insertInto('kpi_case_facts')
          .values(fresh.slice(i, i + 200).map(factToRow))
          .execute();
      await applyDeltas(tx, tenantId, pruned(deltas));
      return claimed.length;
    });
  }

  return {
    /** Drains the tenant's whole queue (reads call this first: figures are current right after a change). */
    async drain(tenantId: string, batch = ONLINE_BATCH): Promise<number> {
      let total = 0;
      for (;;) {
        const n = await drainBatch(tenantId, batch);
        if (!n) {
          const left = await db
            .selectFrom('kpi_dirty')
            .select('case_id')
            .where('tenant_id', '=', tenantId)
            .limit(1)
            .executeTakeFirst();
          if (!left) return total;
        }
        total += n;
      }
    },

    /** The scheduled job: drains every tenant's queue. */
    async drainAll(): Promise<number> {
      const tenants = await db.selectFrom('kpi_dirty').select('tenant_id').distinct().execute();
      let total = 0;
      for (const t of tenants) total += await this.drain(t.tenant_id);
      return total;
    },

    /** Rebuilds a tenant from nothing: every case queued again, facts and roll-up cleared, then drained. */
    async rebuild(tenantId: string): Promise<number> {
      await db.transaction().execute(async (tx) => {
        await tx.deleteFrom('kpi_daily').where('tenant_id', '=', tenantId).execute();
        await tx.deleteFrom('kpi_monthly').where('tenant_id', '=', tenantId).execute();
        // a month left empty by the rebuild is written by no drain: its stamp moves here
        await tx
          .updateTable('kpi_month_stamps')
          .set({ stamp: sql`stamp + 1` })
          .where('tenant_id', '=', tenantId)
          .execute();
        await tx.deleteFrom('kpi_case_facts').where('tenant_id', '=', tenantId).execute();
        await tx.deleteFrom('kpi_dirty').where('tenant_id', '=', tenantId).execute();
        await sql`insert into kpi_dirty (case_id, tenant_id, mark) select id, tenant_id, 'rebuild' from cases where tenant_id = ${tenantId}`.execute(
          tx,
        );
      });
      majors.delete(tenantId);
      return this.drain(tenantId, CATCH_UP_BATCH);
    },
  };
}
export type Rollup = ReturnType<typeof createRollup>;

export type CounterName = KpiCounter;
