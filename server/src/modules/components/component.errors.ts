import { AppError, conflict, invalidField } from '../../platform/errors.ts';

/** The components module's error codes (texts in common/i18n errors.<CODE>). */
export const componentErrors = {
  invalidCode: (field: string, rule: string, message: string) =>
    invalidField(field, rule, message, 'COMPONENT_INVALID_CODE'),
  codeOrClassRequired: () =>
    invalidField(
      'body.classCode',
      'required',
      'give code (17 digits) or classCode (5 digits)',
      'COMPONENT_CODE_OR_CLASS_REQUIRED',
    ),
  unknownClass: (field: string, classCode: string) =>
    invalidField(
      field,
      'catalog',
      `${classCode} is not an active component class of the catalog (GB/T 47678.5)`,
      'COMPONENT_UNKNOWN_CLASS',
    ),
  outsideTenant: (lng: number, lat: number) =>
    invalidField(
      'body.lng',
      'tenant',
      `position ${lng.toFixed(6)},${lat.toFixed(6)} lies outside the tenant boundary`,
      'COMPONENT_OUTSIDE_TENANT',
    ),
  unknownGrid: (gridCode: string | null | undefined) =>
    invalidField('body.gridCode', 'exists', `unknown grid ${String(gridCode)}`, 'COMPONENT_UNKNOWN_GRID'),
  serialsExhausted: (classCode: string, max: number) =>
    conflict('COMPONENT_SERIALS_EXHAUSTED', [
      { field: 'body.classCode', rule: 'serial', message: `class ${classCode} has used all ${max} serials` },
    ]),
  duplicateCode: (code: string) =>
    conflict('COMPONENT_DUPLICATE_CODE', [
      { field: 'body.code', rule: 'unique', message: `component ${code} already exists` },
    ]),
  exportTooLarge: (count: number, max: number) => new AppError('COMPONENT_EXPORT_TOO_LARGE', 400, { count, max }),
};
