import type { Clock } from '../../platform/clock.ts';
import type { Executor } from '../../platform/db.ts';
import { newId } from '../../platform/ids.ts';
import * as repo from './projects.repository.ts';

/** A demo project as the seed writes it: amounts in fen, weights in basis points (docs/projects.md). */
export interface ProjectSeed {
  name: string;
  shortName: string | null;
  unitId: string | null;
  startOn: string;
  endOn: string;
  budgetFen: number | null;
  point: [number, number] | null;
  description: string | null;
  funds: { source: string; amountFen: number; wonOn: string; documentNo: string | null }[];
  subprojects: {
    name: string;
    weightBp: number;
    location: string | null;
    point: [number, number] | null;
    milestones: {
      name: string;
      weightBp: number;
      plannedOn: string;
      progressPct: number;
      completedOn: string | null;
    }[];
  }[];
  reports: { reportedOn: string; text: string }[];
}

/** Writes demo projects for the seed (server/src/seed/); not audited: no person made them. `by` records them. */
/** Writes the seed; answers the new projects' ids by name (a seed of another module links its records to them). */
export async function seedProjects(
  db: Executor,
  tenantId: string,
  clock: Clock,
  by: string,
  seeds: ProjectSeed[],
): Promise<Map<string, string>> {
  const at = clock.now().toISOString();
  const ids = new Map<string, string>();
  for (const p of seeds) {
    const projectId = newId();
    ids.set(p.name, projectId);
    await repo.insertProject(db, {
      id: projectId,
      tenant_id: tenantId,
      name: p.name,
      short_name: p.shortName,
      unit_id: p.unitId,
      start_on: p.startOn,
      end_on: p.endOn,
      budget_fen: p.budgetFen,
      lng: p.point?.[0] ?? null,
      lat: p.point?.[1] ?? null,
      description: p.description,
      created_at: at,
      updated_at: at,
    });
    for (const f of p.funds)
      await repo.insertFund(db, {
        id: newId(),
        tenant_id: tenantId,
        project_id: projectId,
        source: f.source,
        amount_fen: f.amountFen,
        won_on: f.wonOn,
        document_no: f.documentNo,
        note: null,
        created_by: by,
        created_at: at,
      });
    const subs = p.subprojects.map((s) => ({ ...s, id: newId() }));
    await repo.insertSubprojects(
      db,
      subs.map((s) => ({
        id: s.id,
        tenant_id: tenantId,
        project_id: projectId,
        name: s.name,
        weight_bp: s.weightBp,
        location: s.location,
        lng: s.point?.[0] ?? null,
        lat: s.point?.[1] ?? null,
        created_at: at,
        updated_at: at,
      })),
    );
    await repo.insertMilestones(
      db,
      subs.flatMap((s) =>
        s.milestones.map((m) => ({
          id: newId(),
          tenant_id: tenantId,
          project_id: projectId,
          subproject_id: s.id,
          name: m.name,
          weight_bp: m.weightBp,
          planned_on: m.plannedOn,
          progress_pct: m.progressPct,
          completed_on: m.completedOn,
          created_at: at,
          updated_at: at,
        })),
      ),
    );
    await repo.insertReports(
      db,
      p.reports.map((r) => ({
        id: newId(),
        tenant_id: tenantId,
        project_id: projectId,
        subproject_id: null,
        reported_on: r.reportedOn,
        text: r.text,
        photo_ids: '[]',
        created_by: by,
        created_at: at,
      })),
    );
  }
  return ids;
}
