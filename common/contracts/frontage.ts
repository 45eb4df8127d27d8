import { Type, type Static } from 'typebox';
import { Literals, Nullable, PageQuery } from './common.ts';
import { AGREEMENT_STATUSES, SCORE_MAX, SCORE_MIN, SHIFT_STATUSES, VOLUNTEER_STATUSES } from '../domain/frontage.ts';
import { MOBILE_PATTERN } from '../domain/citizen-report.ts';
import { TEMPLATE_MAX } from '../domain/frontage-template.ts';

/**
 * Request and response schemas of the 门前三包 module (docs/frontage.md): responsibility agreements with shops,
 * inspections and the monthly red and black lists, 城管体验岗 volunteers and their shifts, and 商街自治 committees
 * with their self-inspection reports.
 */

const Text = (max: number) => Type.String({ minLength: 1, maxLength: max });
const OptText = (max: number) => Type.Optional(Nullable(Type.String({ maxLength: max })));
const DateText = Type.String({ format: 'date', maxLength: 10, description: 'YYYY-MM-DD' });
const Instant = Type.String({ format: 'date-time', maxLength: 40 });
const RefId = Type.String({ minLength: 1, maxLength: 64 });
const Lng = Type.Number({ minimum: -180, maximum: 180 });
const Lat = Type.Number({ minimum: -90, maximum: 90 });
const Phone = Type.String({ pattern: '^[0-9+\\- ]{5,20}$' });
export const MonthText = Type.String({ pattern: '^20[0-9]{2}-(0[1-9]|1[0-2])$', description: 'YYYY-MM' });
/** 统一社会信用代码: 18 characters of digits and capitals (GB 32100-2015). */
const CreditCode = Type.String({ pattern: '^[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}$' });
/** The responsibility area in front of the shop: a GeoJSON Polygon (WGS84), checked by the service. */
export const AreaSchema = Type.Object(
  { type: Type.Literal('Polygon'), coordinates: Type.Array(Type.Array(Type.Array(Type.Number()))) },
  { description: 'GeoJSON Polygon (WGS84)' },
);
export type AgreementArea = Static<typeof AreaSchema>;

// ── agreements ──

export const AgreementCreate = Type.Object(
  {
    shopName: Text(80),
    creditCode: Type.Optional(Nullable(CreditCode)),
    operatorName: Text(40),
    operatorPhone: Phone,
    address: Text(120),
    regionId: RefId,
    lng: Lng,
    lat: Lat,
    area: Type.Optional(Nullable(AreaSchema)),
    scope: Text(300),
    periodFrom: DateText,
    periodTo: DateText,
    signedOn: DateText,
  },
  { additionalProperties: false },
);
export type AgreementCreate = Static<typeof AgreementCreate>;

export const Agreement = Type.Object({
  id: Type.String(),
  agreementNo: Type.String(),
  shopName: Type.String(),
  creditCode: Nullable(Type.String()),
  operatorName: Type.String(),
  /** masked (138****0000) in every answer */
  operatorPhone: Nullable(Type.String()),
  address: Type.String(),
  regionId: Type.String(),
  regionName: Nullable(Type.String()),
  lng: Type.Number(),
  lat: Type.Number(),
  area: Nullable(AreaSchema),
  /** the area's size in m² (one decimal), computed from the polygon */
  areaM2: Nullable(Type.Number()),
  scope: Type.String(),
  periodFrom: Type.String(),
  periodTo: Type.String(),
  signedOn: Type.String(),
  status: Literals(AGREEMENT_STATUSES),
  inspections: Type.Integer(),
  lastScore: Nullable(Type.Integer()),
  lastInspectedOn: Nullable(Type.String()),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});
export type Agreement = Static<typeof Agreement>;

export const AgreementQuery = Type.Intersect([
  PageQuery,
  Type.Object({
    regionId: Type.Optional(RefId),
    status: Type.Optional(Literals(AGREEMENT_STATUSES)),
  }),
]);
export type AgreementQuery = Static<typeof AgreementQuery>;

export const AgreementTerminate = Type.Object({ reason: Text(200) }, { additionalProperties: false });
export type AgreementTerminate = Static<typeof AgreementTerminate>;

// ── inspections ──

export const InspectionCreate = Type.Object(
  {
    agreementId: RefId,
    inspectedOn: DateText,
    score: Type.Integer({ minimum: SCORE_MIN, maximum: SCORE_MAX }),
    findings: OptText(500),
    rectifyBy: Type.Optional(Nullable(DateText)),
  },
  { additionalProperties: false },
);
export type InspectionCreate = Static<typeof InspectionCreate>;

