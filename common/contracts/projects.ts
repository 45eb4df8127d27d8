import { Type, type Static } from 'typebox';
import { Literals, Nullable, PageQuery } from './common.ts';
import { FULL_WEIGHT, FUND_SOURCES, MAX_FEN } from '../domain/projects.ts';

/** Request and response schemas of the projects-and-funds module (docs/projects.md). */

const Text = (max: number) => Type.String({ minLength: 1, maxLength: max });
const DateText = Type.String({ format: 'date', maxLength: 10 });
const Fen = Type.Integer({ minimum: 0, maximum: MAX_FEN });
/** basis points: 10000 = 100 % */
const Weight = Type.Integer({ minimum: 0, maximum: FULL_WEIGHT });
const Pct = Type.Integer({ minimum: 0, maximum: 100 });
const Lng = Type.Number({ minimum: -180, maximum: 180 });
const Lat = Type.Number({ minimum: -90, maximum: 90 });
const Id = Type.String({ minLength: 1, maxLength: 64 });

export const FundSource = Literals(FUND_SOURCES);

export const ProjectInput = Type.Object(
  {
    name: Text(120),
    shortName: Type.Optional(Nullable(Type.String({ maxLength: 60 }))),
    unitId: Type.Optional(Nullable(Id)),
    startOn: DateText,
    endOn: DateText,
    budgetFen: Type.Optional(Nullable(Fen)),
    lng: Type.Optional(Nullable(Lng)),
    lat: Type.Optional(Nullable(Lat)),
    description: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
  },
  { additionalProperties: false },
);
export type ProjectInput = Static<typeof ProjectInput>;
export const ProjectPatch = Type.Partial(ProjectInput, { additionalProperties: false });
export type ProjectPatch = Static<typeof ProjectPatch>;

export const FundInput = Type.Object(
  {
    source: FundSource,
    // an amount won is positive: a negative or zero row is refused here, before anything is written
    amountFen: Type.Integer({ minimum: 1, maximum: MAX_FEN }),
    wonOn: DateText,
    documentNo: Type.Optional(Nullable(Type.String({ maxLength: 80 }))),
    note: Type.Optional(Nullable(Type.String({ maxLength: 500 }))),
  },
  { additionalProperties: false },
);
export type FundInput = Static<typeof FundInput>;

export const SubprojectInput = Type.Object(
  {
    name: Text(120),
    weightBp: Weight,
    location: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
    lng: Type.Optional(Nullable(Lng)),
    lat: Type.Optional(Nullable(Lat)),
  },
  { additionalProperties: false },
);
export type SubprojectInput = Static<typeof SubprojectInput>;
export const SubprojectPatch = Type.Partial(SubprojectInput, { additionalProperties: false });
export type SubprojectPatch = Static<typeof SubprojectPatch>;

export const MilestoneInput = Type.Object(
  {
    name: Text(120),
    weightBp: Weight,
    plannedOn: DateText,
    progressPct: Type.Optional(Pct),
    completedOn: Type.Optional(Nullable(DateText)),
  },
  { additionalProperties: false },
);
export type MilestoneInput = Static<typeof MilestoneInput>;
export const MilestonePatch = Type.Partial(MilestoneInput, { additionalProperties: false });
export type MilestonePatch = Static<typeof MilestonePatch>;
/** Re-planning a milestone (project.manage): its name, weight and planned date. */
export const MilestonePlan = Type.Object(
  { name: Type.Optional(Text(120)), weightBp: Type.Optional(Weight), plannedOn: Type.Optional(DateText) },
  { additionalProperties: false },
);
export type MilestonePlan = Static<typeof MilestonePlan>;
/** A milestone's progress (project.report): the percentage and, at 100 %, the completion date. */
export const MilestoneProgress = Type.Object(
  { progressPct: Pct, completedOn: Type.Optional(Nullable(DateText)) },
  { additionalProperties: false },
);
export type MilestoneProgress = Static<typeof MilestoneProgress>;

/** All sibling weights at once; they must sum to exactly 100 % (10000). */
export const WeightsInput = Type.Object(
  {
    weights: Type.Array(Type.Object({ id: Id, weightBp: Weight }, { additionalProperties: false }), { maxItems: 500 }),
  },
  { additionalProperties: false },
);
export type WeightsInput = Static<typeof WeightsInput>;

