/** 市民随手拍: the citizen H5's public API — plain-word matter search, photo upload, idempotent reports
 *  answered with a case number and a private token, public-safe tracking, rating and reopening, rate limits. */
export { createCitizenService, CITIZEN_SOURCE, type CitizenService, type CitizenDeps } from './citizen.service.ts';
export { registerCitizenRoutes, deviceOf, tooMany } from './citizen.routes.ts';
export { Limiter } from './citizen-limits.ts';
export { PLAIN_WORDS, COMMON_MATTERS, searchPlainMatters } from './citizen-matters.ts';
export {
  publicLineScope,
  type PublicLine,
  type PublicLineLimits,
  type PublicLineOptions,
} from './public-line-scope.ts';
