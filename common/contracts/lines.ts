import { Type, type Static } from 'typebox';
import { LINES, MAX_DUTY_STAFF, MAX_SHARED_TYPES } from '../domain/lines.ts';
import { AssetLineSchema, LogUnitSchema } from './assets.ts';
import { Literals, Nullable, PageQuery } from './common.ts';

/** The console's business lines (docs/lines.md): the tenant's switch, the per-line views and the 防汛 duty roster. */
export const LineSchema = Literals(LINES);
export const LineParams = Type.Object({ line: LineSchema });
export type LineParams = Static<typeof LineParams>;

const MonthDay = Type.String({ pattern: '^(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$', description: 'MM-DD' });
const CalendarDate = Type.String({ format: 'date', description: 'YYYY-MM-DD' });

export const LinesSettingSchema = Type.Object({
  enabled: Type.Array(LineSchema, { uniqueItems: true, maxItems: LINES.length }),
  floodSeason: Type.Object({ from: MonthDay, to: MonthDay }),
});
export type LinesSettingBody = Static<typeof LinesSettingSchema>;

/** One asset type of a line with its count and this month's logged quantity. */
export const LineTypeFigures = Type.Object({
  code: Type.String(),
  nameZh: Type.String(),
  nameEn: Type.String(),
  logUnit: Nullable(LogUnitSchema),
  count: Type.Integer(),
  monthQuantity: Type.Number(),
});

/** Another line's type a line also shows (docs/lines.md, "Facilities shared by two lines"), with its own line. */
export const LineSharedType = Type.Object({
  code: Type.String(),
  nameZh: Type.String(),
  nameEn: Type.String(),
  /** the line that owns the type and counts its orders */
  line: LineSchema,
  count: Type.Integer(),
});
export type LineSharedType = Static<typeof LineSharedType>;
export const LineShared = Type.Object({ line: LineSchema, types: Type.Array(LineSharedType) });
export type LineShared = Static<typeof LineShared>;
export const LineSharedBody = Type.Object({
  typeCodes: Type.Array(Type.String({ minLength: 1, maxLength: 40 }), {
    uniqueItems: true,
    maxItems: MAX_SHARED_TYPES,
  }),
});
export type LineSharedBody = Static<typeof LineSharedBody>;

export const DutyDay = Type.Object({
  date: CalendarDate,
  leader: Type.String(),
  staff: Type.Array(Type.String()),
  phone: Nullable(Type.String()),
  note: Nullable(Type.String()),
  updatedAt: Type.String(),
});
export type DutyDay = Static<typeof DutyDay>;

export const DutyDayBody = Type.Object({
  leader: Type.String({ minLength: 1, maxLength: 40 }),
  staff: Type.Array(Type.String({ minLength: 1, maxLength: 40 }), { maxItems: MAX_DUTY_STAFF }),
  phone: Type.Optional(Nullable(Type.String({ maxLength: 40, pattern: '^[0-9+\\- ]*$' }))),
  note: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
});
export type DutyDayBody = Static<typeof DutyDayBody>;
export const DutyDateParams = Type.Object({ date: CalendarDate });
export const DutyQuery = Type.Object({ from: CalendarDate, to: CalendarDate });
export type DutyQuery = Static<typeof DutyQuery>;

/** A 易涝点 with the latest reading of the water-level device bound to it (a device whose 部件 code is its code). */
export const FloodPoint = Type.Object({
  id: Type.String(),
  code: Type.String(),
  name: Type.String(),
  thresholdCm: Nullable(Type.Number()),
  waterCm: Nullable(Type.Number()),
  readAt: Nullable(Type.String()),
});
export type FloodPoint = Static<typeof FloodPoint>;

export const LineSummary = Type.Object({
  line: AssetLineSchema,
  month: Type.String({ description: 'YYYY-MM in the tenant time zone' }),
  assets: Type.Integer(),
  types: Type.Array(LineTypeFigures),
  openOrders: Type.Integer(),
  monthOrdersDone: Type.Integer(),
  monthSpendFen: Type.Integer(),
  /** other lines' types this line also shows, counted in their own line's figures and not in these */
  shared: Type.Array(LineSharedType),
  /** 排水 only */
  flood: Type.Optional(
    Type.Object({
      season: Type.Boolean(),
      points: Type.Array(FloodPoint),
      today: Nullable(DutyDay),
    }),
  ),
});
export type LineSummary = Static<typeof LineSummary>;

export const LineItemsQuery = Type.Intersect([PageQuery, Type.Object({ typeCode: Type.String({ maxLength: 40 }) })]);
export type LineItemsQuery = Static<typeof LineItemsQuery>;

/** The figures of one asset in a line view, beside its register row. */
export const LineItemFigures = Type.Object({
  id: Type.String(),
  monthQuantity: Type.Number(),
  spendFen: Type.Integer(),
  openOrders: Type.Integer(),
  waterCm: Nullable(Type.Number()),
  readAt: Nullable(Type.String()),
});
export type LineItemFigures = Static<typeof LineItemFigures>;
