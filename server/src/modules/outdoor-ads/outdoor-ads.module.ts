import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db.ts';
import type { AuditService } from '../audit/index.ts';
import { outdoorAdsSection } from './oa-report-section.ts';
import { createOutdoorAdsService } from './oa.service.ts';

/** The 户外广告 module's service and its report section, built from their dependencies (the composition root calls this). */
export function createOutdoorAds(database: Database, clock: Clock, audit: AuditService, timeZone: string) {
  const service = createOutdoorAdsService(database, clock, audit, timeZone);
  return { service, reportSection: outdoorAdsSection(service) };
}
export type OutdoorAds = ReturnType<typeof createOutdoorAds>;
