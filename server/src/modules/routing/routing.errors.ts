import { AppError, invalidField } from '../../platform/errors.ts';

/** The routing module's error codes (texts in common/i18n errors.<CODE>). */
export const routingErrors = {
  unknownUnit: (field = 'body.unitId') =>
    invalidField(field, 'exists', 'unit not found in this city, or deactivated', 'ROUTING_UNKNOWN_UNIT'),
  unknownRegion: (field = 'body.regionId') =>
    invalidField(field, 'exists', 'region not found in this city', 'ROUTING_UNKNOWN_REGION'),
  unknownMatter: (field = 'body.matterCode') =>
    invalidField(field, 'exists', "not a matter (事项) of this city's catalog", 'ROUTING_UNKNOWN_MATTER'),
  unknownMajor: (field = 'body.majorCode') =>
    invalidField(field, 'exists', "no matter of this city's catalog is in that major class", 'ROUTING_UNKNOWN_MAJOR'),
  /** A rule names a matter or a whole major class, never both (the matter already implies its class). */
  matterAndMajor: () =>
    invalidField(
      'body.majorCode',
      'exclusive',
      'give either a matter code or a major class, not both',
      'ROUTING_MATTER_AND_MAJOR',
    ),
  unknownFilingCondition: () =>
    invalidField(
      'query.filingConditionId',
      'exists',
      'no filing condition with that id for this matter',
      'ROUTING_UNKNOWN_FILING_CONDITION',
    ),
  /** 409: the tenant already has its one fallback rule (matter, major and region all empty); edit that one. */
  duplicateFallback: (existingId: string) => new AppError('ROUTING_DUPLICATE_FALLBACK', 409, { ruleId: existingId }),
  /** 400 for settings written by a non-HTTP caller (the HTTP contract rejects them first with VALIDATION_FAILED). */
  invalidSettings: (issues: readonly { field: string; rule: string; message: string }[]) =>
    new AppError('ROUTING_INVALID_SETTINGS', 400, issues),
};
