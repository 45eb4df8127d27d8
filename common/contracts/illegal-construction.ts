import { Type, type Static } from 'typebox';
import { IC_LEADS, IC_LETTER_KINDS, IC_SOURCES, IC_STATUSES, IC_STRUCTURES } from '../domain/illegal-construction.ts';
import { Literals, Nullable, PageQuery } from './common.ts';

/**
 * 查违控违 API (docs/illegal-construction.md): reports of illegal construction with their sites, 停工通知书,
 * 交办函/督办函 to townships, demolition actions, statistics by township and month, and a map layer by status.
 */
export const IcSourceSchema = Literals(IC_SOURCES);
export const IcStatusSchema = Literals(IC_STATUSES);
export const IcStructureSchema = Literals(IC_STRUCTURES);
export const IcLetterKindSchema = Literals(IC_LETTER_KINDS);
export const IcLeadSchema = Literals(IC_LEADS);

const CalendarDate = Type.String({ format: 'date', description: 'YYYY-MM-DD' });
const RefId = Type.String({ minLength: 1, maxLength: 64 });
const Lng = Type.Number({ minimum: -180, maximum: 180 });
const Lat = Type.Number({ minimum: -90, maximum: 90 });
/** m², two decimals at most; stored as hundredths (integers) */
const Area = Type.Number({ minimum: 0.01, maximum: 1_000_000, multipleOf: 0.01 });
const Text = (max: number) => Type.String({ minLength: 1, maxLength: max });
const DocNo = Type.String({ minLength: 1, maxLength: 40, description: 'the document number as printed (文号)' });

export const IcReport = Type.Object({
  id: Type.String(),
  source: IcSourceSchema,
  status: IcStatusSchema,
  regionId: Type.String(),
  regionName: Nullable(Type.String()),
  unitId: Nullable(Type.String()),
  unitName: Nullable(Type.String()),
  address: Type.String(),
  lng: Type.Number(),
  lat: Type.Number(),
  description: Type.String(),
  partyName: Nullable(Type.String()),
  areaM2: Nullable(Type.Number()),
  reportedOn: Type.String(),
  statusOn: Type.String({ description: 'the date of the latest status change' }),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});
export type IcReport = Static<typeof IcReport>;

export const IcReportCreate = Type.Object({
  source: IcSourceSchema,
  regionId: RefId,
  unitId: Type.Optional(Nullable(RefId)),
  address: Text(120),
  lng: Lng,
  lat: Lat,
  description: Text(1000),
  partyName: Type.Optional(Nullable(Type.String({ maxLength: 60 }))),
  areaM2: Type.Optional(Nullable(Area)),
  reportedOn: CalendarDate,
});
export type IcReportCreate = Static<typeof IcReportCreate>;

/** A status change names its date; demolished and legalised are final (common/domain/illegal-construction.ts). */
export const IcReportUpdate = Type.Partial(
  Type.Object({
    unitId: Nullable(RefId),
    address: Text(120),
    lng: Lng,
    lat: Lat,
    description: Text(1000),
    partyName: Nullable(Type.String({ maxLength: 60 })),
    areaM2: Nullable(Area),
    status: IcStatusSchema,
    statusOn: CalendarDate,
  }),
);
export type IcReportUpdate = Static<typeof IcReportUpdate>;

export const IC_REPORT_SORTS = ['reportedOn', 'status', 'area', 'updatedAt'] as const;
const DateRange = {
  from: Type.Optional(CalendarDate),
  to: Type.Optional(CalendarDate),
};
export const IcReportQuery = Type.Intersect([
  PageQuery,
  Type.Object({
    status: Type.Optional(IcStatusSchema),
    source: Type.Optional(IcSourceSchema),
    regionId: Type.Optional(RefId),
    ...DateRange,
  }),
]);
export type IcReportQuery = Static<typeof IcReportQuery>;

export const IcStopNotice = Type.Object({
  id: Type.String(),
  reportId: Type.String(),
  reportAddress: Type.String(),
  regionName: Nullable(Type.String()),
  noticeNo: Type.String(),
  issuedOn: Type.String(),
  enforcementCaseId: Nullable(Type.String({ description: 'the enforcement case the notice belongs to, when linked' })),
  documentId: Nullable(
    Type.String({ description: 'the 停工通知书 the enforcement module issued (.docx and PDF), when issued there' }),
  ),
  note: Nullable(Type.String()),
  createdAt: Type.String(),
});
export type IcStopNotice = Static<typeof IcStopNotice>;

/**
 * Issuing a notice stops a reported site (status → stopped). Without `noticeNo` the enforcement module issues the
 * document and draws its 文号; with one, the record stands for a paper notice issued before (its number as written).
 */
export const IcStopNoticeCreate = Type.Object({
  reportId: RefId,
  noticeNo: Type.Optional(DocNo),
  issuedOn: CalendarDate,
  enforcementCaseId: Type.Optional(Nullable(RefId)),
  note: Type.Optional(Nullable(Type.String({ maxLength: 500 }))),
});
export type IcStopNoticeCreate = Static<typeof IcStopNoticeCreate>;

