import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db.ts';
import { createPiiCipher } from '../../platform/pii-cipher.ts';
import type { AuditService } from '../audit/index.ts';
import type { CalendarService } from '../calendar/index.ts';
import type { SettingsService } from '../settings/index.ts';
import { createEnforcementService, type CityCaseAccess } from './enforcement.service.ts';
import { createEvidenceStore } from './evidence.store.ts';
import { enforcementSection } from './enforcement-figures.ts';

/**
 * The enforcement module's services, built from their dependencies (the composition root calls this). ID numbers
 * are encrypted under keys derived from the secret ring kept outside the database (`secrets`, oldest first);
 * evidence files are kept under the data directory.
 */
export function createEnforcementModule(
  database: Database,
  clock: Clock,
  deps: {
    audit: AuditService;
    calendar: CalendarService;
    settings: SettingsService;
    cityCases: CityCaseAccess;
    secrets: readonly string[];
    /** DATA_DIR: evidence files go under evidence/ */
    dataDir: string;
  },
) {
  const service = createEnforcementService(database, clock, {
    audit: deps.audit,
    calendar: deps.calendar,
    settings: deps.settings,
    cityCases: deps.cityCases,
    pii: createPiiCipher(deps.secrets),
    evidence: createEvidenceStore(deps.dataDir),
  });
  // 市容执法 in the statistics report (the sentence of the bureau's work summary, from records).
  return Object.assign(service, { reportSection: enforcementSection(database.db) });
}
