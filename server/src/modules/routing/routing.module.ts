import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db.ts';
import type { AuditService } from '../audit/index.ts';
import type { SettingsService } from '../settings/index.ts';
import { createDuplicateService } from './duplicate.service.ts';
import { createRuleService, type GeographySource } from './routing.service.ts';

/**
 * The routing module's services, built from their dependencies (the composition root calls this).
 * `geo` (the geo service) is needed only by the admin screen's "try a point" (GET /api/routing/suggest); the case
 * service passes street and community it already located, so `suggestUnit` and `findDuplicates` work without it.
 */
export function createRoutingService(
  database: Database,
  clock: Clock,
  audit: AuditService,
  settings: SettingsService,
  geo?: GeographySource,
) {
  const rules = createRuleService(database, clock, audit, geo);
  const duplicates = createDuplicateService(database, settings);
  return {
    /** (tenantId, { matterCode, streetId, communityId, filingConditionUnitId? }, ex?) → { unitId, ruleId, reason } | null */
    suggestUnit: rules.suggestUnit,
    /** (tenantId, { caseId?, matterCode, lng, lat, at }, ex?) → candidates nearest first */
    findDuplicates: duplicates.findDuplicates,
    duplicateSettings: duplicates.duplicateSettings,
    rules,
    duplicates,
  };
}
export type RoutingService = ReturnType<typeof createRoutingService>;
