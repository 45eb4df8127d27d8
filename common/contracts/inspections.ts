import { Type, type Static } from 'typebox';
import { DEDUCTION_KINDS, ITEM_KINDS, ON_FAIL, SCHEDULE_KINDS } from '../domain/inspections.ts';
import { AssetLineSchema } from './assets.ts';
import { Literals, Nullable, PageQuery } from './common.ts';

/** 巡检计划, inspections and 服务外包考核 (docs/inspections.md). */
const RefId = Type.String({ minLength: 1, maxLength: 64 });
const CalendarDate = Type.String({ format: 'date', description: 'YYYY-MM-DD' });
const Month = Type.String({ pattern: '^[0-9]{4}-(0[1-9]|1[0-2])$', description: 'YYYY-MM' });
const Bound = Type.Number({ minimum: -1e9, maximum: 1e9 });

export const ChecklistItemSchema = Type.Object(
  {
    key: Type.String({ minLength: 1, maxLength: 40 }),
    label: Type.String({ minLength: 1, maxLength: 60 }),
    labelEn: Type.Optional(Type.String({ maxLength: 80 })),
    kind: Literals(ITEM_KINDS),
    min: Type.Optional(Bound),
    max: Type.Optional(Bound),
    unit: Type.Optional(Type.String({ maxLength: 10 })),
    photoRequired: Type.Optional(Type.Boolean()),
    onFail: Literals(ON_FAIL),
    matterCode: Type.Optional(Type.String({ pattern: '^[0-9]{5}$' })),
    workDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 90 })),
  },
  { additionalProperties: false },
);

export const ScheduleSchema = Type.Object(
  {
    weekday: Type.Optional(Type.Integer({ minimum: 1, maximum: 7 })),
    day: Type.Optional(Type.Integer({ minimum: 1, maximum: 28 })),
    dates: Type.Optional(Type.Array(Type.String({ pattern: '^[0-9]{2}-[0-9]{2}$' }), { maxItems: 12 })),
  },
  { additionalProperties: false },
);

export const InspectionPlan = Type.Object({
  id: Type.String(),
  name: Type.String(),
  typeId: Type.String(),
  typeCode: Type.String(),
  typeNameZh: Type.String(),
  typeNameEn: Type.String(),
  checklist: Type.Array(ChecklistItemSchema),
  scheduleKind: Literals(SCHEDULE_KINDS),
  schedule: ScheduleSchema,
  unitId: Nullable(Type.String()),
  unitName: Nullable(Type.String()),
  inspectorId: Nullable(Type.String()),
  inspectorName: Nullable(Type.String()),
  active: Type.Boolean(),
  updatedAt: Type.String(),
});
export type InspectionPlan = Static<typeof InspectionPlan>;

/** Whom a plan can name as its inspector: active users whose roles may inspect assets. */
export const PlanInspector = Type.Object({
  id: Type.String(),
  displayName: Type.String(),
  unitName: Nullable(Type.String()),
});
export type PlanInspector = Static<typeof PlanInspector>;

export const InspectionPlanCreate = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 60 }),
  typeId: RefId,
  checklist: Type.Array(ChecklistItemSchema, { maxItems: 40 }),
  scheduleKind: Literals(SCHEDULE_KINDS),
  schedule: ScheduleSchema,
  unitId: Type.Optional(Nullable(RefId)),
  inspectorId: Type.Optional(Nullable(RefId)),
  active: Type.Optional(Type.Boolean()),
});
export type InspectionPlanCreate = Static<typeof InspectionPlanCreate>;

export const PlanQuery = Type.Intersect([PageQuery, Type.Object({ active: Type.Optional(Type.Boolean()) })]);
export type PlanQuery = Static<typeof PlanQuery>;

export const GenerateQuery = Type.Object({ from: CalendarDate, to: CalendarDate });
export type GenerateQuery = Static<typeof GenerateQuery>;

export const ItemResultSchema = Type.Object(
  {
    key: Type.String({ minLength: 1, maxLength: 40 }),
    ok: Type.Optional(Type.Boolean()),
    value: Type.Optional(Bound),
    text: Type.Optional(Type.String({ maxLength: 500 })),
    photoIds: Type.Optional(Type.Array(RefId, { maxItems: 6 })),
  },
  { additionalProperties: false },
);

/** An item as done: the result, whether it failed and what it opened. */
export const InspectionItem = Type.Object({
  key: Type.String(),
  label: Type.String(),
  labelEn: Nullable(Type.String()),
  kind: Literals(ITEM_KINDS),
  min: Nullable(Type.Number()),
  max: Nullable(Type.Number()),
  unit: Nullable(Type.String()),
  photoRequired: Type.Boolean(),
  onFail: Literals(ON_FAIL),
  ok: Nullable(Type.Boolean()),
  value: Nullable(Type.Number()),
  text: Nullable(Type.String()),
  photoIds: Type.Array(Type.String()),
  failed: Type.Boolean(),
  workOrderId: Nullable(Type.String()),
  orderNo: Nullable(Type.String()),
  caseId: Nullable(Type.String()),
  caseNo: Nullable(Type.String()),
});
export type InspectionItem = Static<typeof InspectionItem>;

