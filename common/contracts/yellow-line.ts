import { Type, type Static } from 'typebox';
import { HOLDER_KINDS, INSPECTION_ACTIONS, INSPECTION_RESULTS, ZONE_STATUSES } from '../domain/yellow-line.ts';
import { Literals, Nullable, PageQuery } from './common.ts';

/**
 * 文明黄线 API (docs/yellow-line.md): zones with their holder, goods, hours and permit; inspections with photos;
 * the tenant's repeat counts; the figures; the public map of permitted zones (no person's name or phone).
 */
export const HolderKindSchema = Literals(HOLDER_KINDS);
export const ZoneStatusSchema = Literals(ZONE_STATUSES);
export const InspectionResultSchema = Literals(INSPECTION_RESULTS);
export const InspectionActionSchema = Literals(INSPECTION_ACTIONS);
export const PermitStateSchema = Literals(['active', 'suspended', 'revoked', 'pending', 'expired'] as const);

const CalendarDate = Type.String({ format: 'date', description: 'YYYY-MM-DD' });
const Clock = Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$', description: 'HH:MM' });
const Phone = Type.String({ pattern: '^[0-9+\\- ]{5,20}$' });
const Text = (max: number) => Type.String({ minLength: 1, maxLength: max });
/** A LineString (a line in front of a shop) or a Polygon (a stall's area), WGS84 GeoJSON; checked by the service. */
export const ZoneGeometry = Type.Object(
  { type: Type.Union([Type.Literal('LineString'), Type.Literal('Polygon')]), coordinates: Type.Unknown() },
  { description: 'GeoJSON LineString or Polygon (WGS84)' },
);
export type ZoneGeometry = Static<typeof ZoneGeometry>;
const Goods = Type.Array(Text(20), { minItems: 1, maxItems: 10 });

export const Zone = Type.Object({
  id: Type.String(),
  zoneNo: Type.String(),
  holderKind: HolderKindSchema,
  /** the shop's or stall's business name: public */
  holderName: Type.String(),
  /** the person to contact: staff only */
  contactName: Nullable(Type.String()),
  /** masked (138****0000) in every answer */
  contactPhone: Nullable(Type.String()),
  address: Type.String(),
  regionName: Nullable(Type.String()),
  geometry: ZoneGeometry,
  lng: Type.Number(),
  lat: Type.Number(),
  goods: Type.Array(Type.String()),
  hoursFrom: Type.String(),
  hoursTo: Type.String(),
  validFrom: Type.String(),
  validTo: Type.String(),
  status: ZoneStatusSchema,
  permitState: PermitStateSchema,
  warnings: Type.Integer(),
  approvalId: Nullable(Type.String()),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});
export type Zone = Static<typeof Zone>;

export const Inspection = Type.Object({
  id: Type.String(),
  inspectedOn: Type.String(),
  result: InspectionResultSchema,
  action: InspectionActionSchema,
  note: Nullable(Type.String()),
  inspector: Nullable(Type.String()),
  photos: Type.Array(Type.Object({ id: Type.String(), url: Type.String(), thumbUrl: Type.String() })),
  createdAt: Type.String(),
});
export type Inspection = Static<typeof Inspection>;

export const ZoneDetail = Type.Intersect([Zone, Type.Object({ inspections: Type.Array(Inspection) })]);
export type ZoneDetail = Static<typeof ZoneDetail>;

const ZoneFields = {
  holderKind: HolderKindSchema,
  holderName: Text(60),
  contactName: Nullable(Type.String({ minLength: 1, maxLength: 40 })),
  contactPhone: Nullable(Phone),
  address: Text(120),
  geometry: ZoneGeometry,
  goods: Goods,
  hoursFrom: Clock,
  hoursTo: Clock,
  validFrom: CalendarDate,
  validTo: CalendarDate,
};
export const ZoneCreate = Type.Object(
  {
    ...ZoneFields,
    contactName: Type.Optional(ZoneFields.contactName),
    contactPhone: Type.Optional(ZoneFields.contactPhone),
  },
  { additionalProperties: false },
);
export type ZoneCreate = Static<typeof ZoneCreate>;
export const ZoneUpdate = Type.Partial(Type.Object(ZoneFields, { additionalProperties: false }));
export type ZoneUpdate = Static<typeof ZoneUpdate>;

export const ZONE_SORTS = ['updatedAt', 'zoneNo', 'holderName', 'validTo', 'warnings'] as const;
export const ZoneQuery = Type.Intersect([
  PageQuery,
  Type.Object({
    holderKind: Type.Optional(HolderKindSchema),
    status: Type.Optional(ZoneStatusSchema),
    expiringBy: Type.Optional(CalendarDate),
  }),
]);
export type ZoneQuery = Static<typeof ZoneQuery>;

export const InspectionCreate = Type.Object(
  {
    inspectedOn: CalendarDate,
    result: InspectionResultSchema,
    note: Nullable(Type.String({ maxLength: 500 })),
    photoIds: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 64 }), { maxItems: 9 })),
  },
  { additionalProperties: false },
);
export type InspectionCreate = Static<typeof InspectionCreate>;

export const YellowLineSettingsSchema = Type.Object(
  {
    suspendAfter: Type.Integer({ minimum: 1, maximum: 20 }),
    revokeAfter: Type.Integer({ minimum: 1, maximum: 20 }),
  },
  { additionalProperties: false },
);

export const FiguresQuery = Type.Object({ from: CalendarDate, to: CalendarDate });
export const YellowLineFigures = Type.Object({
  /** zones in force on `to` (active, within their dates) */
  zones: Type.Integer(),
  shops: Type.Integer(),
  stalls: Type.Integer(),
  /** inspections, failed ones, warnings, suspensions and revocations in [from, to] */
  inspections: Type.Integer(),
  failed: Type.Integer(),
  warnings: Type.Integer(),
  suspensions: Type.Integer(),
  revocations: Type.Integer(),
  /** share of inspections that passed, null without inspections */
  passRate: Nullable(Type.Number()),
});
export type YellowLineFigures = Static<typeof YellowLineFigures>;

/** The public map: what a passer-by may read. Never a person's name or phone. */
export const PublicZone = Type.Object({
  zoneNo: Type.String(),
  holderKind: HolderKindSchema,
  businessName: Type.String(),
  geometry: ZoneGeometry,
  lng: Type.Number(),
  lat: Type.Number(),
  goods: Type.Array(Type.String()),
  hoursFrom: Type.String(),
  hoursTo: Type.String(),
  validFrom: Type.String(),
  validTo: Type.String(),
});
export type PublicZone = Static<typeof PublicZone>;
export const PublicZoneList = Type.Object({ items: Type.Array(PublicZone) });
export type PublicZoneList = Static<typeof PublicZoneList>;
