import { AppError, invalidField } from '../../platform/errors.ts';
import { VISION_SKEW_SECONDS, VISION_TIMESTAMP_HEADER } from '../../../../common/domain/vision.ts';

/** This module's error codes (texts in common/i18n errors.*). */
export const visionErrors = {
  /** one answer for an unknown or switched-off source, a missing or wrong signature: nothing can be probed */
  signature: () => new AppError('VISION_SIGNATURE', 401),
  stale: () =>
    invalidField(
      `headers.${VISION_TIMESTAMP_HEADER}`,
      'fresh',
      `more than ${VISION_SKEW_SECONDS} s from the server clock`,
      'VISION_STALE',
    ),
  field: (field: string, rule: string, message: string) => invalidField(field, rule, message),
  codeTaken: () => invalidField('body.code', 'unique', 'a source with this code exists', 'VISION_CODE_TAKEN'),
  sourceStale: (version: number) => new AppError('VISION_SOURCE_STALE', 409, { version }),
  notPending: (status: string) => new AppError('VISION_NOT_PENDING', 409, { status }),
  /** the case moved on (handled or voided) outside the review desk: there is nothing left to confirm or reject */
  caseMovedOn: (status: string) => new AppError('VISION_CASE_MOVED_ON', 409, { status }),
  noSecretRing: () => new AppError('VISION_NO_SECRET_RING', 503),
};