export const Inspection = Type.Object({
  id: Type.String(),
  planId: Type.String(),
  planName: Type.String(),
  assetId: Type.String(),
  assetCode: Type.String(),
  assetName: Type.String(),
  address: Nullable(Type.String()),
  line: AssetLineSchema,
  unitId: Nullable(Type.String()),
  unitName: Nullable(Type.String()),
  inspectorId: Nullable(Type.String()),
  dueDate: Type.String(),
  state: Literals(['due', 'done']),
  failedCount: Type.Integer(),
  items: Type.Array(InspectionItem),
  note: Nullable(Type.String()),
  doneAt: Nullable(Type.String()),
});
export type Inspection = Static<typeof Inspection>;

export const InspectionQuery = Type.Intersect([
  PageQuery,
  Type.Object({
    state: Type.Optional(Literals(['due', 'done'])),
    planId: Type.Optional(RefId),
    mine: Type.Optional(Type.Boolean()),
    from: Type.Optional(CalendarDate),
    to: Type.Optional(CalendarDate),
    failed: Type.Optional(Type.Boolean()),
  }),
]);
export type InspectionQuery = Static<typeof InspectionQuery>;

export const InspectionSubmit = Type.Object({
  results: Type.Array(ItemResultSchema, { minItems: 1, maxItems: 40 }),
  note: Type.Optional(Nullable(Type.String({ maxLength: 500 }))),
});
export type InspectionSubmit = Static<typeof InspectionSubmit>;

export const DeductionRuleSchema = Type.Object(
  { kind: Literals(DEDUCTION_KINDS), points: Type.Number({ exclusiveMinimum: 0, maximum: 100 }) },
  { additionalProperties: false },
);

export const Contract = Type.Object({
  id: Type.String(),
  contractNo: Type.String(),
  name: Type.String(),
  unitId: Type.String(),
  unitName: Nullable(Type.String()),
  line: AssetLineSchema,
  regionIds: Type.Array(Type.String()),
  regionNames: Type.Array(Type.String()),
  startsOn: Type.String(),
  endsOn: Type.String(),
  baseScore: Type.Integer(),
  rules: Type.Array(DeductionRuleSchema),
});
export type Contract = Static<typeof Contract>;

export const ContractCreate = Type.Object({
  contractNo: Type.String({ minLength: 1, maxLength: 40, pattern: '^[A-Za-z0-9][A-Za-z0-9_.-]*$' }),
  name: Type.String({ minLength: 1, maxLength: 80 }),
  unitId: RefId,
  line: AssetLineSchema,
  regionIds: Type.Array(RefId, { minItems: 1, maxItems: 50 }),
  startsOn: CalendarDate,
  endsOn: CalendarDate,
  baseScore: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
  rules: Type.Array(DeductionRuleSchema, { minItems: 1, maxItems: 3 }),
});
export type ContractCreate = Static<typeof ContractCreate>;

export const ContractQuery = Type.Intersect([PageQuery, Type.Object({ line: Type.Optional(AssetLineSchema) })]);
export type ContractQuery = Static<typeof ContractQuery>;

export const AssessmentQuery = Type.Object({ month: Month });
export type AssessmentQuery = Static<typeof AssessmentQuery>;

/** One counted occurrence behind a deduction: a case, an inspection item or a work order. */
export const AssessmentEntry = Type.Object({ ref: Type.String(), date: Type.String(), text: Type.String() });

export const Assessment = Type.Object({
  contract: Contract,
  month: Type.String(),
  baseScore: Type.Integer(),
  deductions: Type.Array(
    Type.Object({
      kind: Literals(DEDUCTION_KINDS),
      count: Type.Integer(),
      points: Type.Number(),
      deducted: Type.Number(),
      entries: Type.Array(AssessmentEntry),
    }),
  ),
  score: Type.Number(),
});
export type Assessment = Static<typeof Assessment>;

export const InspectionKpis = Type.Object({
  from: Type.String(),
  to: Type.String(),
  inspectionsDue: Type.Integer(),
  inspectionsDone: Type.Integer(),
  completionRate: Nullable(Type.Number()),
  failedItems: Type.Integer(),
  workOrdersFinished: Type.Integer(),
  workOrdersOnTime: Type.Integer(),
  onTimeRate: Nullable(Type.Number()),
});
export type InspectionKpis = Static<typeof InspectionKpis>;
export const KpiQuery = Type.Object({ from: CalendarDate, to: CalendarDate });
