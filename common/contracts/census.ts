import { Type, type Static } from 'typebox';
import { Id, Literals, Nullable } from './common.ts';

/** 专项普查 (docs/monitor.md, "Census campaigns"): a campaign over streets splits into grid tasks for the grids' inspectors. */
const CalendarDate = Type.String({ format: 'date', description: 'YYYY-MM-DD' });
const ClassCode = Type.String({ pattern: '^[0-9]{5}$', description: '5-digit GB/T 47678.5 component class' });
export const CENSUS_OUTCOMES = ['ok', 'damaged', 'missing', 'new'] as const;
export type CensusOutcome = (typeof CENSUS_OUTCOMES)[number];

export const CensusCampaignCreate = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 60 }),
    classCode: ClassCode,
    regionIds: Type.Array(Id, { minItems: 1, maxItems: 20, description: 'streets or communities' }),
    dueDate: Type.Optional(CalendarDate),
  },
  { additionalProperties: false },
);
export type CensusCampaignCreate = Static<typeof CensusCampaignCreate>;

const Tally = {
  expected: Type.Integer({ description: 'registered components of the class when the campaign began' }),
  checked: Type.Integer({ description: 'registered components recorded (ok, damaged or missing)' }),
  ok: Type.Integer(),
  damaged: Type.Integer(),
  missing: Type.Integer(),
  added: Type.Integer({ description: 'components found that the registry lacked' }),
};

export const CensusTask = Type.Object({
  id: Id,
  campaignId: Id,
  campaignName: Type.String(),
  classCode: Type.String(),
  className: Nullable(Type.String()),
  gridCode: Type.String(),
  inspectorId: Nullable(Type.String()),
  inspectorName: Nullable(Type.String()),
  ...Tally,
});
export type CensusTask = Static<typeof CensusTask>;

export const CensusCampaign = Type.Object({
  id: Id,
  name: Type.String(),
  classCode: Type.String(),
  className: Nullable(Type.String()),
  regions: Type.Array(Type.Object({ id: Type.String(), name: Type.String() })),
  dueDate: Nullable(Type.String()),
  status: Literals(['open', 'closed'] as const),
  createdAt: Type.String(),
  tasks: Type.Integer(),
  unassignedTasks: Type.Integer(),
  ...Tally,
});
export type CensusCampaign = Static<typeof CensusCampaign>;
export const CensusCampaignList = Type.Array(CensusCampaign);
export const CensusCampaignDetail = Type.Object({ campaign: CensusCampaign, tasks: Type.Array(CensusTask) });
export type CensusCampaignDetail = Static<typeof CensusCampaignDetail>;
export const CensusTaskList = Type.Array(CensusTask);

export const CensusComponent = Type.Object({
  code: Type.String(),
  name: Type.String(),
  state: Type.String(),
  lng: Type.Number(),
  lat: Type.Number(),
  outcome: Nullable(Literals(CENSUS_OUTCOMES)),
});
export const CensusTaskDetail = Type.Object({ task: CensusTask, components: Type.Array(CensusComponent) });
export type CensusTaskDetail = Static<typeof CensusTaskDetail>;

export const CensusRecordInput = Type.Object(
  {
    componentCode: Type.Optional(Type.String({ pattern: '^[0-9]{17}$' })),
    outcome: Literals(CENSUS_OUTCOMES),
    lng: Type.Optional(Type.Number({ minimum: -180, maximum: 180 })),
    lat: Type.Optional(Type.Number({ minimum: -90, maximum: 90 })),
    note: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false },
);
export type CensusRecordInput = Static<typeof CensusRecordInput>;
export const CensusRecordBatch = Type.Object(
  { records: Type.Array(CensusRecordInput, { minItems: 1, maxItems: 200 }) },
  { additionalProperties: false },
);
export type CensusRecordBatch = Static<typeof CensusRecordBatch>;
export const CensusRecordReceipt = Type.Object({ task: CensusTask, added: Type.Array(Type.String()) });
export type CensusRecordReceipt = Static<typeof CensusRecordReceipt>;
