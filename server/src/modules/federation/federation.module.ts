import { join } from 'node:path';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db.ts';
import { createPiiCipher } from '../../platform/pii-cipher.ts';
import type { AuditService } from '../audit/index.ts';
import type { PeerOffences } from '../enforcement/index.ts';
import type { SettingsService } from '../settings/index.ts';
import { httpTransport, type FedCases, type Transport } from './fed-context.ts';
import type { FedKpi } from './fed-report-month.ts';
import type { FedPhotos } from './fed-photos.ts';
import { createFederationService } from './federation.service.ts';

/**
 * The federation module's service (the composition root calls this). Private keys are encrypted under keys derived
 * from the secret ring kept outside the database (`secrets`), like the enforcement parties' ID numbers.
 */
export function createFederation(
  database: Database,
  clock: Clock,
  deps: {
    audit: AuditService;
    enforcement: PeerOffences;
    settings: SettingsService;
    cases: FedCases;
    /** the KPI roll-up, read by the monthly statistics */
    kpi: FedKpi;
    photos?: FedPhotos;
    secrets: readonly string[];
    dataDir: string;
    reportUpDir: string | null;
    timeZone: string;
    transport?: Transport;
  },
) {
  return createFederationService(database, clock, {
    audit: deps.audit,
    enforcement: deps.enforcement,
    settings: deps.settings,
    cases: deps.cases,
    kpi: deps.kpi,
    photos: deps.photos,
    pii: createPiiCipher(deps.secrets),
    transport: deps.transport ?? httpTransport,
    reportDir: deps.reportUpDir ?? join(deps.dataDir, 'report-up'),
    reportUpJob: deps.reportUpDir !== null,
    timeZone: deps.timeZone,
  });
}
