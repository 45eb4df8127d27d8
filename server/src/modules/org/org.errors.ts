import { AppError, conflict, invalidField } from '../../platform/errors.ts';

/** The org module's error codes (texts in common/i18n errors.<CODE>). */
export const orgErrors = {
  unknownUnit: (field: string, message = 'unit not found') =>
    invalidField(field, 'exists', message, 'ORG_UNKNOWN_UNIT'),
  unknownRegion: (field: string, message = 'region not found') =>
    invalidField(field, 'exists', message, 'ORG_UNKNOWN_REGION'),
  invalidParent: (message: string) => invalidField('body.parentId', 'parent', message, 'ORG_INVALID_PARENT'),
  duplicateCode: (message: string) => conflict('ORG_DUPLICATE_CODE', [{ field: 'body.code', rule: 'unique', message }]),
  duplicateUsername: (username: string) =>
    conflict('ORG_DUPLICATE_USERNAME', [
      { field: 'body.username', rule: 'unique', message: `username ${username} is taken` },
    ]),
  grantNeedsUnit: (field: string, role: string) =>
    invalidField(field, 'required', `role ${role} must name its handling unit`, 'ORG_GRANT_NEEDS_UNIT'),
  regionInUse: () => new AppError('ORG_REGION_IN_USE', 409),
  selfLockout: (field: string) =>
    new AppError('ORG_SELF_LOCKOUT', 400, [
      { field, rule: 'self', message: 'you cannot disable yourself or drop your own admin grant' },
    ]),
};
