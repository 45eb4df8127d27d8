import { AppError, conflict, invalidField, invalidFieldOf, withMessage } from '../../platform/errors.ts';

export interface FieldIssue {
  field: string;
  rule: string;
  message: string;
}

/** One problem of an import row with its text from the catalogs (details.<key>), rendered in the reader's language. */
export const issue = (field: string, rule: string, key: string, params?: Record<string, unknown>): FieldIssue =>
  withMessage({ field, rule }, `details.${key}`, params);

/** The assets module's error codes (docs/conventions.md, "Errors"); texts in common/i18n errors.<CODE>. */
export const ASSET_ERRORS = {
  invalidAttributes: 'ASSET_INVALID_ATTRIBUTES',
  invalidSchema: 'ASSET_INVALID_SCHEMA',
  duplicateCode: 'ASSET_DUPLICATE_CODE',
  duplicateTypeCode: 'ASSET_DUPLICATE_TYPE_CODE',
  unknownType: 'ASSET_UNKNOWN_TYPE',
  badGeometry: 'ASSET_BAD_GEOMETRY',
  outsideTenant: 'ASSET_OUTSIDE_TENANT',
  unknownUnit: 'ASSET_UNKNOWN_UNIT',
  unknownInspector: 'ASSET_UNKNOWN_INSPECTOR',
  unknownCase: 'ASSET_UNKNOWN_CASE',
  transition: 'ASSET_WORK_ORDER_TRANSITION',
  noDailyLog: 'ASSET_NO_DAILY_LOG',
  importInvalid: 'ASSET_IMPORT_INVALID',
  importFormat: 'ASSET_IMPORT_FORMAT',
  exportTooLarge: 'ASSET_EXPORT_TOO_LARGE',
  photos: 'ASSET_UNKNOWN_PHOTOS',
  unknownAsset: 'ASSET_UNKNOWN_ASSET',
  quantityUnit: 'ASSET_QUANTITY_UNIT',
  unknownProject: 'ASSET_UNKNOWN_PROJECT',
  stale: 'ASSET_STALE',
  typeStale: 'ASSET_TYPE_STALE',
  workKind: 'ASSET_WORK_KIND',
  invalidChecklist: 'INSPECTION_INVALID_CHECKLIST',
  invalidResults: 'INSPECTION_INVALID_RESULTS',
  inspectionDone: 'INSPECTION_ALREADY_DONE',
  duplicateContract: 'CONTRACT_DUPLICATE_NO',
  contractPeriod: 'CONTRACT_PERIOD',
  noMaintainer: 'INSPECTION_NO_MAINTAINER',
} as const;

