import { Type, type Static } from 'typebox';
import { AD_INSPECTION_RESULTS, AD_REMOVAL_MODES, AD_STATUSES, AD_TYPES } from '../domain/outdoor-ads.ts';
import { Literals, Nullable, PageQuery } from './common.ts';

/**
 * 户外广告 API (docs/outdoor-ads.md): the inventory with permits and safety inspections, expiry and inspection
 * reminders, the pre-flood-season safety sweep, and removal records.
 */
export const AdTypeSchema = Literals(AD_TYPES);
export const AdStatusSchema = Literals(AD_STATUSES);
export const AdInspectionResultSchema = Literals(AD_INSPECTION_RESULTS);
export const AdRemovalModeSchema = Literals(AD_REMOVAL_MODES);

const CalendarDate = Type.String({ format: 'date', description: 'YYYY-MM-DD' });
const RefId = Type.String({ minLength: 1, maxLength: 64 });
const Lng = Type.Number({ minimum: -180, maximum: 180 });
const Lat = Type.Number({ minimum: -90, maximum: 90 });
const Size = Type.Number({ minimum: 0.01, maximum: 100_000, multipleOf: 0.01, description: 'm²' });
const Text = (max: number) => Type.String({ minLength: 1, maxLength: max });
const Phone = Type.String({ pattern: '^[0-9+\\- ]{5,20}$' });
/** A polygon or line for a large sign (a wall, a rooftop frame); WGS84 GeoJSON, checked by the service. */
const Geometry = Type.Object(
  { type: Type.String(), coordinates: Type.Unknown() },
  { description: 'GeoJSON Polygon or LineString (WGS84)' },
);

export const AdInspection = Type.Object({
  id: Type.String(),
  inspectedOn: Type.String(),
  result: AdInspectionResultSchema,
  inspector: Nullable(Type.String()),
  note: Nullable(Type.String()),
});
export type AdInspection = Static<typeof AdInspection>;

export const OutdoorAd = Type.Object({
  id: Type.String(),
  adType: AdTypeSchema,
  status: AdStatusSchema,
  regionId: Nullable(Type.String()),
  regionName: Nullable(Type.String()),
  address: Type.String(),
  lng: Type.Number(),
  lat: Type.Number(),
  geometry: Nullable(Geometry),
  sizeM2: Type.Number(),
  content: Nullable(Type.String()),
  ownerName: Type.String(),
  /** masked (138****0000) in every answer */
  ownerPhone: Nullable(Type.String()),
  permitNo: Nullable(Type.String()),
  permitFrom: Nullable(Type.String()),
  permitTo: Nullable(Type.String()),
  lastInspectedOn: Nullable(Type.String()),
  lastResult: Nullable(AdInspectionResultSchema),
  nextInspectionOn: Nullable(Type.String()),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});
export type OutdoorAd = Static<typeof OutdoorAd>;

export const OutdoorAdDetail = Type.Intersect([OutdoorAd, Type.Object({ inspections: Type.Array(AdInspection) })]);
export type OutdoorAdDetail = Static<typeof OutdoorAdDetail>;

const AdFields = {
  adType: AdTypeSchema,
  regionId: Nullable(RefId),
  address: Text(120),
  lng: Lng,
  lat: Lat,
  geometry: Nullable(Geometry),
  sizeM2: Size,
  content: Nullable(Type.String({ maxLength: 120 })),
  ownerName: Text(80),
  ownerPhone: Nullable(Phone),
  permitNo: Nullable(Type.String({ minLength: 1, maxLength: 40 })),
  permitFrom: Nullable(CalendarDate),
  permitTo: Nullable(CalendarDate),
  nextInspectionOn: Nullable(CalendarDate),
};
export const OutdoorAdCreate = Type.Object({
  adType: AdFields.adType,
  regionId: Type.Optional(AdFields.regionId),
  address: AdFields.address,
  lng: AdFields.lng,
  lat: AdFields.lat,
  geometry: Type.Optional(AdFields.geometry),
  sizeM2: AdFields.sizeM2,
  content: Type.Optional(AdFields.content),
  ownerName: AdFields.ownerName,
  ownerPhone: Type.Optional(AdFields.ownerPhone),
  permitNo: Type.Optional(AdFields.permitNo),
  permitFrom: Type.Optional(AdFields.permitFrom),
  permitTo: Type.Optional(AdFields.permitTo),
  nextInspectionOn: Type.Optional(AdFields.nextInspectionOn),
});
export type OutdoorAdCreate = Static<typeof OutdoorAdCreate>;

