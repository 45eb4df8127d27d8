import { Type, type Static } from 'typebox';
import {
  ASSET_LINES,
  ASSET_STATUSES,
  ATTRIBUTE_FORMATS,
  ATTRIBUTE_TYPES,
  GEOMETRY_KINDS,
  LOG_UNITS,
  MAX_QUANTITY,
  QUANTITY_UNITS,
  WORK_ORDER_ACTIONS,
  WORK_ORDER_STATES,
} from '../domain/assets.ts';
import { Literals, Nullable, PageQuery } from './common.ts';

/**
 * Base-data registers (docs/assets.md): asset types with their attribute schema, assets, 养护工单 and daily logs.
 */
export const AssetLineSchema = Literals(ASSET_LINES);
export const GeometryKindSchema = Literals(GEOMETRY_KINDS);
export const AssetStatusSchema = Literals(ASSET_STATUSES);
export const QuantityUnitSchema = Literals(QUANTITY_UNITS);
export const LogUnitSchema = Literals(LOG_UNITS);
export const WorkOrderStateSchema = Literals(WORK_ORDER_STATES);
export const WorkOrderActionSchema = Literals(WORK_ORDER_ACTIONS);

const CalendarDate = Type.String({ format: 'date', description: 'YYYY-MM-DD' });
const RefId = Type.String({ minLength: 1, maxLength: 64 });
const Code = Type.String({ minLength: 1, maxLength: 40, pattern: '^[A-Za-z0-9][A-Za-z0-9_.-]*$' });
const Text = (max: number) => Type.String({ minLength: 1, maxLength: max });
const Bound = Type.Number({ minimum: -1e12, maximum: 1e12 });

