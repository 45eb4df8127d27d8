import { Type, type Static } from 'typebox';
import {
  CAMPAIGN_KINDS,
  CAMPAIGN_STATUSES,
  MAX_OVERRUN_PCT,
  MAX_QUANTITY,
  MEDIA_LEVELS,
  PROBLEM_ACTIONS,
  PROBLEM_LIST_KINDS,
  PROBLEM_STATUSES,
  TASK_STATUSES,
  TOPIC_STATUSES,
} from '../domain/campaigns.ts';
import { Literals, Nullable, PageQuery } from './common.ts';

/**
 * 专项行动 (docs/campaigns.md): campaigns with quantity targets, tasks for handling units with deadlines on the work
 * calendar and the quantities they report with evidence; problem lists and their rectification; 课题, honours and
 * the publicity log; the figures of a period.
 */
export const CampaignKindSchema = Literals(CAMPAIGN_KINDS);
export const CampaignStatusSchema = Literals(CAMPAIGN_STATUSES);
export const TaskStatusSchema = Literals(TASK_STATUSES);
export const ProblemListKindSchema = Literals(PROBLEM_LIST_KINDS);
export const ProblemStatusSchema = Literals(PROBLEM_STATUSES);
export const TopicStatusSchema = Literals(TOPIC_STATUSES);
export const MediaLevelSchema = Literals(MEDIA_LEVELS);

const CalendarDate = Type.String({ format: 'date', description: 'YYYY-MM-DD' });
const RefId = Type.String({ minLength: 1, maxLength: 64 });
const Text = (max: number) => Type.String({ minLength: 1, maxLength: max });
const Note = Type.Optional(Type.String({ maxLength: 500 }));
const PhotoIds = Type.Optional(Type.Array(RefId, { maxItems: 9 }));
/** negative, zero and sub-thousandth amounts are refused at the edge; the service checks again for other callers */
const Quantity = Type.Number({ minimum: 0.001, maximum: MAX_QUANTITY });

export const Target = Type.Object({
  id: Type.String(),
  name: Type.String(),
  /** stable code naming the quantity's report figures (`campaigns.quantity.<code>.reported`) */
  code: Nullable(Type.String()),
  measure: Type.String(),
  target: Type.Number(),
  overrunPct: Type.Integer(),
  reported: Type.Number(),
  percent: Nullable(Type.Number()),
});
export type Target = Static<typeof Target>;

export const TargetCreate = Type.Object({
  name: Text(40),
  /** lowercase letters and digits, unique within the campaign; the service checks the pattern for a field error */
  code: Type.Optional(Nullable(Type.String({ maxLength: 40 }))),
  /** the unit of measure as written in reports: 条, 个, 米, km */
  measure: Text(10),
  target: Quantity,
  overrunPct: Type.Optional(Type.Integer({ minimum: 0, maximum: MAX_OVERRUN_PCT })),
});
export type TargetCreate = Static<typeof TargetCreate>;

export const Campaign = Type.Object({
  id: Type.String(),
  campaignNo: Type.String(),
  name: Type.String(),
  kind: CampaignKindSchema,
  status: CampaignStatusSchema,
  startDate: Type.String(),
  endDate: Nullable(Type.String()),
  description: Nullable(Type.String()),
  verb: Nullable(Type.String()),
  targets: Type.Array(Target),
  taskCount: Type.Integer(),
  doneTasks: Type.Integer(),
  overdueTasks: Type.Integer(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});
export type Campaign = Static<typeof Campaign>;

export const CampaignCreate = Type.Object({
  name: Text(80),
  kind: CampaignKindSchema,
  startDate: CalendarDate,
  endDate: Type.Optional(Nullable(CalendarDate)),
  description: Type.Optional(Type.String({ maxLength: 2000 })),
  /** the verb the report puts before the quantities: 整治 gives 「整治道路25条」 */
  verb: Type.Optional(Type.String({ minLength: 1, maxLength: 6 })),
  targets: Type.Optional(Type.Array(TargetCreate, { maxItems: 20 })),
});
export type CampaignCreate = Static<typeof CampaignCreate>;

/** What an active campaign's keeper may correct: the texts and the dates; the number, kind and targets stay. */
export const CampaignUpdate = Type.Object(
  {
    name: Type.Optional(Text(80)),
    startDate: Type.Optional(CalendarDate),
    endDate: Type.Optional(Nullable(CalendarDate)),
    description: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
    verb: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 6 }))),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type CampaignUpdate = Static<typeof CampaignUpdate>;

