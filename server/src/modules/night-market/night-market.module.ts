import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db.ts';
import { createPiiCipher } from '../../platform/pii-cipher.ts';
import type { AuditService } from '../audit/index.ts';
import type { FineRegister } from './nm-context.ts';
import { nightMarketSection } from './nm-report-section.ts';
import { createNightMarketService } from './night-market.service.ts';

/**
 * The 夜市 module's service and report section (the composition root calls this). ID numbers are encrypted under
 * keys derived from the secret ring kept outside the database (`secrets`), like the enforcement parties'.
 */
export function createNightMarket(
  database: Database,
  clock: Clock,
  deps: { audit: AuditService; secrets: readonly string[]; fines: FineRegister; timeZone: string },
) {
  const service = createNightMarketService(database, clock, {
    audit: deps.audit,
    pii: createPiiCipher(deps.secrets),
    fines: deps.fines,
    timeZone: deps.timeZone,
  });
  return { service, reportSection: nightMarketSection(service) };
}
export type NightMarket = ReturnType<typeof createNightMarket>;
