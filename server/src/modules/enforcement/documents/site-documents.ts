/**
 * Documents issued for a 查违控违 site rather than a case: the 停工通知书 of a site, often served before any case is
 * opened. The same template, the same per-kind 文号 sequence and the same rendering as a case's documents
 * (documents.service.ts), so a stop notice's number never repeats or skips whichever way it was issued.
 * The illegal-construction module calls this inside its own transaction and after its own permission and scope
 * checks; this module owns the rows and the files (docs/enforcement.md, "Site documents").
 */
import { formatDocumentNo, renderTemplate } from '../../../../../common/domain/enforcement-documents.ts';
import type { Clock } from '../../../platform/clock.ts';
import type { Database, Executor } from '../../../platform/db.ts';
import { notFound } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import { nextSequence } from '../../../platform/sequences.ts';
import type { Actor } from '../../auth/index.ts';
import type { AuditService } from '../../audit/index.ts';
import { tenantColumns } from '../../org/index.ts';
import type { EvidenceStore } from '../evidence.store.ts';
import { documentErrors as D } from './documents.errors.ts';
import { renderDocx, renderPdf } from './render.ts';
import { templateFor } from './templates.ts';
import { chineseDate } from './values.ts';

/** What a site's stop notice says: the party (when known), where, what was found, and the day it is issued. */
export interface SiteStopNotice {
  siteId: string;
  partyName: string | null;
  address: string;
  facts: string;
  issuedOn: string;
}

export interface SiteDocument {
  id: string;
  docNo: string;
  title: string;
  docxSha256: string;
  pdfSha256: string;
}

const SUBJECT = 'ic_report';
/** the legal basis a 违法建设 stop notice names when no case (and so no chosen basis) exists yet */
const SITE_BASIS = '《中华人民共和国城乡规划法》第六十四条';

export function createSiteDocuments(
  database: Database,
  clock: Clock,
  deps: { audit: AuditService; files: EvidenceStore; fontPath: string },
) {
  return {
    /**
     * Issues a site's 停工通知书 in the caller's transaction: draws the next 文号 of the stop-notice sequence (rolled
     * back with the transaction, so numbers stay gap-free), renders .docx and PDF, stores them under the site with
     * their SHA-256 and audits the issue.
     */
    async issueStopNotice(tx: Executor, actor: Actor, input: SiteStopNotice): Promise<SiteDocument> {
      const at = clock.now().toISOString();
      const kind = 'stop_work_notice';
      const template = await templateFor(tx, actor.tenantId, kind, at);
      const year = input.issuedOn.slice(0, 4);
      const docNo = formatDocumentNo(
        template.number_pattern,
        year,
        await nextSequence(tx, actor.tenantId, `enforcement.doc.${kind}:${year}`),
      );
      const tenant = await tenantColumns(tx, actor.tenantId, ['name']);
      const values = {
        执法机关: tenant?.name ?? '',
        当事人: input.partyName ?? '建设单位（个人）',
        违法地点: input.address,
        违法事实: input.facts,
        违法行为: '违法建设',
        法律依据: SITE_BASIS,
        日期: chineseDate(input.issuedOn),
        文号: docNo,
      };
      const text = {
        authority: values.执法机关,
        title: renderTemplate(template.title, values),
        docNo,
        paragraphs: renderTemplate(template.body, values).split('\n'),
      };
      const [docx, pdf] = await Promise.all([renderDocx(text), renderPdf(text, deps.fontPath)]);
      const [docxSha256, pdfSha256] = await Promise.all([
        deps.files.put(actor.tenantId, input.siteId, docx),
        deps.files.put(actor.tenantId, input.siteId, pdf),
      ]);
      const row = {
        id: newId(),
        tenant_id: actor.tenantId,
        subject: SUBJECT,
        subject_id: input.siteId,
        kind,
        doc_no: docNo,
        title: text.title,
        template_version: template.version,
        docx_sha256: docxSha256,
        pdf_sha256: pdfSha256,
        issued_by: actor.userId,
        issued_at: at,
      };
      await tx.insertInto('enforcement_site_documents').values(row).execute();
      await deps.audit.record(tx, actor, actor.tenantId, {
        action: 'enforcement.document.issue',
        entity: 'ic_report',
        entityId: input.siteId,
        before: null,
        after: { documentId: row.id, kind, title: text.title, docNo, docxSha256, pdfSha256 },
      });
      return { id: row.id, docNo, title: text.title, docxSha256, pdfSha256 };
    },

    /** A site document's file, checked against the SHA-256 recorded when it was issued. */
    async file(tenantId: string, siteId: string, documentId: string, format: 'docx' | 'pdf') {
      const d = await database.db
        .selectFrom('enforcement_site_documents')
        .selectAll()
        .where('tenant_id', '=', tenantId)
        .where('subject', '=', SUBJECT)
        .where('subject_id', '=', siteId)
        .where('id', '=', documentId)
        .executeTakeFirst();
      if (!d) throw notFound('enforcement_document');
      const f = await deps.files.read(tenantId, siteId, format === 'pdf' ? d.pdf_sha256 : d.docx_sha256);
      if (!f || !f.intact) throw D.altered(documentId);
      return { bytes: f.bytes, docNo: d.doc_no, title: d.title };
    },
  };
}
export type SiteDocuments = ReturnType<typeof createSiteDocuments>;
