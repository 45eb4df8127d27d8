import type {
  CaseDocuments,
  DocumentTemplate,
  DocumentTemplatePut,
  IssuedDocument,
  TemplatePreview,
  TemplatePreviewBody,
} from '../../../../../common/contracts/enforcement-documents.ts';
import {
  DOCUMENT_KINDS,
  DOCUMENT_RULES,
  formatDocumentNo,
  renderTemplate,
  unknownPlaceholders,
  type DocumentKind,
} from '../../../../../common/domain/enforcement-documents.ts';
import type { Clock } from '../../../platform/clock.ts';
import type { Database, Executor } from '../../../platform/db.ts';
import { notFound } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import { nextSequence } from '../../../platform/sequences.ts';
import { can, requirePermission, type Actor } from '../../auth/index.ts';
import type { AuditService } from '../../audit/index.ts';
import type { CalendarService } from '../../calendar/index.ts';
import { orgNames } from '../../org/index.ts';
import * as repo from '../enforcement.repository.ts';
import type { CaseRow } from '../enforcement-parties.ts';
import type { EvidenceStore } from '../evidence.store.ts';
import { documentDigest } from './chain-format.ts';
import type { CaseChain } from './chain.ts';
import { documentErrors as D } from './documents.errors.ts';
import { renderDocx, renderPdf } from './render.ts';
import { listTemplates, templateFor, templateOf, checkTemplate, updateTemplate } from './templates.ts';
import { SAMPLE_VALUES, caseValues } from './values.ts';

export interface DocumentDeps {
  audit: AuditService;
  calendar: CalendarService;
  /** issued files are kept content-addressed beside the case's evidence */
  files: EvidenceStore;
  chain: CaseChain;
  fontPath: string;
}

/** Why a document cannot be issued for the case now, or null (docs/enforcement.md, "Documents"). */
function refusal(r: CaseRow, kind: DocumentKind, issuedKinds: ReadonlySet<string>) {
  const rule = DOCUMENT_RULES[kind];
  if (!rule.stages.includes(r.stage as never)) return 'stage' as const;
  if (rule.needsHearing && r.hearing !== 1) return 'hearing' as const;
  if (kind === 'penalty_decision' && !r.decision_no) return 'stage' as const;
  if (!rule.repeatable && issuedKinds.has(kind)) return 'issued' as const;
  return null;
}

