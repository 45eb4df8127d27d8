/**
 * Routing and duplicates: rules as data (matter/major class × region → handling unit, a fallback rule) ranked by
 * routing-precedence.ts, and duplicate detection by matter class, radius and time window.
 */
export { createRoutingService, type RoutingService } from './routing.module.ts';
export type { SuggestInput, SuggestedUnit, GeographySource } from './routing.service.ts';
export type { DuplicateQuery } from './duplicate.service.ts';
export type { DuplicateCandidate, RoutingLevel, RoutingSettings } from '../../../../common/contracts/routing.ts';
export { DUPLICATE_RADIUS_KEY, DUPLICATE_WINDOW_KEY, MAX_DUPLICATES } from './duplicate.service.ts';
export { registerRoutingRoutes } from './routing.routes.ts';
export { hasRoutingRules, seedRoutingRules, type RuleSeed } from './routing.seed.ts';
