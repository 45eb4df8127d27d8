/**
 * The roll-up of a project's progress from its rows, and the views the API returns (docs/projects.md, "Weights and
 * progress"). No I/O: the service loads the rows and passes them in.
 */
import type { FundSource } from '../../../../common/domain/projects.ts';
import type {
  Fund,
  Milestone,
  ProgressReport,
  ProjectSummary,
  Subproject,
} from '../../../../common/contracts/projects.ts';
import {
  FULL_WEIGHT,
  isDone,
  projectPercent,
  subprojectPercent,
  subprojectProgressUnits,
  weightSum,
} from '../../../../common/domain/projects.ts';
import type {
  ProjectFundsTable,
  ProjectMilestonesTable,
  ProjectsTable,
  ProjectSubprojectsTable,
} from '../../db/schema-projects.ts';

export interface ProjectRows {
  funds: ProjectFundsTable[];
  subprojects: ProjectSubprojectsTable[];
  milestones: ProjectMilestonesTable[];
}

const num = (v: number | string | null) => (v === null ? null : Number(v));

export const milestoneView = (m: ProjectMilestonesTable): Milestone => ({
  id: m.id,
  name: m.name,
  weightBp: Number(m.weight_bp),
  plannedOn: m.planned_on,
  progressPct: Number(m.progress_pct),
  completedOn: m.completed_on,
});

export const fundView = (f: ProjectFundsTable): Fund => ({
  id: f.id,
  source: f.source as FundSource,
  amountFen: Number(f.amount_fen),
  wonOn: f.won_on,
  documentNo: f.document_no,
  note: f.note,
});

/** Each subproject with its milestones and progress, in the subprojects' order. */
export function subprojectViews(subprojects: readonly ProjectSubprojectsTable[], milestones: ProjectMilestonesTable[]) {
  const bySub = new Map<string, Milestone[]>();
  for (const m of milestones) {
    const list = bySub.get(m.subproject_id) ?? [];
    list.push(milestoneView(m));
    bySub.set(m.subproject_id, list);
  }
  return subprojects.map((s) => {
    const ms = bySub.get(s.id) ?? [];
    const units = subprojectProgressUnits(ms);
    const view: Subproject = {
      id: s.id,
      name: s.name,
      weightBp: Number(s.weight_bp),
      location: s.location,
      lng: num(s.lng),
      lat: num(s.lat),
      progressPct: subprojectPercent(units),
      done: isDone(units),
      weightsComplete: weightSum(ms) === FULL_WEIGHT,
      milestones: ms,
    };
    return { view, units };
  });
}

/** The project's counts and overall progress from its rows. */
export function rollUp(rows: ProjectRows) {
  const subs = subprojectViews(rows.subprojects, rows.milestones);
  return {
    subs,
    fundsFen: rows.funds.reduce((s, f) => s + Number(f.amount_fen), 0),
    subprojects: subs.length,
    subprojectsDone: subs.filter((s) => s.view.done).length,
    progressPct: projectPercent(subs.map((s) => ({ weightBp: s.view.weightBp, units: s.units }))),
    weightsComplete: weightSum(subs.map((s) => s.view)) === FULL_WEIGHT,
  };
}

export function summaryView(p: ProjectsTable, rows: ProjectRows, unitName: string | null): ProjectSummary {
  const r = rollUp(rows);
  return {
    id: p.id,
    name: p.name,
    shortName: p.short_name,
    unitId: p.unit_id,
    unitName,
    startOn: p.start_on,
    endOn: p.end_on,
    budgetFen: num(p.budget_fen),
    fundsFen: r.fundsFen,
    subprojects: r.subprojects,
    subprojectsDone: r.subprojectsDone,
    progressPct: r.progressPct,
    weightsComplete: r.weightsComplete,
    lng: num(p.lng),
    lat: num(p.lat),
    updatedAt: p.updated_at,
  };
}

/** Rows of many projects split by project (one query per table for a whole page). */
export function rowsByProject(ids: readonly string[], all: ProjectRows): Map<string, ProjectRows> {
  const out = new Map<string, ProjectRows>(ids.map((id) => [id, { funds: [], subprojects: [], milestones: [] }]));
  for (const f of all.funds) out.get(f.project_id)?.funds.push(f);
  for (const s of all.subprojects) out.get(s.project_id)?.subprojects.push(s);
  for (const m of all.milestones) out.get(m.project_id)?.milestones.push(m);
  return out;
}

export const reportView = (
  r: {
    id: string;
    reported_on: string;
    subproject_id: string | null;
    subproject_name: string | null;
    text: string;
    photo_ids: string;
    created_by: string;
    created_at: string;
  },
  users: Map<string, string>,
): ProgressReport => ({
  id: r.id,
  reportedOn: r.reported_on,
  subprojectId: r.subproject_id,
  subprojectName: r.subproject_name,
  text: r.text,
  photoIds: JSON.parse(r.photo_ids) as string[],
  createdBy: users.get(r.created_by) ?? '',
  createdAt: r.created_at,
});
