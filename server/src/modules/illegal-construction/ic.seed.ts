import type { IcDemolitionsTable, IcLettersTable, IcReportsTable, IcStopNoticesTable } from '../../db/schema-lines.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Executor } from '../../platform/db.ts';
import { newId } from '../../platform/ids.ts';
import * as repo from './ic.repository.ts';

type Stamped = 'id' | 'tenant_id' | 'created_by' | 'created_at';
export interface IcSeed {
  /** `key` lets notices, letters and demolitions name their report */
  reports: (Omit<IcReportsTable, Stamped | 'updated_at'> & { key: string })[];
  notices: (Omit<IcStopNoticesTable, Stamped | 'report_id' | 'document_id'> & { reportKey: string })[];
  letters: (Omit<IcLettersTable, Stamped | 'updated_at' | 'report_id'> & { reportKey: string | null })[];
  demolitions: (Omit<IcDemolitionsTable, Stamped | 'report_id'> & { reportKey: string | null })[];
}

/** Writes demo records for the seed (server/src/seed/); not audited: no person made them. `by` is the recording user. */
export async function seedIllegalConstruction(
  db: Executor,
  tenantId: string,
  clock: Clock,
  by: string,
  seed: IcSeed,
): Promise<void> {
  const now = clock.now().toISOString();
  const stamp = { tenant_id: tenantId, created_by: by, created_at: now };
  const ids = new Map(seed.reports.map((r) => [r.key, newId()]));
  const reportId = (key: string | null) => (key ? (ids.get(key) ?? null) : null);
  await repo.insertReports(
    db,
    seed.reports.map(({ key, ...r }) => ({ ...r, ...stamp, id: ids.get(key)!, updated_at: now })),
  );
  await repo.insertNotices(
    db,
    seed.notices.map(({ reportKey, ...n }) => ({
      ...n,
      ...stamp,
      id: newId(),
      report_id: reportId(reportKey)!,
      document_id: null,
    })),
  );
  await repo.insertLetters(
    db,
    seed.letters.map(({ reportKey, ...l }) => ({
      ...l,
      ...stamp,
      id: newId(),
      report_id: reportId(reportKey),
      updated_at: now,
    })),
  );
  // many rows: in chunks, so one statement stays under SQLite's bound-parameter limit
  const rows = seed.demolitions.map(({ reportKey, ...d }) => ({
    ...d,
    ...stamp,
    id: newId(),
    report_id: reportId(reportKey),
  }));
  for (let i = 0; i < rows.length; i += 50) await repo.insertDemolitions(db, rows.slice(i, i + 50));
}

/** True when the tenant already has records (a seed never adds to a city's own data). */
export async function hasIllegalConstruction(db: Executor, tenantId: string): Promise<boolean> {
  return !!(await db
    .selectFrom('ic_reports')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .limit(1)
    .executeTakeFirst());
}