export const Inspection = Type.Object({
  id: Type.String(),
  agreementId: Type.String(),
  agreementNo: Type.String(),
  shopName: Type.String(),
  regionName: Nullable(Type.String()),
  inspectedOn: Type.String(),
  score: Type.Integer(),
  findings: Nullable(Type.String()),
  rectifyBy: Nullable(Type.String()),
  inspectorName: Nullable(Type.String()),
  createdAt: Type.String(),
});
export type Inspection = Static<typeof Inspection>;

export const InspectionQuery = Type.Intersect([
  PageQuery,
  Type.Object({
    agreementId: Type.Optional(RefId),
    regionId: Type.Optional(RefId),
    from: Type.Optional(DateText),
    to: Type.Optional(DateText),
  }),
]);
export type InspectionQuery = Static<typeof InspectionQuery>;

// ── red and black lists ──

export const ListRuleSchema = Type.Object(
  {
    redMinScore: Type.Integer({ minimum: SCORE_MIN, maximum: SCORE_MAX }),
    redMaxShops: Type.Integer({ minimum: 1, maximum: 100 }),
    blackMaxScore: Type.Integer({ minimum: SCORE_MIN, maximum: SCORE_MAX }),
    blackMaxShops: Type.Integer({ minimum: 1, maximum: 100 }),
    minInspections: Type.Integer({ minimum: 1, maximum: 31 }),
  },
  { additionalProperties: false },
);
export type ListRuleBody = Static<typeof ListRuleSchema>;

export const ListEntry = Type.Object({
  rank: Type.Integer(),
  agreementId: Type.String(),
  agreementNo: Type.String(),
  shopName: Type.String(),
  regionName: Nullable(Type.String()),
  average: Type.Number(),
  inspections: Type.Integer(),
});
export type ListEntry = Static<typeof ListEntry>;

export const Publication = Type.Object({
  id: Nullable(Type.String()),
  month: Type.String(),
  publishedAt: Nullable(Type.String()),
  publishedByName: Nullable(Type.String()),
  rule: ListRuleSchema,
  red: Type.Array(ListEntry),
  black: Type.Array(ListEntry),
});
export type Publication = Static<typeof Publication>;

export const MonthBody = Type.Object({ month: MonthText }, { additionalProperties: false });
export const MonthQuery = Type.Object({ month: MonthText });
export const PublicationList = Type.Object({ items: Type.Array(Publication) });

/** What the citizen page shows of a published month: shop names, their street or township, the rank. */
export const PublicListEntry = Type.Object({ rank: Type.Integer(), shopName: Type.String(), area: Type.String() });
export const PublicPublication = Type.Object({
  month: Type.String(),
  publishedAt: Type.String(),
  red: Type.Array(PublicListEntry),
  black: Type.Array(PublicListEntry),
});
export type PublicPublication = Static<typeof PublicPublication>;
export const PublicPublicationList = Type.Object({ items: Type.Array(PublicPublication) });
export type PublicPublicationList = Static<typeof PublicPublicationList>;

// ── 城管体验岗 ──

export const VolunteerSignUp = Type.Object(
  { name: Text(40), phone: Type.String({ pattern: MOBILE_PATTERN }), note: OptText(200) },
  { additionalProperties: false },
);
export type VolunteerSignUp = Static<typeof VolunteerSignUp>;
export const VolunteerSignedUp = Type.Object({ volunteerNo: Type.String() });

export const Volunteer = Type.Object({
  id: Type.String(),
  volunteerNo: Type.String(),
  name: Type.String(),
  /** masked in every staff answer; never public */
  phone: Nullable(Type.String()),
  note: Nullable(Type.String()),
  status: Literals(VOLUNTEER_STATUSES),
  shiftsServed: Type.Integer(),
  minutesServed: Type.Integer(),
  createdAt: Type.String(),
});
export type Volunteer = Static<typeof Volunteer>;

export const VolunteerQuery = Type.Intersect([
  PageQuery,
  Type.Object({ status: Type.Optional(Literals(VOLUNTEER_STATUSES)) }),
]);
export type VolunteerQuery = Static<typeof VolunteerQuery>;
export const VolunteerStatusBody = Type.Object(
  { status: Literals(VOLUNTEER_STATUSES) },
  { additionalProperties: false },
);

export const ShiftCreate = Type.Object(
  {
    volunteerId: RefId,
    regionId: Type.Optional(Nullable(RefId)),
    place: Text(120),
    startsAt: Instant,
    endsAt: Instant,
  },
  { additionalProperties: false },
);
export type ShiftCreate = Static<typeof ShiftCreate>;

export const Shift = Type.Object({
  id: Type.String(),
  volunteerId: Type.String(),
  volunteerName: Type.String(),
  regionName: Nullable(Type.String()),
  place: Type.String(),
  startsAt: Type.String(),
  endsAt: Type.String(),
  status: Literals(SHIFT_STATUSES),
  minutesServed: Type.Integer(),
});
export type Shift = Static<typeof Shift>;