export const IC_NOTICE_SORTS = ['issuedOn', 'noticeNo'] as const;
export const IcStopNoticeQuery = Type.Intersect([
  PageQuery,
  Type.Object({ reportId: Type.Optional(RefId), ...DateRange }),
]);
export type IcStopNoticeQuery = Static<typeof IcStopNoticeQuery>;

export const IcNoticeFileParams = Type.Object({ id: RefId });
export const IcNoticeFileQuery = Type.Object({ format: Type.Optional(Literals(['docx', 'pdf'] as const)) });

export const IcLetter = Type.Object({
  id: Type.String(),
  kind: IcLetterKindSchema,
  letterNo: Type.String(),
  regionId: Type.String(),
  regionName: Nullable(Type.String()),
  reportId: Nullable(Type.String()),
  subject: Type.String(),
  issuedOn: Type.String(),
  deadline: Type.String(),
  repliedOn: Nullable(Type.String()),
  reply: Nullable(Type.String()),
  /** no reply and the deadline has passed (business-time-zone date) */
  overdue: Type.Boolean(),
  createdAt: Type.String(),
});
export type IcLetter = Static<typeof IcLetter>;

export const IcLetterCreate = Type.Object({
  kind: IcLetterKindSchema,
  letterNo: DocNo,
  regionId: RefId,
  reportId: Type.Optional(Nullable(RefId)),
  subject: Text(300),
  issuedOn: CalendarDate,
  deadline: CalendarDate,
});
export type IcLetterCreate = Static<typeof IcLetterCreate>;

export const IcLetterReply = Type.Object({ repliedOn: CalendarDate, reply: Text(1000) });
export type IcLetterReply = Static<typeof IcLetterReply>;

export const IC_LETTER_SORTS = ['issuedOn', 'deadline', 'letterNo'] as const;
export const IcLetterQuery = Type.Intersect([
  PageQuery,
  Type.Object({
    kind: Type.Optional(IcLetterKindSchema),
    regionId: Type.Optional(RefId),
    replied: Type.Optional(Type.Boolean()),
    ...DateRange,
  }),
]);
export type IcLetterQuery = Static<typeof IcLetterQuery>;

export const IcDemolition = Type.Object({
  id: Type.String(),
  reportId: Nullable(Type.String()),
  demolishedOn: Type.String(),
  regionId: Type.String(),
  regionName: Nullable(Type.String()),
  address: Type.String(),
  lng: Type.Number(),
  lat: Type.Number(),
  areaM2: Type.Number(),
  structure: IcStructureSchema,
  lead: IcLeadSchema,
  units: Type.String({ description: 'participating units, as written' }),
  people: Type.Integer(),
  note: Nullable(Type.String()),
  createdAt: Type.String(),
});
export type IcDemolition = Static<typeof IcDemolition>;

/** A demolition on a reported site moves that site to demolished. */
export const IcDemolitionCreate = Type.Object({
  reportId: Type.Optional(Nullable(RefId)),
  demolishedOn: CalendarDate,
  regionId: RefId,
  address: Text(120),
  lng: Lng,
  lat: Lat,
  areaM2: Area,
  structure: IcStructureSchema,
  lead: IcLeadSchema,
  units: Text(300),
  people: Type.Integer({ minimum: 1, maximum: 10_000 }),
  note: Type.Optional(Nullable(Type.String({ maxLength: 500 }))),
});
export type IcDemolitionCreate = Static<typeof IcDemolitionCreate>;

export const IC_DEMOLITION_SORTS = ['demolishedOn', 'area', 'people'] as const;
export const IcDemolitionQuery = Type.Intersect([
  PageQuery,
  Type.Object({
    regionId: Type.Optional(RefId),
    lead: Type.Optional(IcLeadSchema),
    structure: Type.Optional(IcStructureSchema),
    ...DateRange,
  }),
]);
export type IcDemolitionQuery = Static<typeof IcDemolitionQuery>;

const StatCounts = {
  reports: Type.Integer(),
  instructions: Type.Integer({ description: '批示件: reports from a leader’s instruction' }),
  stopNotices: Type.Integer(),
  letters: Type.Integer(),
  demolitions: Type.Integer(),
  bureauDemolitions: Type.Integer(),
  assistDemolitions: Type.Integer(),
  areaM2: Type.Number(),
  bureauAreaM2: Type.Number(),
  assistAreaM2: Type.Number(),
};
export const IcStats = Type.Object({
  year: Type.Integer(),
  totals: Type.Object(StatCounts),
  byRegion: Type.Array(Type.Object({ regionId: Type.String(), regionName: Type.String(), ...StatCounts })),
  byMonth: Type.Array(Type.Object({ month: Type.Integer({ minimum: 1, maximum: 12 }), ...StatCounts })),
});
export type IcStats = Static<typeof IcStats>;
export type IcStatCounts = IcStats['totals'];

export const IcStatsQuery = Type.Object({ year: Type.Integer({ minimum: 2000, maximum: 2100 }) });
export type IcStatsQuery = Static<typeof IcStatsQuery>;

export const IcMapQuery = Type.Object({
  status: Type.Optional(IcStatusSchema),
  regionId: Type.Optional(RefId),
});
export type IcMapQuery = Static<typeof IcMapQuery>;
