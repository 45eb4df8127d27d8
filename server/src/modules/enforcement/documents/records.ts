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
import { documentDigest, eventDigest } from './chain-format.ts';
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

    /** The chain's links and MACs, then each link against the row it records as it reads now. */
    async verifyChain(actor: Actor, caseId: string): Promise<ChainCheck> {
      requirePermission(actor, 'enforcement.read');
      const { db } = database;
      if (!(await repo.findCase(db, actor.tenantId, caseId))) throw notFound('enforcement_case');
      const walked = await chain.verify(db, actor.tenantId, caseId);
      if (walked.brokenAt !== null) return walked;
      const [links, events, evidence, docs] = await Promise.all([
        chain.links(db, caseId),
        repo.caseEvents(db, caseId),
        repo.caseEvidence(db, caseId),
        db.selectFrom('enforcement_documents').selectAll().where('case_id', '=', caseId).execute(),
      ]);
      const current = new Map<string, string>([
        ...events.map((e) => [`step:${e.id}`, eventDigest(e).sha256] as const),
        ...evidence.map((v) => [`evidence:${v.id}`, v.sha256] as const),
        ...docs.map((d) => [`document:${d.id}`, documentDigest(d)] as const),
      ]);
      for (const l of links)
        if (current.get(`${l.kind}:${l.ref_id}`) !== l.sha256)
          return { ...walked, brokenAt: Number(l.seq), problem: 'record' };
      return walked;
    },

    async signingKey(actor: Actor): Promise<SigningKeyInfo> {
      requirePermission(actor, 'enforcement.read');
      const k = await keys.forTenant(database.db, actor.tenantId, clock.now().toISOString());
      return { algorithm: 'Ed25519', publicKey: k.publicKey, fingerprint: k.fingerprint, createdAt: k.createdAt };
    },
  };
}
export type EnforcementRecords = ReturnType<typeof createEnforcementRecords>;
