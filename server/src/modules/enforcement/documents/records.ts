import type { ChainCheck, SigningKeyInfo } from '../../../../../common/contracts/enforcement-documents.ts';
import type { Clock } from '../../../platform/clock.ts';
import type { Database } from '../../../platform/db.ts';
import { notFound } from '../../../platform/errors.ts';
import { requirePermission, type Actor } from '../../auth/index.ts';
import type { AuditService } from '../../audit/index.ts';
import type { CalendarService } from '../../calendar/index.ts';
import * as repo from '../enforcement.repository.ts';
import type { EvidenceStore } from '../evidence.store.ts';
import { createBundleExport } from './bundle.ts';
import { createCaseChain, type CaseChain } from './chain.ts';
import { createSigningKeys } from './signing-key.ts';
import { createDocumentService } from './documents.service.ts';

/**
 * The case's written record: documents, the record chain, the signing key and the bundle, built from their
 * dependencies by the enforcement module (docs/enforcement.md, "Documents", "Record chain", "Bundle").
 */
export function createEnforcementRecords(
  database: Database,
  clock: Clock,
  deps: {
    audit: AuditService;
    calendar: CalendarService;
    files: EvidenceStore;
    secrets: readonly string[];
    fontPath: string;
    chain?: CaseChain;
  },
) {
  const chain = deps.chain ?? createCaseChain(database, deps.secrets);
  const keys = createSigningKeys(deps.secrets);
  return {
    chain,
    documents: createDocumentService(database, clock, { ...deps, chain }),
    bundle: createBundleExport(database, clock, { audit: deps.audit, files: deps.files, chain, keys }),

    async verifyChain(actor: Actor, caseId: string): Promise<ChainCheck> {
      requirePermission(actor, 'enforcement.read');
      if (!(await repo.findCase(database.db, actor.tenantId, caseId))) throw notFound('enforcement_case');
      return chain.verify(database.db, actor.tenantId, caseId);
    },

    async signingKey(actor: Actor): Promise<SigningKeyInfo> {
      requirePermission(actor, 'enforcement.read');
      const k = await keys.forTenant(database.db, actor.tenantId, clock.now().toISOString());
      return { algorithm: 'Ed25519', publicKey: k.publicKey, fingerprint: k.fingerprint, createdAt: k.createdAt };
    },
  };
}
export type EnforcementRecords = ReturnType<typeof createEnforcementRecords>;