export const CampaignQuery = Type.Intersect([
  PageQuery,
  Type.Object({ kind: Type.Optional(CampaignKindSchema), status: Type.Optional(CampaignStatusSchema) }),
]);
export type CampaignQuery = Static<typeof CampaignQuery>;

export const Task = Type.Object({
  id: Type.String(),
  campaignId: Type.String(),
  title: Type.String(),
  unitId: Type.String(),
  unitName: Nullable(Type.String()),
  dueDate: Type.String(),
  overdue: Type.Boolean(),
  progressPct: Type.Integer(),
  status: TaskStatusSchema,
  note: Nullable(Type.String()),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});
export type Task = Static<typeof Task>;

export const TaskCreate = Type.Object({
  title: Text(120),
  unitId: RefId,
  /** a working day of the tenant's calendar, or … */
  dueDate: Type.Optional(CalendarDate),
  /** … a number of working days from today */
  workDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 365 })),
  note: Note,
});
export type TaskCreate = Static<typeof TaskCreate>;

export const TaskProgress = Type.Object({
  /** a whole per cent; more than 100 is refused */
  progressPct: Type.Integer({ minimum: 0, maximum: 100 }),
  note: Note,
});
export type TaskProgress = Static<typeof TaskProgress>;

export const TaskQuery = Type.Intersect([PageQuery, Type.Object({ status: Type.Optional(TaskStatusSchema) })]);
export type TaskQuery = Static<typeof TaskQuery>;

export const QuantityReport = Type.Object({
  id: Type.String(),
  taskId: Type.String(),
  taskTitle: Type.String(),
  targetId: Type.String(),
  targetName: Type.String(),
  measure: Type.String(),
  unitId: Type.String(),
  unitName: Nullable(Type.String()),
  quantity: Type.Number(),
  onDate: Type.String(),
  photoIds: Type.Array(Type.String()),
  note: Nullable(Type.String()),
  createdAt: Type.String(),
});
export type QuantityReport = Static<typeof QuantityReport>;

export const QuantityReportCreate = Type.Object({
  targetId: RefId,
  quantity: Quantity,
  onDate: CalendarDate,
  photoIds: PhotoIds,
  note: Note,
});
export type QuantityReportCreate = Static<typeof QuantityReportCreate>;

export const ProblemList = Type.Object({
  id: Type.String(),
  kind: ProblemListKindSchema,
  name: Type.String(),
  batchNo: Nullable(Type.Integer()),
  issuedOn: Type.String(),
  source: Nullable(Type.String()),
  itemCount: Type.Integer(),
  classCount: Type.Integer(),
  counts: Type.Object({ open: Type.Integer(), rectifying: Type.Integer(), rectified: Type.Integer() }),
  createdAt: Type.String(),
});
export type ProblemList = Static<typeof ProblemList>;

export const ProblemCreate = Type.Object({
  /** 大类 of a 巡察 finding; required on 巡察反馈 lists */
  className: Type.Optional(Text(60)),
  title: Text(300),
  unitId: Type.Optional(Nullable(RefId)),
  dueDate: Type.Optional(Nullable(CalendarDate)),
});
export type ProblemCreate = Static<typeof ProblemCreate>;

export const ProblemListCreate = Type.Object({
  kind: ProblemListKindSchema,
  name: Text(120),
  batchNo: Type.Optional(Nullable(Type.Integer({ minimum: 1, maximum: 99 }))),
  issuedOn: CalendarDate,
  source: Type.Optional(Type.String({ maxLength: 120 })),
  items: Type.Optional(Type.Array(ProblemCreate, { maxItems: 200 })),
});
export type ProblemListCreate = Static<typeof ProblemListCreate>;

export const ProblemListQuery = Type.Intersect([
  PageQuery,
  Type.Object({ kind: Type.Optional(ProblemListKindSchema) }),
]);
export type ProblemListQuery = Static<typeof ProblemListQuery>;

export const Problem = Type.Object({
  id: Type.String(),
  listId: Type.String(),
  seq: Type.Integer(),
  className: Nullable(Type.String()),
  title: Type.String(),
  unitId: Nullable(Type.String()),
  unitName: Nullable(Type.String()),
  dueDate: Nullable(Type.String()),
  status: ProblemStatusSchema,
  measures: Nullable(Type.String()),
  photoIds: Type.Array(Type.String()),
  rectifiedOn: Nullable(Type.String()),
  updatedAt: Type.String(),
});
export type Problem = Static<typeof Problem>;

