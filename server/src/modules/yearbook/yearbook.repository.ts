import type {} from '../../db/schema-yearbook.ts';
import type { YbDocumentsTable, YbSectionsTable } from '../../db/schema-yearbook.ts';
import type { Executor } from '../../platform/db.ts';

/** Kysely queries of the 工作总结 tables, always filtered by tenant. */
export const listDocuments = (db: Executor, tenantId: string) =>
  db
    .selectFrom('yb_documents')
    .select(['id', 'year', 'title', 'updated_at'])
    .where('tenant_id', '=', tenantId)
    .orderBy('year', 'desc')
    .execute();

export const findDocument = (db: Executor, tenantId: string, id: string) =>
  db.selectFrom('yb_documents').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();

/** The latest document before `year` (a new year starts from it). */
export const previousDocument = (db: Executor, tenantId: string, year: number) =>
  db
    .selectFrom('yb_documents')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('year', '<', year)
    .orderBy('year', 'desc')
    .limit(1)
    .executeTakeFirst();

export const documentOfYear = (db: Executor, tenantId: string, year: number) =>
  db
    .selectFrom('yb_documents')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('year', '=', year)
    .executeTakeFirst();

export const insertDocument = (db: Executor, row: YbDocumentsTable) =>
  db.insertInto('yb_documents').values(row).execute();

export const updateDocument = (
  db: Executor,
  tenantId: string,
  id: string,
  patch: Partial<Pick<YbDocumentsTable, 'title' | 'issuer' | 'issued_on' | 'updated_at'>>,
) => db.updateTable('yb_documents').set(patch).where('tenant_id', '=', tenantId).where('id', '=', id).execute();

export const sectionsOf = (db: Executor, tenantId: string, documentId: string) =>
  db
    .selectFrom('yb_sections')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('document_id', '=', documentId)
    .orderBy('position')
    .execute();

export const findSection = (db: Executor, tenantId: string, documentId: string, id: string) =>
  db
    .selectFrom('yb_sections')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('document_id', '=', documentId)
    .where('id', '=', id)
    .executeTakeFirst();

export const insertSections = (db: Executor, rows: YbSectionsTable[]) =>
  rows.length ? db.insertInto('yb_sections').values(rows).execute() : Promise.resolve([]);

export const updateSection = (
  db: Executor,
  id: string,
  patch: Pick<YbSectionsTable, 'heading' | 'body' | 'updated_by' | 'updated_at'>,
) => db.updateTable('yb_sections').set(patch).where('id', '=', id).execute();

export const deleteSection = (db: Executor, id: string) => db.deleteFrom('yb_sections').where('id', '=', id).execute();

/** The next position in a part (positions order the sections within the part). */
export async function nextPosition(db: Executor, documentId: string): Promise<number> {
  const r = await db
    .selectFrom('yb_sections')
    .select((eb) => eb.fn.max<number>('position').as('p'))
    .where('document_id', '=', documentId)
    .executeTakeFirst();
  return Number(r?.p ?? 0) + 1;
}
