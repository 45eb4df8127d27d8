import type { ApiClientsTable, Open311RequestsTable, Open311UpdatesTable } from '../../db/schema-open311.ts';
import type { Executor } from '../../platform/db.ts';
import { containsAny } from '../../platform/search.ts';
import { caseEventsWithCase, caseRows } from '../cases/index.ts';
import { catalogReadModel } from '../catalog/index.ts';
import { componentAt as readComponentAt } from '../components/index.ts';
import { gridReads } from '../geo/index.ts';
import { orgReadModel } from '../org/index.ts';

/**
 * Kysely queries of the Open311 module; every one is scoped by tenant. The catalog, 立结案标准, components, grids,
 * regions and case timeline are read here (read-only) because Open311 is a public projection of them.
 */

// ---- client applications ------------------------------------------------------------------------------------

export const clientByPrefix = (db: Executor, prefix: string) =>
  db.selectFrom('api_clients').selectAll().where('key_prefix', '=', prefix).executeTakeFirst();

export const findClient = (db: Executor, tenantId: string, id: string) =>
  db.selectFrom('api_clients').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();

export const clientByName = (db: Executor, tenantId: string, name: string) =>
  db
    .selectFrom('api_clients')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('name', '=', name)
    .executeTakeFirst();

export async function listClients(
  db: Executor,
  tenantId: string,
  q: string | undefined,
  w: { limit: number; offset: number },
) {
  let base = db.selectFrom('api_clients').where('tenant_id', '=', tenantId);
  if (q?.trim()) base = base.where(containsAny(['name', 'contact', 'key_prefix'], q.trim()));
  const [rows, count] = await Promise.all([
    base.selectAll().orderBy('created_at', 'desc').orderBy('id').limit(w.limit).offset(w.offset).execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export const insertClient = (tx: Executor, row: ApiClientsTable) => tx.insertInto('api_clients').values(row).execute();

export const updateClient = (tx: Executor, tenantId: string, id: string, patch: Partial<ApiClientsTable>) =>
  tx.updateTable('api_clients').set(patch).where('tenant_id', '=', tenantId).where('id', '=', id).execute();

// ---- services ---------------------------------------------------------------------------------------------------

export const activeMatters = (db: Executor, tenantId: string) => catalogReadModel.activeMattersFull(db, tenantId);

export const activeMatter = (db: Executor, tenantId: string, code: string) =>
  catalogReadModel.activeMatterFull(db, tenantId, code);

export const conditionStats = (db: Executor, tenantId: string) => catalogReadModel.conditionStats(db, tenantId);

export const conditionsOf = (db: Executor, tenantId: string, matterCode: string) =>
  catalogReadModel.activeConditionsOf(db, tenantId, matterCode);

// ---- locations ------------------------------------------------------------------------------------------------

export const componentAt = (db: Executor, tenantId: string, code: string) => readComponentAt(db, tenantId, code);

export const gridBox = (db: Executor, tenantId: string, code: string) => gridReads.gridBox(db, tenantId, code);

export const regionBoxes = (db: Executor, tenantId: string) => orgReadModel.regionBoxes(db, tenantId);

// ---- requests and updates ---------------------------------------------------------------------------------------

export const insertRequest = (db: Executor, row: Open311RequestsTable) =>
  db
    .insertInto('open311_requests')
    .values(row)
    .onConflict((oc) => oc.column('case_id').doNothing())
    .execute();

export async function requestsOf(db: Executor, tenantId: string, caseIds: readonly string[]) {
  if (!caseIds.length) return new Map<string, Open311RequestsTable>();
  const rows = await db
    .selectFrom('open311_requests')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('case_id', 'in', caseIds)
    .execute();
  return new Map(rows.map((r) => [r.case_id, r]));
}

export const updateById = (db: Executor, tenantId: string, updateId: string) =>
  db
    .selectFrom('open311_updates')
    .select(['id', 'case_id', 'client_id'])
    .where('tenant_id', '=', tenantId)
    .where('update_id', '=', updateId)
    .executeTakeFirst();

export const insertUpdate = (db: Executor, row: Open311UpdatesTable) =>
  db.insertInto('open311_updates').values(row).execute();

/** A case by number, only if this client application submitted it (open311_requests records the submitter). */
export const ownRequestByNo = (db: Executor, tenantId: string, clientId: string, caseNo: string) =>
  caseRows(db)
    .innerJoin('open311_requests as r', 'r.case_id', 'c.id')
    .select(['c.id', 'c.case_no', 'c.status'])
    .where('c.tenant_id', '=', tenantId)
    .where('c.case_no', '=', caseNo)
    .where('r.tenant_id', '=', tenantId)
    .where('r.client_id', '=', clientId)
    .executeTakeFirst();

/**
 * Timeline events of the cases a client submitted, in a time window, oldest first. The caller keeps the events and
 * notes the public-output rule allows (common/domain/public-output.ts); staff names are never selected.
 */
export async function timelineOfClient(
  db: Executor,
  tenantId: string,
  clientId: string,
  from: string,
  to: string,
  limit: number,
) {
  return caseEventsWithCase(db)
    .innerJoin('open311_requests as r', 'r.case_id', 'e.case_id')
    .select([
      'e.id',
      'e.seq',
      'e.at',
      'e.action',
      'e.from_status',
      'e.to_status',
      'e.note',
      'e.data_json',
      'c.case_no',
      'c.void_reason',
      'r.service_code',
    ])
    .where('r.tenant_id', '=', tenantId)
    .where('r.client_id', '=', clientId)
    .where('e.at', '>=', from)
    .where('e.at', '<=', to)
    .orderBy('e.at')
    .orderBy('e.seq')
    .limit(limit)
    .execute();
}