export const assetErrors = {
  /** every attribute that fails the type's schema, each named by its path (body.attributes.<name>) */
  invalidAttributes: (issues: readonly FieldIssue[]) => new AppError(ASSET_ERRORS.invalidAttributes, 400, issues),
  invalidSchema: (issues: readonly FieldIssue[]) => new AppError(ASSET_ERRORS.invalidSchema, 400, issues),
  duplicateCode: (code: string, field = 'body.code') =>
    conflict(ASSET_ERRORS.duplicateCode, [
      withMessage({ field, rule: 'unique' }, 'details.assetDuplicateCode', { code }),
    ]),
  duplicateTypeCode: (code: string) =>
    conflict(ASSET_ERRORS.duplicateTypeCode, [
      withMessage({ field: 'body.code', rule: 'unique' }, 'details.assetDuplicateCode', { code }),
    ]),
  unknownType: (field: string) =>
    invalidFieldOf(field, 'exists', 'details.assetErr.unknownType', {}, ASSET_ERRORS.unknownType),
  badGeometry: (field: string, message: string) => invalidField(field, 'geometry', message, ASSET_ERRORS.badGeometry),
  outsideTenant: (field: string, lng: number, lat: number) =>
    new AppError(ASSET_ERRORS.outsideTenant, 400, [
      withMessage({ field, rule: 'tenant' }, 'details.assetOutsideTenant', {
        lng: lng.toFixed(6),
        lat: lat.toFixed(6),
      }),
    ]),
  unknownUnit: (field = 'body.unitId') =>
    invalidFieldOf(field, 'exists', 'details.assetErr.unknownUnit', {}, ASSET_ERRORS.unknownUnit),
  unknownInspector: (field = 'body.inspectorId') =>
    invalidFieldOf(field, 'exists', 'details.assetErr.unknownInspector', {}, ASSET_ERRORS.unknownInspector),
  unknownCase: (field = 'body.caseNo') =>
    invalidFieldOf(field, 'exists', 'details.assetErr.unknownCase', {}, ASSET_ERRORS.unknownCase),
  transition: (from: string, action: string) =>
    new AppError(ASSET_ERRORS.transition, 409, [
      withMessage({ field: 'body.action', rule: 'state' }, 'details.assetErr.transition', { action, from }),
    ]),
  noDailyLog: (field = 'body.assetId') =>
    invalidFieldOf(field, 'type', 'details.assetErr.noDailyLog', {}, ASSET_ERRORS.noDailyLog),
  importInvalid: (issues: readonly FieldIssue[]) => new AppError(ASSET_ERRORS.importInvalid, 400, issues),
  /** an upload that is neither a workbook, a CSV nor GeoJSON */
  importFormat: (key: string, params?: Record<string, unknown>) =>
    new AppError(ASSET_ERRORS.importFormat, 415, [issue('body.file', 'format', key, params)]),
  exportTooLarge: (count: number, max: number) => new AppError(ASSET_ERRORS.exportTooLarge, 400, { count, max }),
  photos: (fields: readonly string[]) =>
    new AppError(
      ASSET_ERRORS.photos,
      400,
      fields.map((field) => withMessage({ field, rule: 'exists' }, 'details.assetErr.photo')),
    ),
  unknownAsset: (field = 'body.assetId') =>
    invalidFieldOf(field, 'exists', 'details.assetErr.unknownAsset', {}, ASSET_ERRORS.unknownAsset),
  /** a quantity says what it counts */
  duplicateWorkKind: (field: string) =>
    invalidFieldOf(field, 'unique', 'details.assetErr.duplicateWorkKind', {}, ASSET_ERRORS.workKind),
  unknownWorkKind: (field = 'body.kind') =>
    invalidFieldOf(field, 'enum', 'details.assetErr.unknownWorkKind', {}, ASSET_ERRORS.workKind),
  badQuantityUnit: (field = 'body.quantityUnit') =>
    invalidFieldOf(field, 'required', 'details.assetErr.quantityUnit', {}, ASSET_ERRORS.quantityUnit),
  /** someone else changed the asset, or the type, since the editor read it (docs/conventions.md, "Concurrent edits") */
  stale: (version: number) => conflict(ASSET_ERRORS.stale, { version }),
  typeStale: (version: number) => conflict(ASSET_ERRORS.typeStale, { version }),
  unknownProject: (field = 'body.projectId') =>
    invalidFieldOf(field, 'exists', 'details.assetErr.unknownProject', {}, ASSET_ERRORS.unknownProject),
  /** every inconsistency of a plan's checklist or schedule, each with its text (details.inspection.*) */
  invalidChecklist: (problems: readonly { field: string; key: string; params?: Record<string, string | number> }[]) =>
    new AppError(
      ASSET_ERRORS.invalidChecklist,
      400,
      problems.map((p) => withMessage({ field: `body.${p.field}`, rule: 'checklist' }, p.key, p.params ?? {})),
    ),
  invalidResults: (problems: readonly { field: string; key: string; params?: Record<string, string | number> }[]) =>
    new AppError(
      ASSET_ERRORS.invalidResults,
      400,
      problems.map((p) => withMessage({ field: `body.${p.field}`, rule: 'result' }, p.key, p.params ?? {})),
    ),
  inspectionDone: () =>
    new AppError(ASSET_ERRORS.inspectionDone, 409, [
      withMessage({ field: 'id', rule: 'state' }, 'details.assetErr.inspectionDone'),
    ]),
  duplicateContract: (no: string) =>
    conflict(ASSET_ERRORS.duplicateContract, [
      withMessage({ field: 'body.contractNo', rule: 'unique' }, 'details.assetDuplicateCode', { code: no }),
    ]),
  contractPeriod: () =>
    invalidFieldOf('body.endsOn', 'range', 'details.assetErr.contractPeriod', {}, ASSET_ERRORS.contractPeriod),
  noMaintainer: (field: string) =>
    invalidFieldOf(field, 'exists', 'details.assetErr.noMaintainer', {}, ASSET_ERRORS.noMaintainer),
};