/** One attribute of the subset: type, titles, enum, min/max, maxLength, unit; nothing else is accepted. */
export const AttributePropertySchema = Type.Object(
  {
    type: Literals(ATTRIBUTE_TYPES),
    title: Text(40),
    titleEn: Type.Optional(Text(60)),
    enum: Type.Optional(Type.Array(Text(40), { minItems: 1, maxItems: 50 })),
    minimum: Type.Optional(Bound),
    maximum: Type.Optional(Bound),
    maxLength: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
    /** `date`: a calendar date as YYYY-MM-DD */
    format: Type.Optional(Literals(ATTRIBUTE_FORMATS)),
    unit: Type.Optional(Type.String({ minLength: 1, maxLength: 10 })),
    /** count the type's assets per value in the report */
    figure: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

export const AttributeSchemaSchema = Type.Object(
  {
    type: Type.Literal('object'),
    properties: Type.Record(Type.String({ pattern: '^[A-Za-z][A-Za-z0-9_]{0,39}$' }), AttributePropertySchema, {
      maxProperties: 40,
    }),
    required: Type.Optional(Type.Array(Type.String({ maxLength: 40 }), { maxItems: 40 })),
  },
  { additionalProperties: false },
);

/** A kind of 养护工单 the type declares; the report counts and costs finished orders per kind. */
export const WorkKindSchema = Type.Object(
  {
    code: Type.String({ pattern: '^[a-z][a-z0-9-]{0,39}$' }),
    nameZh: Text(40),
    nameEn: Text(80),
  },
  { additionalProperties: false },
);
const WorkKinds = Type.Array(WorkKindSchema, { maxItems: 30 });

export const AssetType = Type.Object({
  id: Type.String(),
  code: Type.String(),
  nameZh: Type.String(),
  nameEn: Type.String(),
  line: AssetLineSchema,
  geometryKind: GeometryKindSchema,
  attributeSchema: AttributeSchemaSchema,
  logUnit: Nullable(LogUnitSchema),
  workKinds: WorkKinds,
  assetCount: Type.Integer(),
  synthetic: Type.Boolean(),
  updatedAt: Type.String(),
  /** the optimistic version an edit sends back (docs/conventions.md, "Concurrent edits") */
  version: Type.Integer(),
});
export type AssetType = Static<typeof AssetType>;

export const AssetTypeCreate = Type.Object({
  code: Code,
  nameZh: Text(40),
  nameEn: Text(80),
  line: AssetLineSchema,
  geometryKind: GeometryKindSchema,
  attributeSchema: AttributeSchemaSchema,
  logUnit: Type.Optional(Nullable(LogUnitSchema)),
  workKinds: Type.Optional(WorkKinds),
});
export type AssetTypeCreate = Static<typeof AssetTypeCreate>;

export const AssetTypeUpdate = Type.Partial(
  Type.Object({
    nameZh: Text(40),
    nameEn: Text(80),
    attributeSchema: AttributeSchemaSchema,
    logUnit: Nullable(LogUnitSchema),
    workKinds: WorkKinds,
    /** the version read; another edit since then is 409 ASSET_TYPE_STALE (the console always sends it) */
    version: Type.Integer({ minimum: 1 }),
  }),
);
export type AssetTypeUpdate = Static<typeof AssetTypeUpdate>;

export const AssetTypeQuery = Type.Object({ line: Type.Optional(AssetLineSchema) });
export type AssetTypeQuery = Static<typeof AssetTypeQuery>;

/** A GeoJSON geometry in WGS84 (or `crs`): Point, LineString or Polygon, as the asset type's geometry kind says. */
export const AssetGeometry = Type.Object(
  {
    type: Type.Union([Type.Literal('Point'), Type.Literal('LineString'), Type.Literal('Polygon')]),
    coordinates: Type.Unknown(),
  },
  { description: 'GeoJSON Point, LineString or Polygon' },
);
export type AssetGeometry = Static<typeof AssetGeometry>;

export const Asset = Type.Object({
  id: Type.String(),
  code: Type.String(),
  name: Type.String(),
  typeId: Type.String(),
  typeCode: Type.String(),
  typeNameZh: Type.String(),
  typeNameEn: Type.String(),
  geometryKind: GeometryKindSchema,
  line: AssetLineSchema,
  status: AssetStatusSchema,
  geometry: AssetGeometry,
  lng: Type.Number(),
  lat: Type.Number(),
  address: Nullable(Type.String()),
  unitId: Nullable(Type.String()),
  unitName: Nullable(Type.String()),
  attributes: Type.Record(Type.String(), Type.Unknown()),
  synthetic: Type.Boolean(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  /** the optimistic version an edit sends back (docs/conventions.md, "Concurrent edits") */
  version: Type.Integer(),
});
export type Asset = Static<typeof Asset>;

const Crs = Type.Optional(
  Type.Union([Type.Literal('wgs84'), Type.Literal('cgcs2000'), Type.Literal('gcj02'), Type.Literal('bd09')]),
);

export const AssetCreate = Type.Object({
  code: Code,
  name: Text(80),
  typeCode: Code,
  status: Type.Optional(AssetStatusSchema),
  geometry: AssetGeometry,
  crs: Crs,
  address: Type.Optional(Nullable(Type.String({ maxLength: 120 }))),
  unitId: Type.Optional(Nullable(RefId)),
  attributes: Type.Optional(Type.Record(Type.String({ maxLength: 40 }), Type.Unknown(), { maxProperties: 40 })),
});
export type AssetCreate = Static<typeof AssetCreate>;

export const AssetUpdate = Type.Partial(
  Type.Object({
    name: Text(80),
    status: AssetStatusSchema,
    geometry: AssetGeometry,
    crs: Crs,
    address: Nullable(Type.String({ maxLength: 120 })),
    unitId: Nullable(RefId),
    attributes: Type.Record(Type.String({ maxLength: 40 }), Type.Unknown(), { maxProperties: 40 }),
    /** the version read; another edit since then is 409 ASSET_STALE (the console always sends it) */
    version: Type.Integer({ minimum: 1 }),
  }),
);
export type AssetUpdate = Static<typeof AssetUpdate>;

export const ASSET_SORTS = ['code', 'name', 'updatedAt', 'status'] as const;
const AssetFilters = {
  line: Type.Optional(AssetLineSchema),
  typeCode: Type.Optional(Code),
  status: Type.Optional(AssetStatusSchema),
};
export const AssetQuery = Type.Intersect([PageQuery, Type.Object(AssetFilters)]);
export type AssetQuery = Static<typeof AssetQuery>;
export const AssetExportQuery = Type.Object({ q: Type.Optional(Type.String({ maxLength: 100 })), ...AssetFilters });
export type AssetExportQuery = Static<typeof AssetExportQuery>;
export const MAX_ASSET_EXPORT_ROWS = 50_000;
export const MAX_ASSET_IMPORT_BYTES = 10 * 1024 * 1024;

/** Without `format`, a .csv file or a text/csv body is CSV and anything else GeoJSON. */
export const AssetImportQuery = Type.Object({
  format: Type.Optional(Type.Union([Type.Literal('csv'), Type.Literal('geojson'), Type.Literal('xlsx')])),
  crs: Crs,
});
export type AssetImportQuery = Static<typeof AssetImportQuery>;
export const AssetImportResult = Type.Object({ created: Type.Integer(), updated: Type.Integer() });
export type AssetImportResult = Static<typeof AssetImportResult>;

export const AssetMapQuery = Type.Object({
  line: Type.Optional(AssetLineSchema),
  typeCode: Type.Optional(Code),
});
export type AssetMapQuery = Static<typeof AssetMapQuery>;

// ---------------------------------------------------------------------------------------------------------------
// 养护工单

const Quantity = Type.Number({ minimum: 0, maximum: MAX_QUANTITY });

export const WorkOrder = Type.Object({
  id: Type.String(),
  orderNo: Type.String(),
  assetId: Type.String(),
  assetCode: Type.String(),
  assetName: Type.String(),
  line: AssetLineSchema,
  caseId: Nullable(Type.String()),
  caseNo: Nullable(Type.String()),
  title: Type.String(),
  /** one of the asset type's work kinds */
  kind: Type.Optional(Nullable(Type.String())),
  unitId: Type.String(),
  unitName: Nullable(Type.String()),
  state: WorkOrderStateSchema,
  dueAt: Type.String(),
  overdue: Type.Boolean(),
  quantity: Nullable(Type.Number()),
  quantityUnit: Nullable(QuantityUnitSchema),
  costFen: Nullable(Type.Integer()),
  beforePhotoIds: Type.Array(Type.String()),
  afterPhotoIds: Type.Array(Type.String()),
  note: Nullable(Type.String()),
  startedAt: Nullable(Type.String()),
  doneAt: Nullable(Type.String()),
  acceptedAt: Nullable(Type.String()),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  /** the inspection whose failed item opened the order (docs/inspections.md) */
  inspectionId: Type.Optional(Nullable(Type.String())),
  projectId: Type.Optional(Nullable(Type.String())),
  projectName: Type.Optional(Nullable(Type.String())),
});
export type WorkOrder = Static<typeof WorkOrder>;

export const WorkOrderCreate = Type.Object({
  assetId: RefId,
  caseNo: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 40 }))),
  title: Text(120),
  /** one of the asset type's work kinds (docs/assets.md, "Figures") */
  kind: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 40 }))),
  unitId: RefId,
  /** the deadline counted on the tenant's work calendar from now */
  workDays: Type.Integer({ minimum: 1, maximum: 365 }),
  quantity: Type.Optional(Nullable(Quantity)),
  quantityUnit: Type.Optional(Nullable(QuantityUnitSchema)),
  costFen: Type.Optional(Nullable(Type.Integer({ minimum: 0, maximum: 10_000_000_000 }))),
  beforePhotoIds: Type.Optional(Type.Array(RefId, { maxItems: 9 })),
  note: Type.Optional(Nullable(Type.String({ maxLength: 500 }))),
  /** a project of the projects module the work belongs to */
  projectId: Type.Optional(Nullable(RefId)),
});
export type WorkOrderCreate = Static<typeof WorkOrderCreate>;

