import type { Database, Executor } from '../../platform/db.ts';
import { hourOf } from './minute-pack.ts';
import { dropPartitionsBefore, PARTITIONED, preparePartitions, type PartitionedTable } from './partitions.ts';
import { compactPacks } from './rollup-store.ts';
import type { TelemetryConfig } from './telemetry-config.ts';

/**
 * What one run did: minute packs compacted, rows deleted per table (`minutes`: minute packs), and on PostgreSQL the
 * partitions made and dropped.
 */
export interface Swept {
  compacted: number;
  raw: number;
  minutes: number;
  hours: number;
  rejected: number;
  created: string[];
  dropped: string[];
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** refused messages are kept a month for the rejected-message log */
const REJECTED_DAYS = 30;

/**
 * The instant before which each table's rows may go; null = kept forever (docs/iot.md, "Readings and retention").
 * A minute pack holds its hour's minutes, so it goes once its hour has ended by the cut-off: the hour's start.
 */
export function cutoffs(config: TelemetryConfig, now: Date): Record<PartitionedTable['table'], string | null> {
  const ago = (ms: number) => new Date(now.getTime() - ms).toISOString();
  return {
    telemetry_readings: ago(config.rawHours * HOUR),
    telemetry_minute_packs: hourOf(now.getTime() - config.minuteDays * DAY),
    telemetry_hours: config.hourDays > 0 ? ago(config.hourDays * DAY) : null,
  };
}

const FIELD = { telemetry_readings: 'raw', telemetry_minute_packs: 'minutes', telemetry_hours: 'hours' } as const;

/**
 * The hourly `telemetry.retention` job. PostgreSQL: partitions for the current and next period first, then whole
 * partitions past the window are dropped (and stray rows of the DEFAULT partition deleted). SQLite: rows past the
 * window are deleted. Then the minute packs of the hours ended before `now` are compacted (rollup-store.ts).
 * Running it again at the same instant changes nothing.
 */
export async function sweepTelemetry(database: Database, config: TelemetryConfig, now: Date): Promise<Swept> {
  const { db } = database;
  const cut = cutoffs(config, now);
  const out: Swept = { compacted: 0, raw: 0, minutes: 0, hours: 0, rejected: 0, created: [], dropped: [] };
  if (database.dialect === 'postgres') out.created = await preparePartitions(db, now);
  if (database.dialect === 'postgres') {
    for (const spec of PARTITIONED) {
      const before = cut[spec.table];
      if (before === null) continue;
      const r = await dropPartitionsBefore(db, spec, before);
      out[FIELD[spec.table]] = r.deleted;
      out.dropped.push(...r.dropped);
    }
  } else {
    for (const spec of PARTITIONED) {
      const before = cut[spec.table];
      if (before !== null) out[FIELD[spec.table]] = await deleteBefore(db, spec, before);
    }
  }
  // after retention, so no pack about to go is merged first
  out.compacted = (await compactPacks(db, hourOf(now.getTime()))).packs;
  const rejected = new Date(now.getTime() - REJECTED_DAYS * DAY).toISOString();
  const res = await db.deleteFrom('telemetry_rejected').where('received_at', '<', rejected).executeTakeFirst();
  out.rejected = Number(res.numDeletedRows);
  return out;
}

async function deleteBefore(db: Executor, spec: PartitionedTable, cut: string): Promise<number> {
  const res =
    spec.key === 'at'
      ? await db.deleteFrom('telemetry_readings').where('at', '<', cut).executeTakeFirst()
      : spec.key === 'hour'
        ? await db.deleteFrom('telemetry_minute_packs').where('hour', '<', cut).executeTakeFirst()
        : await db.deleteFrom('telemetry_hours').where('bucket', '<', cut).executeTakeFirst();
  return Number(res.numDeletedRows);
}

/** At start (PostgreSQL): the current and next periods' partitions, before the first reading is stored. */
export async function prepareTelemetryPartitions(database: Database, now: Date): Promise<string[]> {
  return database.dialect === 'postgres' ? preparePartitions(database.db, now) : [];
}
