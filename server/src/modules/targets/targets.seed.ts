import type { Clock } from '../../platform/clock.ts';
import type { Executor } from '../../platform/db.ts';
import { newId } from '../../platform/ids.ts';
import * as repo from './targets.repository.ts';

/** A demo target as the seed writes it (docs/targets.md); `reports` only for a manual one. */
export interface TargetSeed {
  year: number;
  code: string;
  title: string;
  titleEn: string | null;
  unitId: string;
  kind: 'figure' | 'manual';
  figureKey: string | null;
  comparison: 'gte' | 'lte';
  measureUnit: string | null;
  targetValue: number;
  dueOn: string;
  notes: string | null;
  reports: { value: number; reportedOn: string; note: string }[];
}

/** Writes demo targets for the seed (server/src/seed/); not audited: no person made them. `by` records the reports. */
export async function seedTargets(db: Executor, tenantId: string, clock: Clock, by: string, seeds: TargetSeed[]) {
  const at = clock.now().toISOString();
  for (const t of seeds) {
    const id = newId();
    await repo.insertTarget(db, {
      id,
      tenant_id: tenantId,
      year: t.year,
      code: t.code,
      title: t.title,
      title_en: t.titleEn,
      unit_id: t.unitId,
      kind: t.kind,
      figure_key: t.figureKey,
      comparison: t.comparison,
      measure_unit: t.measureUnit,
      target_value: t.targetValue,
      due_on: t.dueOn,
      notes: t.notes,
      created_at: at,
      updated_at: at,
    });
    for (const r of t.reports)
      await repo.insertReport(db, {
        id: newId(),
        tenant_id: tenantId,
        target_id: id,
        value: r.value,
        reported_on: r.reportedOn,
        note: r.note,
        photo_ids: '[]',
        created_by: by,
        created_at: at,
      });
  }
}