export const WorkOrderStep = Type.Object({
  action: WorkOrderActionSchema,
  quantity: Type.Optional(Nullable(Quantity)),
  quantityUnit: Type.Optional(Nullable(QuantityUnitSchema)),
  costFen: Type.Optional(Nullable(Type.Integer({ minimum: 0, maximum: 10_000_000_000 }))),
  afterPhotoIds: Type.Optional(Type.Array(RefId, { maxItems: 9 })),
  note: Type.Optional(Nullable(Type.String({ maxLength: 500 }))),
});
export type WorkOrderStep = Static<typeof WorkOrderStep>;

export const WorkOrderQuery = Type.Intersect([
  PageQuery,
  Type.Object({
    state: Type.Optional(WorkOrderStateSchema),
    line: Type.Optional(AssetLineSchema),
    assetId: Type.Optional(RefId),
    overdue: Type.Optional(Type.Boolean()),
    /** one work kind (docs/assets.md, "Figures") */
    kind: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })),
  }),
]);
export type WorkOrderQuery = Static<typeof WorkOrderQuery>;

// ---------------------------------------------------------------------------------------------------------------
// Daily logs

export const DailyLog = Type.Object({
  id: Type.String(),
  assetId: Type.String(),
  assetCode: Type.String(),
  assetName: Type.String(),
  logDate: Type.String(),
  quantity: Type.Number(),
  unit: LogUnitSchema,
  source: Type.Union([Type.Literal('form'), Type.Literal('import')]),
  updatedAt: Type.String(),
});
export type DailyLog = Static<typeof DailyLog>;

export const DailyLogCreate = Type.Object({
  assetId: RefId,
  logDate: CalendarDate,
  quantity: Quantity,
});
export type DailyLogCreate = Static<typeof DailyLogCreate>;

export const DailyLogQuery = Type.Intersect([
  PageQuery,
  Type.Object({
    assetId: Type.Optional(RefId),
    line: Type.Optional(AssetLineSchema),
    from: Type.Optional(CalendarDate),
    to: Type.Optional(CalendarDate),
  }),
]);
export type DailyLogQuery = Static<typeof DailyLogQuery>;

export const DailyLogImportResult = Type.Object({ written: Type.Integer(), tonnes: Type.Number() });
export type DailyLogImportResult = Static<typeof DailyLogImportResult>;
