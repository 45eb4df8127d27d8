import { Type, type Static } from 'typebox';
import { CATALOG_KINDS, LIMIT_UNITS } from '../domain/catalog.ts';
import { Nullable, PageQuery } from './common.ts';

/** HTTP contract of the catalog module: GB/T 47678.5 entries, local extensions and 立结案标准 (filing conditions). */

export const CatalogKind = Type.Enum(CATALOG_KINDS);
export const LimitUnit = Type.Enum(LIMIT_UNITS);
export const CatalogCode = Type.String({ pattern: '^[0-9]{5}$', description: '5-digit GB/T 47678.5 code' });
/** Major classes 01–10 (components use 01–05). */
export const MajorCode = Type.String({ pattern: '^(0[1-9]|10)$' });
const Text = Type.String({ minLength: 1, maxLength: 500 });

export const CatalogEntry = Type.Object({
  kind: CatalogKind,
  code: Type.String(),
  name: Type.String(),
  majorCode: Type.String(),
  majorName: Type.String(),
  oldCode: Nullable(Type.String({ description: '4-digit GB/T 30428.2 code (docs/standards.md, "Old to new codes")' })),
  pinyinInitials: Type.String(),
  pinyin: Type.String(),
  source: Type.Enum(['national', 'local']),
  active: Type.Boolean(),
  updatedAt: Type.String(),
});
export type CatalogEntry = Static<typeof CatalogEntry>;

export const CatalogEntryQuery = Type.Intersect([
  PageQuery,
  Type.Object({
    kind: Type.Optional(CatalogKind),
    majorCode: Type.Optional(MajorCode),
    local: Type.Optional(Type.Boolean()),
    active: Type.Optional(Type.Boolean()),
  }),
]);
export type CatalogEntryQuery = Static<typeof CatalogEntryQuery>;

export const CatalogEntryCreate = Type.Object({
  kind: CatalogKind,
  majorCode: MajorCode,
  name: Type.String({ minLength: 1, maxLength: 40 }),
});
export type CatalogEntryCreate = Static<typeof CatalogEntryCreate>;

export const CatalogEntryUpdate = Type.Partial(
  Type.Object({ name: Type.String({ minLength: 1, maxLength: 40 }), active: Type.Boolean() }),
);
export type CatalogEntryUpdate = Static<typeof CatalogEntryUpdate>;

export const CatalogCodeParams = Type.Object({ code: CatalogCode });
export type CatalogCodeParams = Static<typeof CatalogCodeParams>;
/** Components and their anomaly matters share codes 01–05: `kind` says which one is meant when both exist. */
export const CatalogKindQuery = Type.Object({ kind: Type.Optional(CatalogKind) });
export type CatalogKindQuery = Static<typeof CatalogKindQuery>;

export const MajorClass = Type.Object({
  majorCode: Type.String(),
  componentName: Nullable(Type.String()),
  matterName: Type.String(),
  components: Type.Integer(),
  matters: Type.Integer(),
  local: Type.Integer({ description: 'local extensions of either kind' }),
});
export type MajorClass = Static<typeof MajorClass>;

export const OldCodeQuery = Type.Object({
  code: Type.String({ pattern: '^[0-9]{4}$', description: '4-digit GB/T 30428.2 code' }),
  kind: Type.Optional(CatalogKind),
});
export type OldCodeQuery = Static<typeof OldCodeQuery>;
export const OldCodeMapping = Type.Object({
  kind: CatalogKind,
  oldCode: Type.String(),
  code: Type.String(),
  name: Type.String(),
  active: Type.Boolean(),
});
export type OldCodeMapping = Static<typeof OldCodeMapping>;

export const HandlingLimit = Type.Object({
  // Whole numbers only: the bureau's sheet writes 2紧急工作时 / 3工作日, and export must read back the same.
  value: Type.Integer({ minimum: 1, maximum: 999 }),
  unit: LimitUnit,
});

export const FilingCondition = Type.Object({
  id: Type.String(),
  matterCode: Type.String(),
  matterName: Nullable(Type.String()),
  seq: Type.Integer(),
  condition: Type.String(),
  handlingLimit: HandlingLimit,
  closingCondition: Type.String(),
  unitId: Nullable(Type.String()),
  unitName: Nullable(Type.String()),
  active: Type.Boolean(),
  updatedAt: Type.String(),
});
export type FilingCondition = Static<typeof FilingCondition>;

export const FilingConditionQuery = Type.Intersect([
  PageQuery,
  Type.Object({ matterCode: Type.Optional(CatalogCode), unitId: Type.Optional(Type.String({ minLength: 1 })) }),
]);
export type FilingConditionQuery = Static<typeof FilingConditionQuery>;
/** Export takes the list's filters, without paging. */
export const FilingConditionExportQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 100 })),
  matterCode: Type.Optional(CatalogCode),
  unitId: Type.Optional(Type.String({ minLength: 1 })),
});
export type FilingConditionExportQuery = Static<typeof FilingConditionExportQuery>;

export const FilingConditionCreate = Type.Object({
  matterCode: CatalogCode,
  condition: Text,
  handlingLimit: HandlingLimit,
  closingCondition: Text,
  /** null: no fixed unit; the case is routed to the street office by location (属地). */
  unitId: Type.Optional(Nullable(Type.String({ minLength: 1 }))),
});
export type FilingConditionCreate = Static<typeof FilingConditionCreate>;
export const FilingConditionUpdate = Type.Partial(
  Type.Object({
    matterCode: CatalogCode,
    condition: Text,
    handlingLimit: HandlingLimit,
    closingCondition: Text,
    unitId: Nullable(Type.String({ minLength: 1 })),
    active: Type.Boolean(),
  }),
);
export type FilingConditionUpdate = Static<typeof FilingConditionUpdate>;

export const IMPORT_MODES = ['append', 'replace'] as const;
export const ImportQuery = Type.Object({
  mode: Type.Optional(Type.Enum(IMPORT_MODES, { default: 'append' })),
});
export type ImportQuery = Static<typeof ImportQuery>;
export const ImportResult = Type.Object({
  mode: Type.Enum(IMPORT_MODES),
  imported: Type.Integer(),
  /** replace mode: matters whose conditions were replaced; append mode: 0 */
  replacedMatters: Type.Integer(),
  /** replace mode: conditions removed from those matters */
  removed: Type.Integer(),
});
export type ImportResult = Static<typeof ImportResult>;
/** One problem of an imported sheet: Excel row number (header = 1) and column name. */
export const ImportRowError = Type.Object({ row: Type.Integer(), field: Type.String(), message: Type.String() });
export type ImportRowError = Static<typeof ImportRowError>;

export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
