import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db.ts';
import type { AuditService } from '../audit/index.ts';
import type { SettingsService } from '../settings/index.ts';
import { frontageSection } from './fr-report-section.ts';
import { createFrPrint } from './fr-print.ts';
import { createFrTemplate } from './fr-template.ts';
import { createFrontageService } from './frontage.service.ts';

/** The 门前三包 module's service, its files and report section (the composition root calls this). */
export function createFrontage(
  database: Database,
  clock: Clock,
  deps: { audit: AuditService; settings: SettingsService; timeZone: string },
) {
  const service = createFrontageService(database, clock, deps);
  const print = createFrPrint(database, service, createFrTemplate(database, deps.settings));
  return { service, print, reportSection: frontageSection(service) };
}
export type Frontage = ReturnType<typeof createFrontage>;
