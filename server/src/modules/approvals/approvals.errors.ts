import type { MaterialItem } from '../../../../common/domain/approvals.ts';
import { AppError, invalidField, withMessage } from '../../platform/errors.ts';

/** The 行政审批 module's error codes (docs/conventions.md, "Errors"); texts live in the i18n catalogs under errors.<code>. */
export const AP_ERRORS = {
  unknownType: 'AP_UNKNOWN_TYPE',
  unknownMaterial: 'AP_UNKNOWN_MATERIAL',
  missingMaterials: 'AP_MISSING_MATERIALS',
  transition: 'AP_TRANSITION_NOT_ALLOWED',
  badDetails: 'AP_BAD_DETAILS',
  typeCodeTaken: 'AP_TYPE_CODE_TAKEN',
  validTo: 'AP_VALID_TO',
} as const;

export const apErrors = {
  unknownType: (field = 'body.typeId') =>
    invalidField(field, 'exists', 'no such application type in use', AP_ERRORS.unknownType),
  /** Codes outside the type's checklist, each under its own index. */
  unknownMaterials: (field: string, codes: { index: number; code: string }[]) =>
    new AppError(
      AP_ERRORS.unknownMaterial,
      400,
      codes.map((c) =>
        withMessage({ field: `${field}/${c.index}`, rule: 'checklist' }, 'details.approvals.notInChecklist', {
          code: c.code,
        }),
      ),
    ),
  /** A grant needs every required item of the checklist: the details name each one missing. */
  missingMaterials: (items: readonly MaterialItem[]) =>
    new AppError(
      AP_ERRORS.missingMaterials,
      400,
      items.map((i) =>
        withMessage({ field: 'body.materials', rule: 'required', code: i.code }, 'details.approvals.missingMaterial', {
          name: i.name,
        }),
      ),
    ),
  transition: (action: string, status: string) =>
    new AppError(AP_ERRORS.transition, 409, [
      withMessage({ field: 'status', rule: 'state', action, status }, `details.approvals.transition.${action}`, {
        status,
      }),
    ]),
  badDetails: (issues: { field: string; message: string }[]) =>
    new AppError(
      AP_ERRORS.badDetails,
      400,
      issues.map((i) => ({ field: i.field, rule: 'register', message: i.message })),
    ),
  typeCodeTaken: () =>
    new AppError(AP_ERRORS.typeCodeTaken, 409, [
      { field: 'body.code', rule: 'unique', message: 'a type with this code exists' },
    ]),
  validTo: (message: string) => invalidField('body.validTo', 'order', message, AP_ERRORS.validTo),
};
