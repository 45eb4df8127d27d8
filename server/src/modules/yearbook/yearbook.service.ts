import type {
  YearbookCreate,
  YearbookDocument,
  YearbookDocumentSummary,
  YearbookFigureUse,
  YearbookSection,
  YearbookSectionCreate,
  YearbookSectionWrite,
  YearbookUpdate,
} from '../../../../common/contracts/yearbook.ts';
import type { ReportFigure } from '../../../../common/contracts/reports.ts';
import {
  chineseNumber,
  issuesOf,
  placeholdersOf,
  rebind,
  YEARBOOK_PARTS,
  type YearbookPart,
} from '../../../../common/domain/yearbook.ts';
import type { YbDocumentsTable, YbSectionsTable } from '../../db/schema-yearbook.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database, Executor } from '../../platform/db.ts';
import { forbidden, notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { translate, type Locale } from '../../platform/messages.ts';
import type { AuditService } from '../audit/index.ts';
import { requirePermission, scopeOf, type Actor } from '../auth/index.ts';
import { tenantColumns } from '../org/index.ts';
import { figureResolver, resolveBody, type FigureSource } from './yearbook-resolve.ts';
import { firstOutline } from './yearbook-outline.ts';
import { ybErrors } from './yearbook.errors.ts';
import * as repo from './yearbook.repository.ts';

export interface YbDeps {
  audit: AuditService;
  reports: FigureSource;
}

const READ = 'yearbook.read';
const EDIT = 'yearbook.edit';

/**
 * 年度工作总结 (docs/yearbook.md): leaders and administrators write the prose, every write audited in its
 * transaction; the figures are resolved from the statistics report on every read, so no number is ever stored.
 */
export function createYearbookService(database: Database, clock: Clock, deps: YbDeps) {
  const { db } = database;

  /** The document is the whole bureau's: a unit- or region-bound grant does not reach it. */
  function authorize(actor: Actor, permission: typeof READ | typeof EDIT) {
    requirePermission(actor, permission);
    if (!scopeOf(actor, permission).all) throw forbidden(permission);
  }

  /** Bad or unknown placeholders of a body → 400 naming each, before anything is written. */
  async function checkBody(tenantId: string, body: string, field: string) {
    const issues: Parameters<typeof ybErrors.placeholders>[1][number][] = [...issuesOf(body)];
    const declared = new Set((await deps.reports.declaredFigures(tenantId)).map((f) => f.key));
    for (const p of placeholdersOf(body))
      if (
        !issues.some((i) => i.token === `{{${p.key}|${p.period}}}`) &&
        !declared.has(p.key) &&
        !deps.reports.sections.declared(p.key)
      )
        issues.push({ token: `{{${p.key}|${p.period}}}`, problem: 'unknown' });
    if (issues.length) throw ybErrors.placeholders(field, issues);
  }

  /** Inside a transaction pass its executor: on SQLite the transaction holds the only connection. */
  async function documentRow(actor: Actor, id: string, ex: Executor = db) {
    const row = await repo.findDocument(ex, actor.tenantId, id);
    if (!row) throw notFound('yearbook_document');
    return row;
  }

  async function view(tenantId: string, doc: YbDocumentsTable, locale: Locale): Promise<YearbookDocument> {
    const t = (key: string, params?: Record<string, unknown>) => translate(locale, key, params) ?? key;
    const rows = await repo.sectionsOf(db, tenantId, doc.id);
    const asked = rows.flatMap((r) => placeholdersOf(r.body).map((p) => p.key));
    const resolver = figureResolver(deps.reports, tenantId, locale, asked);
    const uses = new Map<string, YearbookFigureUse>();
    const sections: YearbookSection[] = [];
    const parts = YEARBOOK_PARTS.map((part, i) => ({
      part,
      number: `${chineseNumber(i + 1)}、`,
      title: t(`yearbook.parts.${part}`, { year: doc.year, next: doc.year + 1 }),
    }));
    for (const part of YEARBOOK_PARTS) {
      const inPart = rows.filter((r) => r.part === part);
      for (const [i, r] of inPart.entries())
        sections.push({
          id: r.id,
          part: r.part,
          position: Number(r.position),
          // 工作总结 has numbered subsections; a part with one section prints it without a number
          number: part === 'summary' || inPart.length > 1 ? `（${chineseNumber(i + 1)}）` : '',
          heading: r.heading,
          body: r.body,
          paragraphs: await resolveBody(r.body, resolver, uses),
          updatedAt: r.updated_at,
        });
    }
    return {
      id: doc.id,
      year: Number(doc.year),
      title: doc.title,
      issuer: doc.issuer,
      issuedOn: doc.issued_on,
      updatedAt: doc.updated_at,
      parts,
      sections,
      figures: [...uses.values()],
    };
  }

  const sectionAudit = (r: Pick<YbSectionsTable, 'part' | 'heading' | 'body'>) => ({
    part: r.part,
    heading: r.heading,
    body: r.body,
  });

  return {
    async list(actor: Actor): Promise<YearbookDocumentSummary[]> {
      authorize(actor, READ);
      const rows = await repo.listDocuments(db, actor.tenantId);
      return rows.map((r) => ({ id: r.id, year: Number(r.year), title: r.title, updatedAt: r.updated_at }));
    },

    async get(actor: Actor, id: string, locale: Locale): Promise<YearbookDocument> {
      authorize(actor, READ);
      return view(actor.tenantId, await documentRow(actor, id), locale);
    },

    /** A new year: from the latest earlier document with every placeholder moved by the years between, or the outline. */
    async create(actor: Actor, input: YearbookCreate, locale: Locale): Promise<YearbookDocument> {
      authorize(actor, EDIT);
      const now = clock.now().toISOString();
      const id = newId();
      await db.transaction().execute(async (tx) => {
        if (await repo.documentOfYear(tx, actor.tenantId, input.year)) throw ybErrors.yearTaken(input.year);
        const prev = await repo.previousDocument(tx, actor.tenantId, input.year);
        const tenant = await tenantColumns(tx, actor.tenantId, ['name']);
        const shift = prev ? input.year - Number(prev.year) : 0;
        const sections = prev
          ? (await repo.sectionsOf(tx, actor.tenantId, prev.id)).map((s) => ({
              part: s.part,
              heading: s.heading,
              body: rebind(s.body, shift),
            }))
          : firstOutline(input.year);
        const doc: YbDocumentsTable = {
          id,
          tenant_id: actor.tenantId,
          year: input.year,
          title: translate('zh-CN', 'yearbook.defaultTitle', { year: input.year, next: input.year + 1 }) ?? '',
          issuer: prev?.issuer ?? tenant?.name ?? '',
          issued_on: null,
          created_by: actor.userId,
          created_at: now,
          updated_at: now,
        };
        await repo.insertDocument(tx, doc);
        await repo.insertSections(
          tx,
          sections.map((s, i) => ({
            id: newId(),
            tenant_id: actor.tenantId,
            document_id: id,
            part: s.part,
            position: i + 1,
            heading: s.heading,
            body: s.body,
            updated_by: actor.userId,
            updated_at: now,
          })),
        );
        await deps.audit.record(tx, actor, actor.tenantId, {
          action: 'yearbook.create',
          entity: 'yearbook_document',
          entityId: id,
          after: { year: input.year, from: prev ? Number(prev.year) : null, sections: sections.length },
        });
      });
      return this.get(actor, id, locale);
    },

    async update(actor: Actor, id: string, input: YearbookUpdate, locale: Locale): Promise<YearbookDocument> {
      authorize(actor, EDIT);
      await db.transaction().execute(async (tx) => {
        const before = await documentRow(actor, id, tx);
        const patch = {
          ...(input.title !== undefined ? { title: input.title } : {}),
          ...(input.issuer !== undefined ? { issuer: input.issuer } : {}),
          ...(input.issuedOn !== undefined ? { issued_on: input.issuedOn } : {}),
          updated_at: clock.now().toISOString(),
        };
        await repo.updateDocument(tx, actor.tenantId, id, patch);
        await deps.audit.record(tx, actor, actor.tenantId, {
          action: 'yearbook.update',
          entity: 'yearbook_document',
          entityId: id,
          before: { title: before.title, issuer: before.issuer, issuedOn: before.issued_on },
          after: input,
        });
      });
      return this.get(actor, id, locale);
    },

    async addSection(actor: Actor, id: string, input: YearbookSectionCreate, locale: Locale) {
      authorize(actor, EDIT);
      await checkBody(actor.tenantId, input.body, 'body.body');
      await db.transaction().execute(async (tx) => {
        await documentRow(actor, id, tx);
        const sid = newId();
        const now = clock.now().toISOString();
        await repo.insertSections(tx, [
          {
            id: sid,
            tenant_id: actor.tenantId,
            document_id: id,
            part: input.part,
            position: await repo.nextPosition(tx, id),
            heading: input.heading,
            body: input.body,
            updated_by: actor.userId,
            updated_at: now,
          },
        ]);
        await repo.updateDocument(tx, actor.tenantId, id, { updated_at: now });
        await deps.audit.record(tx, actor, actor.tenantId, {
          action: 'yearbook.section.create',
          entity: 'yearbook_section',
          entityId: sid,
          after: sectionAudit(input),
        });
      });
      return this.get(actor, id, locale);
    },

    async writeSection(actor: Actor, id: string, sid: string, input: YearbookSectionWrite, locale: Locale) {
      authorize(actor, EDIT);
      await checkBody(actor.tenantId, input.body, 'body.body');
      await db.transaction().execute(async (tx) => {
        const before = await repo.findSection(tx, actor.tenantId, id, sid);
        if (!before) throw notFound('yearbook_section');
        const now = clock.now().toISOString();
        await repo.updateSection(tx, sid, { ...input, updated_by: actor.userId, updated_at: now });
        await repo.updateDocument(tx, actor.tenantId, id, { updated_at: now });
        await deps.audit.record(tx, actor, actor.tenantId, {
          action: 'yearbook.section.update',
          entity: 'yearbook_section',
          entityId: sid,
          before: sectionAudit(before),
          after: sectionAudit({ ...input, part: before.part }),
        });
      });
      return this.get(actor, id, locale);
    },

    async deleteSection(actor: Actor, id: string, sid: string, locale: Locale) {
      authorize(actor, EDIT);
      await db.transaction().execute(async (tx) => {
        const before = await repo.findSection(tx, actor.tenantId, id, sid);
        if (!before) throw notFound('yearbook_section');
        await repo.deleteSection(tx, sid);
        await repo.updateDocument(tx, actor.tenantId, id, { updated_at: clock.now().toISOString() });
        await deps.audit.record(tx, actor, actor.tenantId, {
          action: 'yearbook.section.delete',
          entity: 'yearbook_section',
          entityId: sid,
          before: sectionAudit(before),
        });
      });
      return this.get(actor, id, locale);
    },

    /** Every declared figure with its value in the year: what the composer offers to insert. */
    async figures(actor: Actor, year: number, locale: Locale): Promise<ReportFigure[]> {
      authorize(actor, READ);
      const resolver = figureResolver(deps.reports, actor.tenantId, locale);
      const all = await resolver.periodFigures(String(year));
      const declared = await resolver.declared;
      const own = [...declared.keys()].map((k) => all.get(k)).filter((f): f is ReportFigure => !!f);
      // then the family members the sections list themselves (each hotline source, each channel and class)
      return [...own, ...[...all.values()].filter((f) => !declared.has(f.key))];
    },

    /** The resolved document for the files (permission checked like a read). */
    async forExport(actor: Actor, id: string, locale: Locale) {
      authorize(actor, READ);
      return view(actor.tenantId, await documentRow(actor, id), locale);
    },
  };
}
export type YearbookService = ReturnType<typeof createYearbookService>;
export type { YearbookPart };
