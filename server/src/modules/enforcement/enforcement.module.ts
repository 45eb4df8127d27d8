import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db.ts';
import { createPiiCipher } from '../../platform/pii-cipher.ts';
import type { AuditService } from '../audit/index.ts';
import type { CalendarService } from '../calendar/index.ts';
import type { SettingsService } from '../settings/index.ts';
import { createEnforcementService, type CityCaseAccess } from './enforcement.service.ts';
import { createEvidenceStore } from './evidence.store.ts';
import { createCaseChain } from './documents/chain.ts';
import { createEnforcementRecords } from './documents/records.ts';
import { createSiteDocuments } from './documents/site-documents.ts';
import { enforcementSection } from './enforcement-figures.ts';
import { createPeerOffences } from './enforcement-peer-offences.ts';
import { createLeadIntake } from './enforcement-leads.ts';

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
    /** DATA_DIR: evidence files (and issued documents) go under evidence/ */
    dataDir: string;
    /** the CJK font embedded in PDF documents */
    fontPath: string;
  },
) {
  const evidence = createEvidenceStore(deps.dataDir);
  // Every step, evidence item and document goes on the case's record chain (docs/enforcement.md, "Record chain").
  const chain = createCaseChain(database, deps.secrets);
  const pii = createPiiCipher(deps.secrets);
  const service = createEnforcementService(database, clock, {
    audit: deps.audit,
    calendar: deps.calendar,
    settings: deps.settings,
    cityCases: deps.cityCases,
    pii,
    evidence,
    chain,
  });
  const records = createEnforcementRecords(database, clock, { ...deps, files: evidence, chain });
  // 停工通知书 of 查违控违 sites, numbered with the case documents (the illegal-construction module calls these).
  const siteDocuments = createSiteDocuments(database, clock, {
    audit: deps.audit,
    files: evidence,
    fontPath: deps.fontPath,
  });
  // 市容执法 in the statistics report (the sentence of the bureau's work summary, from records).
  // 互认: offence records of peer cities accepted in the federation inbox count as prior offences here.
  const peerOffences = createPeerOffences(pii);
  // 线索: other modules hand leads over through `leads.intake`; 立案 opens a case through the service's create.
  const leads = createLeadIntake(database, clock, { audit: deps.audit, open: service.create });
  return Object.assign(service, {
    leads,
    records,
    siteDocuments,
    peerOffences,
    reportSection: enforcementSection(database.db),
  });
}