export function createDocumentService(database: Database, clock: Clock, deps: DocumentDeps) {
  const { db } = database;
  const now = () => clock.now().toISOString();
  const today = async (tenantId: string, ex: Executor = db) =>
    (await deps.calendar.forTenant(tenantId, ex)).localDate(clock.now());

  async function load(ex: Executor, actor: Actor, id: string) {
    const r = await repo.findCase(ex, actor.tenantId, id);
    if (!r) throw notFound('enforcement_case');
    return r;
  }
  const issuedRows = (ex: Executor, caseId: string) =>
    ex
      .selectFrom('enforcement_documents')
      .selectAll()
      .where('case_id', '=', caseId)
      .orderBy('issued_at')
      .orderBy('doc_no')
      .execute();

  async function toIssued(ex: Executor, rows: Awaited<ReturnType<typeof issuedRows>>): Promise<IssuedDocument[]> {
    const names = await orgNames.userNames(ex, [...new Set(rows.map((d) => d.issued_by))]);
    return rows.map((d) => ({
      id: d.id,
      kind: d.kind as DocumentKind,
      docNo: d.doc_no,
      title: d.title,
      docxSha256: d.docx_sha256,
      pdfSha256: d.pdf_sha256,
      issuedBy: d.issued_by,
      issuedByName: names.get(d.issued_by) ?? '',
      issuedAt: d.issued_at,
    }));
  }

  return {
    /** Every document kind with whether it may be issued in the case's state, and the documents issued so far. */
    async list(actor: Actor, caseId: string): Promise<CaseDocuments> {
      requirePermission(actor, 'enforcement.read');
      const r = await load(db, actor, caseId);
      const [rows, templates] = await Promise.all([issuedRows(db, caseId), listTemplates(db, actor.tenantId, now())]);
      const kinds = new Set(rows.map((d) => d.kind));
      return {
        kinds: DOCUMENT_KINDS.map((kind) => {
          const reason = refusal(r, kind, kinds);
          const title = templates.find((t) => t.kind === kind)?.title ?? kind;
          return { kind, title, available: reason === null, reason, repeatable: DOCUMENT_RULES[kind].repeatable };
        }),
        issued: await toIssued(db, rows),
        canIssue: can(actor, 'enforcement.investigate'),
      };
    },

    /**
     * Issues a document: checks the state, draws its 文号 (the decision's own number for the 决定书), renders the
     * Word and PDF files, stores them with their SHA-256, links them on the case's record chain and audits it, all
     * in one transaction (a failure rolls the number back, so numbers stay gap-free).
     */
    async issue(actor: Actor, caseId: string, kind: DocumentKind): Promise<IssuedDocument> {
      requirePermission(actor, 'enforcement.investigate');
      const id = newId();
      await db.transaction().execute(async (tx) => {
        await load(tx, actor, caseId); // the city's own case, or 404 before anything is touched
        // Lock the case (in sync): the state check, the number and the chain position then hold until commit.
        await deps.chain.sync(tx, actor.tenantId, caseId);
        const r = await load(tx, actor, caseId);
        const issued = new Set((await issuedRows(tx, caseId)).map((d) => d.kind));
        const reason = refusal(r, kind, issued);
        if (reason) throw D.notAllowed(kind, r.stage, reason);
        const at = now();
        const day = await today(actor.tenantId, tx);
        const template = await templateFor(tx, actor.tenantId, kind, at);
        const year = day.slice(0, 4);
        const docNo =
          kind === 'penalty_decision'
            ? (r.decision_no as string)
            : formatDocumentNo(
                template.number_pattern,
                year,
                await nextSequence(tx, actor.tenantId, `enforcement.doc.${kind}:${year}`),
              );
        const values = { ...(await caseValues(tx, r, day)), 文号: docNo };
        const text = {
          authority: values.执法机关 ?? '',
          title: renderTemplate(template.title, values),
          docNo,
          paragraphs: renderTemplate(template.body, values).split('\n'),
        };
        const [docx, pdf] = await Promise.all([renderDocx(text), renderPdf(text, deps.fontPath)]);
        const [docxSha, pdfSha] = await Promise.all([
          deps.files.put(actor.tenantId, caseId, docx),
          deps.files.put(actor.tenantId, caseId, pdf),
        ]);
        const row = {
          id,
          tenant_id: actor.tenantId,
          case_id: caseId,
          kind,
          doc_no: docNo,
          title: text.title,
          template_version: template.version,
          docx_sha256: docxSha,
          pdf_sha256: pdfSha,
          issued_by: actor.userId,
          issued_at: at,
        };
        await tx.insertInto('enforcement_documents').values(row).execute();
        await deps.chain.append(tx, actor.tenantId, caseId, {
          kind: 'document',
          refId: id,
          sha256: documentDigest(row),
          at,
        });
        await deps.audit.record(tx, actor, actor.tenantId, {
          action: 'enforcement.document.issue',
          entity: 'enforcement_case',
          entityId: caseId,
          before: null,
          after: { documentId: id, kind, title: text.title, docNo, docxSha256: docxSha, pdfSha256: pdfSha },
        });
      });
      const rows = await issuedRows(db, caseId);
      return (await toIssued(db, rows)).find((d) => d.id === id)!;
    },

    /** A document's file, checked against the SHA-256 recorded when it was issued. */
    async file(actor: Actor, caseId: string, docId: string, format: 'docx' | 'pdf') {
      requirePermission(actor, 'enforcement.read');
      await load(db, actor, caseId);
      const d = (await issuedRows(db, caseId)).find((x) => x.id === docId);
      if (!d) throw notFound('enforcement_document');
      const sha = format === 'pdf' ? d.pdf_sha256 : d.docx_sha256;
      const f = await deps.files.read(actor.tenantId, caseId, sha);
      if (!f || !f.intact) throw D.altered(docId);
      return { bytes: f.bytes, docNo: d.doc_no, title: d.title };
    },

    async templates(actor: Actor): Promise<DocumentTemplate[]> {
      requirePermission(actor, 'enforcement.read');
      return (await listTemplates(db, actor.tenantId, now())).map(templateOf);
    },

    async putTemplate(actor: Actor, kind: DocumentKind, input: DocumentTemplatePut): Promise<DocumentTemplate> {
      requirePermission(actor, 'enforcement.manage');
      checkTemplate(kind, input);
      await db.transaction().execute(async (tx) => {
        const row = await templateFor(tx, actor.tenantId, kind, now());
        await updateTemplate(tx, row, input, actor.userId, now());
        await deps.audit.record(tx, actor, actor.tenantId, {
          action: 'enforcement.template.update',
          entity: 'enforcement_template',
          entityId: row.id,
          before: templateOf(row),
          after: { kind, ...input },
        });
      });
      return templateOf(await templateFor(db, actor.tenantId, kind, now()));
    },

    /** A template (stored or as being edited) filled from a case, or from sample values; nothing is numbered. */
    async preview(actor: Actor, kind: DocumentKind, input: TemplatePreviewBody): Promise<TemplatePreview> {
      requirePermission(actor, 'enforcement.read');
      const stored = await templateFor(db, actor.tenantId, kind, now());
      const title = input.title ?? stored.title;
      const body = input.body ?? stored.body;
      const r = input.caseId ? await load(db, actor, input.caseId) : null;
      const values = r ? await caseValues(db, r, await today(actor.tenantId)) : SAMPLE_VALUES;
      const docNo =
        kind === 'penalty_decision'
          ? (r?.decision_no ?? SAMPLE_VALUES.决定书文号 ?? '')
          : formatDocumentNo(stored.number_pattern, (await today(actor.tenantId)).slice(0, 4), 0).replace(
              /第0号/,
              '第__号',
            );
      const filled = { ...values, 文号: docNo };
      return {
        title: renderTemplate(title, filled),
        docNo,
        paragraphs: renderTemplate(body, filled).split('\n'),
        unknown: unknownPlaceholders(`${title}\n${body}`),
      };
    },
  };
}
export type DocumentService = ReturnType<typeof createDocumentService>;
