import { Type, type Static } from 'typebox';
import { Literals, Nullable, PageQuery } from './common.ts';
import { APPLICATION_STATUSES, CONSULTATION_CHANNELS, DECISIONS } from '../domain/approvals.ts';
import { MOBILE_PATTERN } from '../domain/citizen-report.ts';

/** Request and response schemas of the 行政审批 module (docs/approvals.md). */

const Text = (max: number) => Type.String({ minLength: 1, maxLength: max });
const DateText = Type.String({ format: 'date', maxLength: 10 });
const Code = Type.String({ minLength: 1, maxLength: 40, pattern: '^[a-z][a-z0-9_]*$' });
const Phone = Type.String({ pattern: MOBILE_PATTERN, maxLength: 11 });

export const MaterialItem = Type.Object(
  { code: Code, name: Text(60), required: Type.Boolean() },
  { additionalProperties: false },
);

export const ApprovalTypeInput = Type.Object(
  {
    code: Code,
    name: Text(40),
    promisedDays: Type.Integer({ minimum: 1, maximum: 60 }),
    statutoryDays: Type.Integer({ minimum: 1, maximum: 60 }),
    materials: Type.Array(MaterialItem, { minItems: 1, maxItems: 30 }),
    active: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type ApprovalTypeInput = Static<typeof ApprovalTypeInput>;

export const ApprovalType = Type.Object({
  id: Type.String(),
  code: Type.String(),
  name: Type.String(),
  promisedDays: Type.Integer(),
  statutoryDays: Type.Integer(),
  materials: Type.Array(MaterialItem),
  active: Type.Boolean(),
  /** true when a decision to grant also writes an entry of another register (户外广告 inventory, …) */
  hasRegister: Type.Boolean(),
});
export type ApprovalType = Static<typeof ApprovalType>;
export const ApprovalTypeList = Type.Object({ items: Type.Array(ApprovalType) });

/**
 * A line or area drawn on the map for the register (a 黄线), WGS84 GeoJSON: a LineString's positions or a Polygon's
 * rings; the register's module checks it further (inside the city, no overlap).
 */
const Position = Type.Array(Type.Number(), { minItems: 2, maxItems: 2 });
export const DetailGeometry = Type.Union([
  Type.Object(
    { type: Type.Literal('LineString'), coordinates: Type.Array(Position, { minItems: 2, maxItems: 200 }) },
    { additionalProperties: false },
  ),
  Type.Object(
    {
      type: Type.Literal('Polygon'),
      coordinates: Type.Array(Type.Array(Position, { minItems: 4, maxItems: 200 }), { minItems: 1, maxItems: 5 }),
    },
    { additionalProperties: false },
  ),
]);
export type DetailGeometry = Static<typeof DetailGeometry>;

/** Type-specific facts the register of the type needs (the sign's type and size, …): small values, one geometry. */
const Details = Type.Record(
  Type.String({ pattern: '^[a-zA-Z][a-zA-Z0-9]{0,39}$' }),
  // number first: with coercion on, a number would otherwise arrive as its string
  Type.Union([Type.Number(), Type.String({ maxLength: 200 }), Type.Null(), DetailGeometry]),
  { maxProperties: 20 },
);
const MaterialCodes = Type.Array(Type.String({ minLength: 1, maxLength: 40 }), { maxItems: 30, uniqueItems: true });

export const ApplicationCreate = Type.Object(
  {
    typeId: Type.String({ minLength: 1, maxLength: 64 }),
    applicantName: Text(60),
    applicantPhone: Phone,
    address: Text(200),
    summary: Type.Optional(Nullable(Type.String({ maxLength: 500 }))),
    materials: MaterialCodes,
    details: Type.Optional(Details),
  },
  { additionalProperties: false },
);
export type ApplicationCreate = Static<typeof ApplicationCreate>;

export const CorrectionCreate = Type.Object(
  {
    items: Type.Array(Type.String({ minLength: 1, maxLength: 40 }), { minItems: 1, maxItems: 30, uniqueItems: true }),
    note: Text(500),
  },
  { additionalProperties: false },
);
export type CorrectionCreate = Static<typeof CorrectionCreate>;

export const CorrectionResume = Type.Object(
  { materials: MaterialCodes, note: Type.Optional(Nullable(Type.String({ maxLength: 500 }))) },
  { additionalProperties: false },
);
export type CorrectionResume = Static<typeof CorrectionResume>;

export const DecisionCreate = Type.Object(
  {
    decision: Literals(DECISIONS),
    note: Text(1000),
    /** the permit's last day; some registers need it (a sign's permit) */
    validTo: Type.Optional(Nullable(DateText)),
  },
  { additionalProperties: false },
);
export type DecisionCreate = Static<typeof DecisionCreate>;

export const ApplicationClose = Type.Object(
  { note: Type.Optional(Nullable(Type.String({ maxLength: 500 }))) },
  { additionalProperties: false },
);
export type ApplicationClose = Static<typeof ApplicationClose>;

export const APPLICATION_SORTS = ['acceptedAt', 'dueAt', 'applicationNo', 'status'] as const;
export const ApplicationQuery = Type.Intersect([
  PageQuery,
  Type.Object({
    status: Type.Optional(Literals(APPLICATION_STATUSES)),
    typeId: Type.Optional(Type.String({ maxLength: 64 })),
    from: Type.Optional(DateText),
    to: Type.Optional(DateText),
  }),
]);
export type ApplicationQuery = Static<typeof ApplicationQuery>;

/** Staff view of an application in a list: the applicant's phone masked (docs/security.md). */
export const Application = Type.Object({
  id: Type.String(),
  applicationNo: Type.String(),
  typeId: Type.String(),
  typeCode: Type.String(),
  typeName: Type.String(),
  applicantName: Type.String(),
  applicantPhone: Type.String(),
  address: Type.String(),
  summary: Nullable(Type.String()),
  status: Literals(APPLICATION_STATUSES),
  decision: Nullable(Literals(DECISIONS)),
  acceptedAt: Type.String(),
  /** the promised limit's end, moved on by the working time spent in 补正 */
  dueAt: Type.String(),
  dueDate: Type.String(),
  pausedWorkingMs: Type.Integer(),
  closedAt: Nullable(Type.String()),
  permitNo: Nullable(Type.String()),
});
export type Application = Static<typeof Application>;

export const Correction = Type.Object({
  id: Type.String(),
  items: Type.Array(Type.String()),
  note: Type.String(),
  requestedAt: Type.String(),
  resumedAt: Nullable(Type.String()),
  pausedWorkingMs: Nullable(Type.Integer()),
});

export const ApplicationDetail = Type.Intersect([
  Application,
  Type.Object({
    materials: Type.Array(
      Type.Object({ code: Type.String(), name: Type.String(), required: Type.Boolean(), received: Type.Boolean() }),
    ),
    details: Type.Record(Type.String(), Type.Union([Type.Number(), Type.String(), Type.Null(), DetailGeometry])),
    corrections: Type.Array(Correction),
    decisionNote: Nullable(Type.String()),
    decidedAt: Nullable(Type.String()),
    validFrom: Nullable(Type.String()),
    validTo: Nullable(Type.String()),
    /** the entry the decision wrote: a register of another module, or this module's generic permit */
    register: Nullable(Type.Object({ register: Type.String(), id: Type.String() })),
  }),
]);
export type ApplicationDetail = Static<typeof ApplicationDetail>;

export const ConsultationCreate = Type.Object(
  {
    channel: Literals(CONSULTATION_CHANNELS),
    name: Type.Optional(Nullable(Type.String({ maxLength: 60 }))),
    phone: Type.Optional(Nullable(Phone)),
    typeId: Type.Optional(Nullable(Type.String({ maxLength: 64 }))),
    topic: Text(500),
    answer: Type.Optional(Nullable(Type.String({ maxLength: 1000 }))),
  },
  { additionalProperties: false },
);
export type ConsultationCreate = Static<typeof ConsultationCreate>;

export const Consultation = Type.Object({
  id: Type.String(),
  channel: Literals(CONSULTATION_CHANNELS),
  name: Nullable(Type.String()),
  phone: Nullable(Type.String()),
  typeName: Nullable(Type.String()),
  topic: Type.String(),
  answer: Nullable(Type.String()),
  consultedAt: Type.String(),
});
export type Consultation = Static<typeof Consultation>;

export const ConsultationQuery = Type.Intersect([
  PageQuery,
  Type.Object({
    channel: Type.Optional(Literals(CONSULTATION_CHANNELS)),
    from: Type.Optional(DateText),
    to: Type.Optional(DateText),
  }),
]);
export type ConsultationQuery = Static<typeof ConsultationQuery>;

export const FiguresQuery = Type.Object({ from: DateText, to: DateText }, { additionalProperties: false });
export type FiguresQuery = Static<typeof FiguresQuery>;

/** 办结率 = closed of those accepted in the period; 提前办结率 = closed before the promised date, of those closed. */
export const ApprovalFigures = Type.Object({
  from: Type.String(),
  to: Type.String(),
  accepted: Type.Integer(),
  closed: Type.Integer(),
  early: Type.Integer(),
  granted: Type.Integer(),
  denied: Type.Integer(),
  closedRate: Nullable(Type.Number()),
  earlyRate: Nullable(Type.Number()),
  consultations: Type.Integer(),
  byType: Type.Array(
    Type.Object({
      typeCode: Type.String(),
      typeName: Type.String(),
      accepted: Type.Integer(),
      closed: Type.Integer(),
      early: Type.Integer(),
    }),
  ),
});
export type ApprovalFigures = Static<typeof ApprovalFigures>;
