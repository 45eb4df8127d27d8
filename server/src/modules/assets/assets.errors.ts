import { AppError, conflict, invalidField, withMessage } from '../../platform/errors.ts';

export interface FieldIssue {
  field: string;
  rule: string;
  message: string;
}

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
  exportTooLarge: 'ASSET_EXPORT_TOO_LARGE',
  photos: 'ASSET_UNKNOWN_PHOTOS',
  unknownAsset: 'ASSET_UNKNOWN_ASSET',
  quantityUnit: 'ASSET_QUANTITY_UNIT',
  unknownProject: 'ASSET_UNKNOWN_PROJECT',
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
  unknownType: (field: string) => invalidField(field, 'exists', 'no such asset type', ASSET_ERRORS.unknownType),
  badGeometry: (field: string, message: string) => invalidField(field, 'geometry', message, ASSET_ERRORS.badGeometry),
  outsideTenant: (field: string, lng: number, lat: number) =>
    new AppError(ASSET_ERRORS.outsideTenant, 400, [
      withMessage({ field, rule: 'tenant' }, 'details.assetOutsideTenant', {
        lng: lng.toFixed(6),
        lat: lat.toFixed(6),
      }),
    ]),
  unknownUnit: (field = 'body.unitId') =>
    invalidField(field, 'exists', 'not an active unit of this city', ASSET_ERRORS.unknownUnit),
  unknownInspector: (field = 'body.inspectorId') =>
    invalidField(field, 'exists', 'not an active user who inspects assets', ASSET_ERRORS.unknownInspector),
  unknownCase: (field = 'body.caseNo') => invalidField(field, 'exists', 'no such case', ASSET_ERRORS.unknownCase),
  transition: (from: string, action: string) =>
    new AppError(ASSET_ERRORS.transition, 409, [
      { field: 'body.action', rule: 'state', message: `${action} is not allowed from ${from}` },
    ]),
  noDailyLog: (field = 'body.assetId') =>
    invalidField(field, 'type', 'this asset type keeps no daily log', ASSET_ERRORS.noDailyLog),
  importInvalid: (issues: readonly FieldIssue[]) => new AppError(ASSET_ERRORS.importInvalid, 400, issues),
  exportTooLarge: (count: number, max: number) => new AppError(ASSET_ERRORS.exportTooLarge, 400, { count, max }),
  photos: (fields: readonly string[]) =>
    new AppError(
      ASSET_ERRORS.photos,
      400,
      fields.map((field) => ({ field, rule: 'exists', message: 'not an unattached photo of yours' })),
    ),
  unknownAsset: (field = 'body.assetId') => invalidField(field, 'exists', 'no such asset', ASSET_ERRORS.unknownAsset),
  /** a quantity says what it counts */
  duplicateWorkKind: (field: string) =>
    invalidField(field, 'unique', 'a work kind code appears twice', ASSET_ERRORS.workKind),
  unknownWorkKind: (field = 'body.kind') =>
    invalidField(field, 'enum', 'the asset type declares no such work kind', ASSET_ERRORS.workKind),
  badQuantityUnit: (field = 'body.quantityUnit') =>
    invalidField(field, 'required', 'a quantity needs its unit', ASSET_ERRORS.quantityUnit),
  unknownProject: (field = 'body.projectId') =>
    invalidField(field, 'exists', 'no such project', ASSET_ERRORS.unknownProject),
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
    new AppError(ASSET_ERRORS.inspectionDone, 409, [{ field: 'id', rule: 'state', message: 'already done' }]),
  duplicateContract: (no: string) =>
    conflict(ASSET_ERRORS.duplicateContract, [
      withMessage({ field: 'body.contractNo', rule: 'unique' }, 'details.assetDuplicateCode', { code: no }),
    ]),
  contractPeriod: () =>
    invalidField('body.endsOn', 'range', 'the contract ends before it starts', ASSET_ERRORS.contractPeriod),
  noMaintainer: (field: string) =>
    invalidField(field, 'exists', 'the asset has no maintaining unit to give the order to', ASSET_ERRORS.noMaintainer),
};
