import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db.ts';
import type { AuditService } from '../audit/index.ts';
import type { StopNoticeDocuments } from './ic-context.ts';
import { illegalConstructionSection } from './ic-report-section.ts';
import { createIllegalConstructionService } from './ic.service.ts';

/** The 查违控违 module's service and its report section, built from their dependencies (the composition root calls this). */
export function createIllegalConstruction(
  database: Database,
  clock: Clock,
  audit: AuditService,
  timeZone: string,
  stopNotices: StopNoticeDocuments,
) {
  const service = createIllegalConstructionService(database, clock, audit, timeZone, stopNotices);
  return { service, reportSection: illegalConstructionSection(service) };
}
export type IllegalConstruction = ReturnType<typeof createIllegalConstruction>;