export const ShiftQuery = Type.Intersect([
  PageQuery,
  Type.Object({
    volunteerId: Type.Optional(RefId),
    status: Type.Optional(Literals(SHIFT_STATUSES)),
  }),
]);
export type ShiftQuery = Static<typeof ShiftQuery>;
export const ShiftRecord = Type.Object(
  { status: Type.Union([Type.Literal('served'), Type.Literal('absent')]) },
  { additionalProperties: false },
);
export type ShiftRecord = Static<typeof ShiftRecord>;

// ── 商街自治 ──

export const CommitteeCreate = Type.Object(
  {
    name: Text(80),
    streetName: Text(60),
    regionId: RefId,
    chairName: Text(40),
    chairPhone: Phone,
    shopCount: Type.Integer({ minimum: 1, maximum: 10_000 }),
    foundedOn: DateText,
  },
  { additionalProperties: false },
);
export type CommitteeCreate = Static<typeof CommitteeCreate>;

export const Committee = Type.Object({
  id: Type.String(),
  name: Type.String(),
  streetName: Type.String(),
  regionId: Type.String(),
  regionName: Nullable(Type.String()),
  chairName: Type.String(),
  chairPhone: Nullable(Type.String()),
  shopCount: Type.Integer(),
  foundedOn: Type.String(),
  reports: Type.Integer(),
  lastReportedOn: Nullable(Type.String()),
  createdAt: Type.String(),
});
export type Committee = Static<typeof Committee>;
export const CommitteeQuery = Type.Intersect([PageQuery, Type.Object({ regionId: Type.Optional(RefId) })]);
export type CommitteeQuery = Static<typeof CommitteeQuery>;

export const SelfReportCreate = Type.Object(
  {
    reportedOn: DateText,
    shopsChecked: Type.Integer({ minimum: 0, maximum: 10_000 }),
    problemsFound: Type.Integer({ minimum: 0, maximum: 10_000 }),
    problemsFixed: Type.Integer({ minimum: 0, maximum: 10_000 }),
    summary: Text(1000),
  },
  { additionalProperties: false },
);
export type SelfReportCreate = Static<typeof SelfReportCreate>;

export const SelfReport = Type.Object({
  id: Type.String(),
  committeeId: Type.String(),
  committeeName: Type.String(),
  reportedOn: Type.String(),
  shopsChecked: Type.Integer(),
  problemsFound: Type.Integer(),
  problemsFixed: Type.Integer(),
  summary: Type.String(),
  createdAt: Type.String(),
});
export type SelfReport = Static<typeof SelfReport>;
export const SelfReportQuery = Type.Intersect([PageQuery, Type.Object({ committeeId: Type.Optional(RefId) })]);
export type SelfReportQuery = Static<typeof SelfReportQuery>;

// ── figures ──

export const FiguresQuery = Type.Object({ from: DateText, to: DateText });
export type FiguresQuery = Static<typeof FiguresQuery>;

export const Figures = Type.Object({
  from: Type.String(),
  to: Type.String(),
  agreementsSigned: Type.Integer(),
  agreementsActive: Type.Integer(),
  inspections: Type.Integer(),
  /** average inspection score, one decimal; null without inspections */
  averageScore: Nullable(Type.Number()),
  /** share of inspections scoring at least the red list's bar, 0–1; null without inspections */
  excellentRate: Nullable(Type.Number()),
  redListed: Type.Integer(),
  blackListed: Type.Integer(),
  volunteers: Type.Integer(),
  hoursServed: Type.Number(),
  committees: Type.Integer(),
  selfReports: Type.Integer(),
  byRegion: Type.Array(
    Type.Object({
      regionId: Type.String(),
      regionName: Type.String(),
      agreements: Type.Integer(),
      inspections: Type.Integer(),
      committees: Type.Integer(),
    }),
  ),
});
export type Figures = Static<typeof Figures>;

// ── the 责任书 template ──

export const AgreementTemplateSchema = Type.Object(
  {
    title: Type.String({ maxLength: TEMPLATE_MAX.title }),
    parties: Type.String({ maxLength: TEMPLATE_MAX.parties }),
    intro: Type.String({ maxLength: TEMPLATE_MAX.intro }),
    duties: Type.String({ maxLength: TEMPLATE_MAX.duties }),
    closing: Type.String({ maxLength: TEMPLATE_MAX.closing }),
  },
  { additionalProperties: false },
);

export const AgreementTemplateState = Type.Object({
  template: AgreementTemplateSchema,
  /** the built-in wording is in force (never edited, or reset) */
  isDefault: Type.Boolean(),
  updatedAt: Nullable(Type.String()),
  placeholders: Type.Array(Type.String()),
});
export type AgreementTemplateState = Static<typeof AgreementTemplateState>;
