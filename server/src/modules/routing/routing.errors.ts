import { AppError, invalidField } from '../../platform/errors.ts';

/** The routing module's error codes (docs/conventions.md, "Errors"); texts live in the i18n catalogs under errors.<code>. */
export const ROUTING_ERRORS = {
  unknownUnit: 'ROUTING_UNKNOWN_UNIT',
  unknownRegion: 'ROUTING_UNKNOWN_REGION',
  unknownMatter: 'ROUTING_UNKNOWN_MATTER',
  unknownMajor: 'ROUTING_UNKNOWN_MAJOR',
  matterAndMajor: 'ROUTING_MATTER_AND_MAJOR',
  duplicateFallback: 'ROUTING_DUPLICATE_FALLBACK',
  unknownFilingCondition: 'ROUTING_UNKNOWN_FILING_CONDITION',
  invalidSettings: 'ROUTING_INVALID_SETTINGS',
} as const;

export const unknownUnit = (field = 'body.unitId') =>
  invalidField(field, 'exists', 'unit not found in this city, or deactivated', ROUTING_ERRORS.unknownUnit);
export const unknownRegion = (field = 'body.regionId') =>
  invalidField(field, 'exists', 'region not found in this city', ROUTING_ERRORS.unknownRegion);
export const unknownMatter = (field = 'body.matterCode') =>
  invalidField(field, 'exists', "not a matter (事项) of this city's catalog", ROUTING_ERRORS.unknownMatter);
export const unknownMajor = (field = 'body.majorCode') =>
  invalidField(field, 'exists', "no matter of this city's catalog is in that major class", ROUTING_ERRORS.unknownMajor);
/** A rule names a matter or a whole major class, never both (the matter already implies its class). */
export const matterAndMajor = () =>
  invalidField(
    'body.majorCode',
    'exclusive',
    'give either a matter code or a major class, not both',
    ROUTING_ERRORS.matterAndMajor,
  );
export const unknownFilingCondition = () =>
  invalidField(
    'query.filingConditionId',
    'exists',
    'no filing condition with that id for this matter',
    ROUTING_ERRORS.unknownFilingCondition,
  );

/** 409: the tenant already has its one fallback rule (matter, major and region all empty); edit that one. */
export const duplicateFallback = (existingId: string) =>
  new AppError(ROUTING_ERRORS.duplicateFallback, 409, { ruleId: existingId });

/** 400 for settings written by a non-HTTP caller (the HTTP contract rejects them first with VALIDATION_FAILED). */
export const invalidSettings = (issues: readonly { field: string; rule: string; message: string }[]) =>
  new AppError(ROUTING_ERRORS.invalidSettings, 400, issues);