export const OutdoorAdUpdate = Type.Partial(Type.Object(AdFields));
export type OutdoorAdUpdate = Static<typeof OutdoorAdUpdate>;

export const AD_SORTS = ['updatedAt', 'size', 'permitTo', 'nextInspectionOn', 'adType'] as const;
export const OutdoorAdQuery = Type.Intersect([
  PageQuery,
  Type.Object({
    adType: Type.Optional(AdTypeSchema),
    status: Type.Optional(AdStatusSchema),
    regionId: Type.Optional(RefId),
    lastResult: Type.Optional(AdInspectionResultSchema),
  }),
]);
export type OutdoorAdQuery = Static<typeof OutdoorAdQuery>;

/** Without a next date, the next inspection is due 180 days later (common/domain/outdoor-ads.ts). */
export const AdInspectionCreate = Type.Object({
  inspectedOn: CalendarDate,
  result: AdInspectionResultSchema,
  inspector: Type.Optional(Nullable(Type.String({ maxLength: 60 }))),
  note: Type.Optional(Nullable(Type.String({ maxLength: 500 }))),
  nextInspectionOn: Type.Optional(Nullable(CalendarDate)),
});
export type AdInspectionCreate = Static<typeof AdInspectionCreate>;

export const AdReminderKindSchema = Literals([
  'permit_expired',
  'permit_expiring',
  'inspection_overdue',
  'inspection_due',
] as const);
export const AdReminder = Type.Object({
  kind: AdReminderKindSchema,
  date: Type.String(),
  ad: OutdoorAd,
});
export type AdReminder = Static<typeof AdReminder>;
export const AdReminderQuery = Type.Object({
  withinDays: Type.Optional(Type.Integer({ minimum: 0, maximum: 366, default: 30 })),
});
export type AdReminderQuery = Static<typeof AdReminderQuery>;
export const AdReminderList = Type.Object({ today: Type.String(), items: Type.Array(AdReminder) });
export type AdReminderList = Static<typeof AdReminderList>;

export const FloodSweepQuery = Type.Object({ year: Type.Integer({ minimum: 2000, maximum: 2100 }) });
export type FloodSweepQuery = Static<typeof FloodSweepQuery>;
export const FloodSweep = Type.Object({
  year: Type.Integer(),
  since: Type.String({ description: 'inspections on or after this date count as done for the sweep' }),
  /** ads of the sweep's types with no passing inspection since `since` */
  items: Type.Array(OutdoorAd),
});
export type FloodSweep = Static<typeof FloodSweep>;

export const AdRemoval = Type.Object({
  id: Type.String(),
  adId: Nullable(Type.String()),
  adType: AdTypeSchema,
  quantity: Type.Integer({ description: 'signs removed (awnings: groups)' }),
  removedOn: Type.String(),
  mode: AdRemovalModeSchema,
  regionId: Nullable(Type.String()),
  regionName: Nullable(Type.String()),
  address: Type.String(),
  enforcementCaseId: Nullable(Type.String()),
  note: Nullable(Type.String()),
  createdAt: Type.String(),
});
export type AdRemoval = Static<typeof AdRemoval>;

/** With `adId` the inventory's sign is marked removed and its type and place are taken from it. */
export const AdRemovalCreate = Type.Object({
  adId: Type.Optional(Nullable(RefId)),
  adType: Type.Optional(AdTypeSchema),
  quantity: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000, default: 1 })),
  removedOn: CalendarDate,
  mode: AdRemovalModeSchema,
  regionId: Type.Optional(Nullable(RefId)),
  address: Type.Optional(Text(120)),
  enforcementCaseId: Type.Optional(Nullable(RefId)),
  note: Type.Optional(Nullable(Type.String({ maxLength: 500 }))),
});
export type AdRemovalCreate = Static<typeof AdRemovalCreate>;

export const AD_REMOVAL_SORTS = ['removedOn', 'quantity', 'adType'] as const;
export const AdRemovalQuery = Type.Intersect([
  PageQuery,
  Type.Object({
    adType: Type.Optional(AdTypeSchema),
    mode: Type.Optional(AdRemovalModeSchema),
    regionId: Type.Optional(RefId),
    from: Type.Optional(CalendarDate),
    to: Type.Optional(CalendarDate),
  }),
]);
export type AdRemovalQuery = Static<typeof AdRemovalQuery>;