export const ProblemQuery = Type.Intersect([PageQuery, Type.Object({ status: Type.Optional(ProblemStatusSchema) })]);
export type ProblemQuery = Static<typeof ProblemQuery>;

export const ProblemStep = Type.Object({
  action: Literals(PROBLEM_ACTIONS),
  /** 整改措施: required to finish */
  measures: Type.Optional(Type.String({ maxLength: 2000 })),
  photoIds: PhotoIds,
});
export type ProblemStep = Static<typeof ProblemStep>;

export const Topic = Type.Object({
  id: Type.String(),
  title: Type.String(),
  lead: Nullable(Type.String()),
  status: TopicStatusSchema,
  startedOn: Type.String(),
  concludedOn: Nullable(Type.String()),
  outcome: Nullable(Type.String()),
  updatedAt: Type.String(),
});
export type Topic = Static<typeof Topic>;

export const TopicCreate = Type.Object({
  title: Text(120),
  lead: Type.Optional(Type.String({ maxLength: 40 })),
  startedOn: CalendarDate,
});
export type TopicCreate = Static<typeof TopicCreate>;

export const TopicUpdate = Type.Object({
  status: TopicStatusSchema,
  concludedOn: Type.Optional(Nullable(CalendarDate)),
  outcome: Type.Optional(Type.String({ maxLength: 2000 })),
});
export type TopicUpdate = Static<typeof TopicUpdate>;

export const Honour = Type.Object({
  id: Type.String(),
  name: Type.String(),
  level: MediaLevelSchema,
  awardedOn: Type.String(),
  issuer: Type.String(),
  createdAt: Type.String(),
});
export type Honour = Static<typeof Honour>;

export const HonourCreate = Type.Object({
  name: Text(120),
  level: MediaLevelSchema,
  awardedOn: CalendarDate,
  issuer: Text(80),
});
export type HonourCreate = Static<typeof HonourCreate>;

export const Publicity = Type.Object({
  id: Type.String(),
  outlet: Type.String(),
  level: MediaLevelSchema,
  publishedOn: Type.String(),
  title: Type.String(),
  url: Nullable(Type.String()),
  createdAt: Type.String(),
});
export type Publicity = Static<typeof Publicity>;

export const PublicityCreate = Type.Object({
  outlet: Text(60),
  level: MediaLevelSchema,
  publishedOn: CalendarDate,
  title: Text(200),
  url: Type.Optional(Type.String({ maxLength: 500, pattern: '^https?://' })),
});
export type PublicityCreate = Static<typeof PublicityCreate>;

export const RecordQuery = Type.Intersect([
  PageQuery,
  Type.Object({
    level: Type.Optional(MediaLevelSchema),
    status: Type.Optional(TopicStatusSchema),
    from: Type.Optional(CalendarDate),
    to: Type.Optional(CalendarDate),
  }),
]);
export type RecordQuery = Static<typeof RecordQuery>;

export const FiguresQuery = Type.Object({ from: CalendarDate, to: CalendarDate });
export type FiguresQuery = Static<typeof FiguresQuery>;

const Rectification = Type.Object({
  lists: Type.Integer(),
  classes: Type.Integer(),
  items: Type.Integer(),
  rectified: Type.Integer(),
  rate: Nullable(Type.Number()),
});

export const CampaignFigures = Type.Object({
  from: Type.String(),
  to: Type.String(),
  campaigns: Type.Array(
    Type.Object({
      id: Type.String(),
      name: Type.String(),
      kind: CampaignKindSchema,
      verb: Nullable(Type.String()),
      targets: Type.Array(
        Type.Object({
          name: Type.String(),
          code: Nullable(Type.String()),
          measure: Type.String(),
          target: Type.Number(),
          reported: Type.Number(),
        }),
      ),
    }),
  ),
  tasks: Type.Object({
    total: Type.Integer(),
    done: Type.Integer(),
    overdue: Type.Integer(),
    doneRate: Nullable(Type.Number()),
  }),
  inspection: Rectification,
  yixiaSanmin: Rectification,
  topics: Type.Object({ total: Type.Integer(), concluded: Type.Integer() }),
  publicity: Type.Object({ provincialOrAbove: Type.Integer(), local: Type.Integer(), total: Type.Integer() }),
  honours: Type.Integer(),
});
export type CampaignFigures = Static<typeof CampaignFigures>;
