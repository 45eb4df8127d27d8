import type { ImportRowError } from '../../../../common/contracts/catalog.ts';
import { AppError, conflict, invalidFieldOf, withMessage } from '../../platform/errors.ts';

/** The catalog module's error codes (texts in common/i18n errors.<CODE>, detail texts under details.catalog). */
export const catalogErrors = {
  duplicateName: (field: string, name: string) =>
    conflict('CATALOG_DUPLICATE_NAME', [
      withMessage({ field, rule: 'unique' }, 'details.catalog.duplicateName', { name }),
    ]),
  duplicateCondition: (field: string) =>
    conflict('CATALOG_DUPLICATE_CONDITION', [
      withMessage({ field, rule: 'unique' }, 'details.catalog.duplicateCondition'),
    ]),
  unknownMatter: (field: string, code: string, inactive = false) =>
    inactive
      ? invalidFieldOf(field, 'active', 'details.catalog.matterInactive', { code }, 'CATALOG_UNKNOWN_MATTER')
      : invalidFieldOf(field, 'exists', 'details.catalog.unknownMatter', { code }, 'CATALOG_UNKNOWN_MATTER'),
  unknownUnit: (field: string) =>
    invalidFieldOf(field, 'exists', 'details.catalog.unknownUnit', undefined, 'CATALOG_UNKNOWN_UNIT'),
  /** A component's major class is 01–05; matters of 01–05 are component anomalies (created with the component). */
  componentMajor: () =>
    invalidFieldOf('body.majorCode', 'enum', 'details.catalog.componentMajor', undefined, 'CATALOG_UNKNOWN_MAJOR'),
  anomalyNeedsComponent: () =>
    invalidFieldOf(
      'body.kind',
      'component',
      'details.catalog.anomalyNeedsComponent',
      undefined,
      'CATALOG_ANOMALY_NEEDS_COMPONENT',
    ),
  ambiguousCode: (code: string) =>
    invalidFieldOf('query.kind', 'required', 'details.catalog.ambiguousCode', { code }, 'CATALOG_AMBIGUOUS_CODE'),
  /** `low`–`high`: the local extension range of the major class (catalog-codes localCodeRange). */
  localRangeFull: (majorCode: string, low: string, high: string) =>
    invalidFieldOf(
      'body.majorCode',
      'full',
      'details.catalog.localRangeFull',
      { majorCode, low, high },
      'CATALOG_LOCAL_RANGE_FULL',
    ),
  codeTaken: (code: string) =>
    conflict('CATALOG_CODE_TAKEN', [
      withMessage({ field: 'body.majorCode', rule: 'unique' }, 'details.catalog.codeTaken', { code }),
    ]),
  nationalReadonly: () =>
    invalidFieldOf('body.name', 'national', 'details.catalog.nationalReadonly', undefined, 'CATALOG_NATIONAL_READONLY'),
  oldCodeUnmapped: (oldCode: string, kind: string) => new AppError('CATALOG_OLD_CODE_UNMAPPED', 404, { oldCode, kind }),
  /** 400 listing every bad row of an import (row = Excel row number). */
  importInvalid: (details: readonly ImportRowError[]) => new AppError('CATALOG_IMPORT_INVALID', 400, details),
  /** 400 for a row-level problem of the file as a whole (`details.<key>`, e.g. sheet.noRows). */
  fileInvalid: (key: string, row = 2) =>
    new AppError('CATALOG_IMPORT_INVALID', 400, [withMessage({ row, field: 'file' }, `details.${key}`)]),
  notXlsx: () =>
    new AppError('CATALOG_SHEET_INVALID', 400, [withMessage({ row: 0, field: 'file' }, 'details.sheet.notExcel')]),
};