export const ReportInput = Type.Object(
  {
    reportedOn: DateText,
    subprojectId: Type.Optional(Nullable(Id)),
    text: Text(4000),
    photoIds: Type.Optional(Type.Array(Id, { maxItems: 12 })),
  },
  { additionalProperties: false },
);
export type ReportInput = Static<typeof ReportInput>;

export const ProjectQuery = Type.Intersect([PageQuery, Type.Object({ unitId: Type.Optional(Id) })]);
export type ProjectQuery = Static<typeof ProjectQuery>;

export const FiguresQuery = Type.Object({ from: DateText, to: DateText }, { additionalProperties: false });
export type FiguresQuery = Static<typeof FiguresQuery>;

export const Fund = Type.Object({
  id: Type.String(),
  source: FundSource,
  amountFen: Type.Integer(),
  wonOn: Type.String(),
  documentNo: Nullable(Type.String()),
  note: Nullable(Type.String()),
});
export type Fund = Static<typeof Fund>;

export const Milestone = Type.Object({
  id: Type.String(),
  name: Type.String(),
  weightBp: Type.Integer(),
  plannedOn: Type.String(),
  progressPct: Type.Integer(),
  completedOn: Nullable(Type.String()),
});
export type Milestone = Static<typeof Milestone>;

export const Subproject = Type.Object({
  id: Type.String(),
  name: Type.String(),
  weightBp: Type.Integer(),
  location: Nullable(Type.String()),
  lng: Nullable(Type.Number()),
  lat: Nullable(Type.Number()),
  progressPct: Type.Number(),
  done: Type.Boolean(),
  /** the milestones' weights sum to 100 % */
  weightsComplete: Type.Boolean(),
  milestones: Type.Array(Milestone),
});
export type Subproject = Static<typeof Subproject>;

export const ProgressReport = Type.Object({
  id: Type.String(),
  reportedOn: Type.String(),
  subprojectId: Nullable(Type.String()),
  subprojectName: Nullable(Type.String()),
  text: Type.String(),
  photoIds: Type.Array(Type.String()),
  createdBy: Type.String(),
  createdAt: Type.String(),
});
export type ProgressReport = Static<typeof ProgressReport>;

export const ProjectSummary = Type.Object({
  id: Type.String(),
  name: Type.String(),
  shortName: Nullable(Type.String()),
  unitId: Nullable(Type.String()),
  unitName: Nullable(Type.String()),
  startOn: Type.String(),
  endOn: Type.String(),
  budgetFen: Nullable(Type.Integer()),
  fundsFen: Type.Integer(),
  subprojects: Type.Integer(),
  subprojectsDone: Type.Integer(),
  progressPct: Type.Number(),
  /** the subprojects' weights sum to 100 % */
  weightsComplete: Type.Boolean(),
  lng: Nullable(Type.Number()),
  lat: Nullable(Type.Number()),
  updatedAt: Type.String(),
});
export type ProjectSummary = Static<typeof ProjectSummary>;

export const ProjectDetail = Type.Intersect([
  ProjectSummary,
  Type.Object({
    description: Nullable(Type.String()),
    funds: Type.Array(Fund),
    subprojectList: Type.Array(Subproject),
    reports: Type.Array(ProgressReport),
  }),
]);
export type ProjectDetail = Static<typeof ProjectDetail>;

export const ProjectFigures = Type.Object({
  from: Type.String(),
  to: Type.String(),
  fundsFen: Type.Integer(),
  bySource: Type.Array(Type.Object({ source: FundSource, amountFen: Type.Integer(), count: Type.Integer() })),
  projectsFunded: Type.Integer(),
  subprojects: Type.Integer(),
  subprojectsDone: Type.Integer(),
  /** each project running in the period (its dates overlap it), with its roll-up */
  projects: Type.Array(
    Type.Object({
      id: Type.String(),
      name: Type.String(),
      shortName: Nullable(Type.String()),
      subprojects: Type.Integer(),
      subprojectsDone: Type.Integer(),
      progressPct: Type.Number(),
    }),
  ),
});
export type ProjectFigures = Static<typeof ProjectFigures>;

export const MapPoint = Type.Object({
  kind: Literals(['project', 'subproject'] as const),
  id: Type.String(),
  projectId: Type.String(),
  name: Type.String(),
  lng: Type.Number(),
  lat: Type.Number(),
  progressPct: Type.Number(),
  done: Type.Boolean(),
});
export type MapPoint = Static<typeof MapPoint>;
