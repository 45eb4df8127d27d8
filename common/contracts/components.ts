import { Type, type Static } from 'typebox';
import { Nullable, PageQuery } from './common.ts';
import { BboxParam, CrsParam } from './geo.ts';

/**
 * HTTP contract of the component registry (管理部件, GB/T 47678.5-2026 表 2 通用属性): 17-digit id, class, name,
 * 主管部门 / 权属单位 / 养护单位, grid, state, dates, source and notes, at a WGS84 position.
 */

/** 完好 / 破损 / 丢失 / 废弃 / 移除 (GB/T 47678.5 管理部件状态); labels come from the i18n catalogs. */
export const COMPONENT_STATES = ['intact', 'damaged', 'lost', 'abandoned', 'removed'] as const;
export type ComponentState = (typeof COMPONENT_STATES)[number];
export const ComponentStateSchema = Type.Enum(COMPONENT_STATES);

export const ComponentCode = Type.String({
  pattern: '^[1-9][0-9]{16}$',
  description: '17 digits: admin 6 + class 5 + serial 6',
});
export const ClassCode = Type.String({ pattern: '^[0-9]{5}$', description: '5-digit GB/T 47678.5 component class' });
export const GridCode = Type.String({ pattern: '^[1-9][0-9]{14}$', description: '15-digit unit grid code' });
const CalendarDate = Type.String({ format: 'date', description: 'YYYY-MM-DD' });
const OrgName = Type.String({ minLength: 1, maxLength: 100 });
const Lng = Type.Number({ minimum: -180, maximum: 180 });
const Lat = Type.Number({ minimum: -90, maximum: 90 });

export const Component = Type.Object({
  id: Type.String(),
  code: Type.String(),
  classCode: Type.String(),
  className: Nullable(Type.String()),
  name: Type.String(),
  state: ComponentStateSchema,
  deptName: Type.String({ description: '主管部门' }),
  ownerName: Nullable(Type.String({ description: '权属单位' })),
  maintainerName: Nullable(Type.String({ description: '养护单位' })),
  gridCode: Nullable(Type.String()),
  streetId: Nullable(Type.String()),
  streetCode: Nullable(Type.String()),
  streetName: Nullable(Type.String()),
  communityId: Nullable(Type.String()),
  communityCode: Nullable(Type.String()),
  communityName: Nullable(Type.String()),
  lng: Type.Number(),
  lat: Type.Number(),
  initialDate: Type.String(),
  changeDate: Nullable(Type.String()),
  source: Nullable(Type.String()),
  notes: Nullable(Type.String()),
  synthetic: Type.Boolean(),
  updatedAt: Type.String(),
});
export type Component = Static<typeof Component>;

export const ComponentCodeParams = Type.Object({ code: ComponentCode });
export type ComponentCodeParams = Static<typeof ComponentCodeParams>;

/** Give `code`, or only `classCode` and the server assigns the class's next serial. */
export const ComponentCreate = Type.Object({
  code: Type.Optional(ComponentCode),
  classCode: Type.Optional(ClassCode),
  name: Type.Optional(
    Type.String({ minLength: 1, maxLength: 30, description: 'defaults to the class name (标准名称)' }),
  ),
  state: Type.Optional(ComponentStateSchema),
  deptName: OrgName,
  ownerName: Type.Optional(Nullable(OrgName)),
  maintainerName: Type.Optional(Nullable(OrgName)),
  gridCode: Type.Optional(GridCode),
  lng: Lng,
  lat: Lat,
  crs: Type.Optional(CrsParam),
  initialDate: Type.Optional(CalendarDate),
  source: Type.Optional(Nullable(Type.String({ maxLength: 30 }))),
  notes: Type.Optional(Nullable(Type.String({ maxLength: 1000 }))),
});
export type ComponentCreate = Static<typeof ComponentCreate>;

/** A state change sets 变更日期 (change date); lng and lat move together and re-locate the grid. */
export const ComponentUpdate = Type.Partial(
  Type.Object({
    name: Type.String({ minLength: 1, maxLength: 30 }),
    state: ComponentStateSchema,
    deptName: OrgName,
    ownerName: Nullable(OrgName),
    maintainerName: Nullable(OrgName),
    gridCode: GridCode,
    lng: Lng,
    lat: Lat,
    crs: CrsParam,
    initialDate: CalendarDate,
    source: Nullable(Type.String({ maxLength: 30 })),
    notes: Nullable(Type.String({ maxLength: 1000 })),
  }),
);
export type ComponentUpdate = Static<typeof ComponentUpdate>;

const Filters = {
  classCode: Type.Optional(ClassCode),
  state: Type.Optional(ComponentStateSchema),
  gridCode: Type.Optional(GridCode),
  communityId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
  bbox: Type.Optional(BboxParam),
};
export const ComponentQuery = Type.Intersect([PageQuery, Type.Object(Filters)]);
export type ComponentQuery = Static<typeof ComponentQuery>;
export const ComponentExportQuery = Type.Object({ q: Type.Optional(Type.String({ maxLength: 100 })), ...Filters });
export type ComponentExportQuery = Static<typeof ComponentExportQuery>;

export const NearestQuery = Type.Object({
  lng: Lng,
  lat: Lat,
  crs: Type.Optional(CrsParam),
  classCode: Type.Optional(ClassCode),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50, default: 10 })),
  radius: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: 5000, default: 1000, description: 'metres' })),
});
export type NearestQuery = Static<typeof NearestQuery>;
export const NearestComponent = Type.Object({
  id: Type.String(),
  code: Type.String(),
  classCode: Type.String(),
  className: Nullable(Type.String()),
  name: Type.String(),
  state: ComponentStateSchema,
  gridCode: Nullable(Type.String()),
  lng: Type.Number(),
  lat: Type.Number(),
  distanceM: Type.Number({ description: 'great-circle distance in metres' }),
});
export type NearestComponent = Static<typeof NearestComponent>;
export const NearestResult = Type.Object({ items: Type.Array(NearestComponent) });
export type NearestResult = Static<typeof NearestResult>;

export const ClustersQuery = Type.Object({
  zoom: Type.Integer({ minimum: 0, maximum: 22, description: 'web-map zoom level; cells are ~64 screen pixels wide' }),
  bbox: Type.Optional(BboxParam),
  classCode: Type.Optional(ClassCode),
});
export type ClustersQuery = Static<typeof ClustersQuery>;
export const ClusterCell = Type.Object({
  lng: Type.Number({ description: 'mean position of the members' }),
  lat: Type.Number(),
  count: Type.Integer(),
  classCode: Type.Optional(Type.String({ description: 'set when every member has this class' })),
  code: Type.Optional(Type.String({ description: 'the component id when count = 1' })),
});
export type ClusterCell = Static<typeof ClusterCell>;
export const ClustersResult = Type.Object({
  cellLng: Type.Number(),
  cellLat: Type.Number(),
  total: Type.Integer(),
  items: Type.Array(ClusterCell),
});
export type ClustersResult = Static<typeof ClustersResult>;

export const ComponentImportQuery = Type.Object({ crs: Type.Optional(CrsParam) });
export type ComponentImportQuery = Static<typeof ComponentImportQuery>;
export const ComponentImportResult = Type.Object({ created: Type.Integer() });
export type ComponentImportResult = Static<typeof ComponentImportResult>;
export const MAX_COMPONENT_IMPORT_BYTES = 10 * 1024 * 1024;
export const MAX_COMPONENT_EXPORT_ROWS = 200_000;
