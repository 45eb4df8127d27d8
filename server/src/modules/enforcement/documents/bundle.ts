import { createHash } from 'node:crypto';
import type { Clock } from '../../../platform/clock.ts';
import type { Database } from '../../../platform/db.ts';
import { notFound } from '../../../platform/errors.ts';
import { jszip } from '../../../platform/jszip.ts';
import { requirePermission, type Actor } from '../../auth/index.ts';
import type { AuditService } from '../../audit/index.ts';
import { tenantColumns } from '../../org/index.ts';
import { enforcementErrors as E } from '../enforcement.errors.ts';
import * as repo from '../enforcement.repository.ts';
import type { EvidenceStore } from '../evidence.store.ts';
import { CHAIN_FORMAT, eventDigest } from './chain-format.ts';
import type { CaseChain } from './chain.ts';
import type { SigningKeys } from './signing-key.ts';
import { documentErrors as D } from './documents.errors.ts';

/**
 * The whole case as one zip (docs/enforcement.md, "Bundle"): documents, evidence files, the record chain, the
 * steps, and manifest.json listing every file with its SHA-256, signed with the city's Ed25519 key in
 * manifest.sig. `npm run enforcement:verify-bundle` checks it offline.
 */
export const BUNDLE_FORMAT = 'cityloop.enforcement-bundle/1';
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
// A fixed date inside the zip: the bytes of a file never depend on when it was packed.
const ZIP_DATE = new Date('2000-01-01T00:00:00Z');

export function createBundleExport(
  database: Database,
  clock: Clock,
  deps: { audit: AuditService; files: EvidenceStore; chain: CaseChain; keys: SigningKeys },
) {
  const { db } = database;
  return {
    async export(actor: Actor, caseId: string): Promise<{ zip: Buffer; caseNo: string }> {
      requirePermission(actor, 'enforcement.read');
      const at = clock.now().toISOString();
      // loaded before the transaction opens, so its first load never holds a write lock
      const JSZip = await jszip();
      return db.transaction().execute(async (tx) => {
        const r = await repo.findCase(tx, actor.tenantId, caseId);
        if (!r) throw notFound('enforcement_case');
        await deps.chain.sync(tx, actor.tenantId, caseId);
        const [links, events, evidence, documents, tenant, key] = await Promise.all([
          deps.chain.links(tx, caseId),
          repo.caseEvents(tx, caseId),
          repo.caseEvidence(tx, caseId),
          tx
            .selectFrom('enforcement_documents')
            .selectAll()
            .where('case_id', '=', caseId)
            .orderBy('issued_at')
            .execute(),
          tenantColumns(tx, actor.tenantId, ['name']),
          deps.keys.forTenant(tx, actor.tenantId, at),
        ]);
        const files: { path: string; sha256: string; bytes: number }[] = [];
        const zip = new JSZip();
        const add = (path: string, bytes: Buffer) => {
          zip.file(path, bytes, { date: ZIP_DATE, binary: true });
          files.push({ path, sha256: sha256(bytes), bytes: bytes.length });
        };
        const read = async (sha: string) => {
          const f = await deps.files.read(actor.tenantId, caseId, sha);
          return f && f.intact ? f.bytes : null;
        };

        const docs = [];
        for (const [i, d] of documents.entries()) {
          const base = `documents/${String(i + 1).padStart(3, '0')}-${d.kind}`;
          for (const [ext, sha] of [
            ['docx', d.docx_sha256],
            ['pdf', d.pdf_sha256],
          ] as const) {
            const bytes = await read(sha);
            if (!bytes) throw D.altered(d.id);
            add(`${base}.${ext}`, bytes);
          }
          docs.push({
            id: d.id,
            kind: d.kind,
            docNo: d.doc_no,
            title: d.title,
            issuedAt: d.issued_at,
            docx: { path: `${base}.docx`, sha256: d.docx_sha256 },
            pdf: { path: `${base}.pdf`, sha256: d.pdf_sha256 },
          });
        }
        const items = [];
        for (const v of evidence) {
          const bytes = await read(v.sha256);
          if (!bytes) throw E.evidenceAltered(v.id);
          const path = `evidence/${v.sha256}`;
          if (!files.some((f) => f.path === path)) add(path, bytes);
          items.push({
            id: v.id,
            eventId: v.event_id,
            kind: v.kind,
            title: v.title,
            sha256: v.sha256,
            path,
            collectedAt: v.collected_at,
          });
        }
        add('events.jsonl', Buffer.from(events.map((e) => eventDigest(e).canonical).join('\n') + '\n', 'utf8'));
        const chain = links.map((l) => ({
          seq: Number(l.seq),
          kind: l.kind,
          refId: l.ref_id,
          sha256: l.sha256,
          at: l.at,
          prevHash: l.prev_hash,
          hash: l.hash,
          keyId: l.key_id,
          mac: l.mac,
        }));
        add('chain.json', Buffer.from(JSON.stringify(chain, null, 2), 'utf8'));

        const manifest = {
          format: BUNDLE_FORMAT,
          exportedAt: at,
          exportedBy: { userId: actor.userId, name: actor.displayName },
          tenant: { id: actor.tenantId, name: tenant?.name ?? '' },
          case: {
            id: r.id,
            caseNo: r.case_no,
            procedure: r.procedure,
            stage: r.stage,
            party: r.party_name,
            // masked: a bundle travels further than the case file (docs/enforcement.md, "Parties")
            partyIdentifier: (r.party_kind === 'person' ? r.party_id_masked : r.party_credit_code) ?? null,
            decisionNo: r.decision_no,
            fineFen: r.fine_fen === null ? null : Number(r.fine_fen),
          },
          signature: {
            algorithm: 'Ed25519',
            publicKey: key.publicKey,
            fingerprint: key.fingerprint,
            file: 'manifest.sig',
          },
          chain: {
            format: CHAIN_FORMAT,
            file: 'chain.json',
            entries: chain.length,
            head: chain.at(-1)?.hash ?? '0'.repeat(64),
          },
          documents: docs,
          evidence: items,
          files,
        };
        const manifestBytes = Buffer.from(JSON.stringify(manifest, null, 2), 'utf8');
        zip.file('manifest.json', manifestBytes, { date: ZIP_DATE });
        zip.file('manifest.sig', key.sign(manifestBytes) + '\n', { date: ZIP_DATE });
        await deps.audit.record(tx, actor, actor.tenantId, {
          action: 'enforcement.bundle.export',
          entity: 'enforcement_case',
          entityId: caseId,
          before: null,
          after: {
            chainEntries: chain.length,
            chainHead: manifest.chain.head,
            files: files.length,
            key: key.fingerprint,
          },
        });
        const out = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
        return { zip: out, caseNo: r.case_no };
      });
    },
  };
}
export type BundleExport = ReturnType<typeof createBundleExport>;
