/**
 * Enforcement cases (行政处罚): ordinary and summary procedure, parties with encrypted ID numbers, two-officer steps,
 * evidence hashes, decisions with gap-free 文号, payments with the capped late fee, legal bases and discretion bands.
 */
export { createEnforcementModule } from './enforcement.module.ts';
export {
  type EnforcementService,
  type CityCaseAccess,
  ENFORCEMENT_SETTINGS_KEY,
  DEFAULT_ENFORCEMENT_SETTINGS,
} from './enforcement.service.ts';
export { registerEnforcementRoutes } from './enforcement.routes.ts';
export { seedDemoRegisters, seedStarterBases } from './enforcement.seed.ts';
export { enforcementErrors } from './enforcement.errors.ts';
export type { PeerOffence, PeerOffences } from './enforcement-peer-offences.ts';
export { registerEnforcementDocumentRoutes } from './documents/documents.routes.ts';
export { seedDemoEnforcement, type DemoEnforcementInput } from './enforcement.demo.ts';
export { type SiteDocuments, type SiteStopNotice, type SiteDocument } from './documents/site-documents.ts';
export { type LeadIntake, type LeadService } from './enforcement-leads.ts';
export { registerEnforcementLeadRoutes } from './enforcement-leads.routes.ts';
