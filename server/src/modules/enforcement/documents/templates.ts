import type { DocumentTemplate, DocumentTemplatePut } from '../../../../../common/contracts/enforcement-documents.ts';
import {
  DEFAULT_TEMPLATES,
  DOCUMENT_KINDS,
  unknownPlaceholders,
  type DocumentKind,
} from '../../../../../common/domain/enforcement-documents.ts';
import type { Selectable } from 'kysely';
import type { EnforcementDocTemplatesTable } from '../../../db/schema-enforcement-docs.ts';
import type { Executor } from '../../../platform/db.ts';
import { newId } from '../../../platform/ids.ts';
import { enforcementErrors as E } from '../enforcement.errors.ts';
import { documentErrors } from './documents.errors.ts';

/**
 * The city's document templates (tenant data, docs/enforcement.md "Documents"): every city starts with the default
 * set, written into its rows the first time any template is read, and the 法制 staff edit them from there.
 */
type Row = Selectable<EnforcementDocTemplatesTable>;

export const templateOf = (r: Row): DocumentTemplate => ({
  kind: r.kind as DocumentKind,
  title: r.title,
  body: r.body,
  numberPattern: r.number_pattern,
  version: r.version,
  updatedAt: r.updated_at,
});

async function ensureDefaults(ex: Executor, tenantId: string, now: string) {
  const have = await ex
    .selectFrom('enforcement_doc_templates')
    .select('kind')
    .where('tenant_id', '=', tenantId)
    .execute();
  const missing = DOCUMENT_KINDS.filter((k) => !have.some((h) => h.kind === k));
  if (!missing.length) return;
  await ex
    .insertInto('enforcement_doc_templates')
    .values(
      missing.map((kind) => ({
        id: newId(),
        tenant_id: tenantId,
        kind,
        title: DEFAULT_TEMPLATES[kind].title,
        body: DEFAULT_TEMPLATES[kind].body,
        number_pattern: DEFAULT_TEMPLATES[kind].numberPattern,
        version: 1,
        updated_by: null,
        updated_at: now,
      })),
    )
    .onConflict((oc) => oc.columns(['tenant_id', 'kind']).doNothing())
    .execute();
}

export async function listTemplates(ex: Executor, tenantId: string, now: string): Promise<Row[]> {
  await ensureDefaults(ex, tenantId, now);
  const rows = await ex.selectFrom('enforcement_doc_templates').selectAll().where('tenant_id', '=', tenantId).execute();
  return DOCUMENT_KINDS.map((k) => rows.find((r) => r.kind === k)).filter((r): r is Row => !!r);
}

export async function templateFor(ex: Executor, tenantId: string, kind: DocumentKind, now: string): Promise<Row> {
  const rows = await listTemplates(ex, tenantId, now);
  return rows.find((r) => r.kind === kind)!;
}

/** Checks an edit: no unknown placeholder, a 文号 pattern with {year} and {n} (the sequence runs per year). */
export function checkTemplate(kind: DocumentKind, input: DocumentTemplatePut) {
  const unknown = unknownPlaceholders(`${input.title}\n${input.body}`);
  if (unknown.length) throw E.field('body.body', 'placeholders', `unknown placeholders: ${unknown.join(', ')}`);
  if (kind !== 'penalty_decision' && !(input.numberPattern.includes('{n}') && input.numberPattern.includes('{year}')))
    throw E.field('body.numberPattern', 'pattern', 'the 文号 pattern needs {year} and {n}');
}

export async function updateTemplate(
  ex: Executor,
  row: Row,
  input: DocumentTemplatePut,
  by: string,
  now: string,
): Promise<void> {
  if (row.version !== input.version) throw documentErrors.staleTemplate(row.version);
  const r = await ex
    .updateTable('enforcement_doc_templates')
    .set({
      title: input.title,
      body: input.body,
      number_pattern: input.numberPattern,
      version: row.version + 1,
      updated_by: by,
      updated_at: now,
    })
    .where('id', '=', row.id)
    .where('version', '=', row.version)
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) === 0) throw documentErrors.staleTemplate(row.version);
}
