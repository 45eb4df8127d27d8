import type { ImportRowError } from '../../../../common/contracts/catalog.ts';
import { AppError, conflict, invalidField } from '../../platform/errors.ts';

/** The catalog module's error codes (texts in common/i18n errors.<CODE>). */
export const catalogErrors = {
  duplicateName: (field: string, name: string) =>
    conflict('CATALOG_DUPLICATE_NAME', [{ field, rule: 'unique', message: `「${name}」在该大类中已存在` }]),
  duplicateCondition: (field: string) =>
    conflict('CATALOG_DUPLICATE_CONDITION', [{ field, rule: 'unique', message: '该事项已有相同的立案条件' }]),
  unknownMatter: (field: string, code: string, inactive = false) =>
    invalidField(
      field,
      inactive ? 'active' : 'exists',
      inactive ? `事项「${code}」已停用` : `事项「${code}」不在目录中`,
      'CATALOG_UNKNOWN_MATTER',
    ),
  unknownUnit: (field: string) => invalidField(field, 'exists', '处置单位不存在', 'CATALOG_UNKNOWN_UNIT'),
  /** A component's major class is 01–05; matters of 01–05 are component anomalies (created with the component). */
  componentMajor: () => invalidField('body.majorCode', 'enum', '部件大类应为 01–05', 'CATALOG_UNKNOWN_MAJOR'),
  anomalyNeedsComponent: () =>
    invalidField(
      'body.kind',
      'component',
      '01–05 大类的事项是部件的「异常」，请新增部件，其异常事项随之生成',
      'CATALOG_ANOMALY_NEEDS_COMPONENT',
    ),
  ambiguousCode: (code: string) =>
    invalidField('query.kind', 'required', `代码「${code}」既是部件也是事项，请指定 kind`, 'CATALOG_AMBIGUOUS_CODE'),
  localRangeFull: (message: string) => invalidField('body.majorCode', 'full', message, 'CATALOG_LOCAL_RANGE_FULL'),
  codeTaken: (code: string) =>
    conflict('CATALOG_CODE_TAKEN', [
      { field: 'body.majorCode', rule: 'unique', message: `代码「${code}」刚被占用，请重试` },
    ]),
  nationalReadonly: () =>
    invalidField('body.name', 'national', '国标分类不能改名，只能停用', 'CATALOG_NATIONAL_READONLY'),
  oldCodeUnmapped: (oldCode: string, kind: string) => new AppError('CATALOG_OLD_CODE_UNMAPPED', 404, { oldCode, kind }),
  /** 400 listing every bad row of an import (row = Excel row number). */
  importInvalid: (details: readonly ImportRowError[]) => new AppError('CATALOG_IMPORT_INVALID', 400, details),
  notXlsx: (message: string) => new AppError('CATALOG_SHEET_INVALID', 400, [{ row: 0, field: 'file', message }]),
};
