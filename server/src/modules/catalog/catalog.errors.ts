import type { ImportRowError } from '../../../../common/contracts/catalog.ts';
import { AppError, conflict, invalidField } from '../../platform/errors.ts';

/** The catalog module's error codes (docs/conventions.md, "Errors"); texts live in the i18n catalogs under errors.<code>. */
export const CATALOG_ERRORS = {
  unknownMatter: 'CATALOG_UNKNOWN_MATTER',
  unknownUnit: 'CATALOG_UNKNOWN_UNIT',
  unknownMajor: 'CATALOG_UNKNOWN_MAJOR',
  anomalyNeedsComponent: 'CATALOG_ANOMALY_NEEDS_COMPONENT',
  nationalReadonly: 'CATALOG_NATIONAL_READONLY',
  ambiguousCode: 'CATALOG_AMBIGUOUS_CODE',
  localRangeFull: 'CATALOG_LOCAL_RANGE_FULL',
  duplicateName: 'CATALOG_DUPLICATE_NAME',
  duplicateCondition: 'CATALOG_DUPLICATE_CONDITION',
  oldCodeUnmapped: 'CATALOG_OLD_CODE_UNMAPPED',
  importInvalid: 'CATALOG_IMPORT_INVALID',
  notXlsx: 'CATALOG_SHEET_INVALID',
  codeTaken: 'CATALOG_CODE_TAKEN',
} as const;

export const duplicateName = (field: string, name: string) =>
  conflict(CATALOG_ERRORS.duplicateName, [{ field, rule: 'unique', message: `「${name}」在该大类中已存在` }]);

export const duplicateCondition = (field: string) =>
  conflict(CATALOG_ERRORS.duplicateCondition, [{ field, rule: 'unique', message: '该事项已有相同的立案条件' }]);

export const unknownMatter = (field: string, code: string, inactive = false) =>
  invalidField(
    field,
    inactive ? 'active' : 'exists',
    inactive ? `事项「${code}」已停用` : `事项「${code}」不在目录中`,
    CATALOG_ERRORS.unknownMatter,
  );

export const unknownUnit = (field: string) =>
  invalidField(field, 'exists', '处置单位不存在', CATALOG_ERRORS.unknownUnit);

/** 400 listing every bad row of an import (row = Excel row number). */
export const importInvalid = (details: readonly ImportRowError[]) =>
  new AppError(CATALOG_ERRORS.importInvalid, 400, details);

export const notXlsx = (message: string) =>
  new AppError(CATALOG_ERRORS.notXlsx, 400, [{ row: 0, field: 'file', message }]);
