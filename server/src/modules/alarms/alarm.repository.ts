import { PostgresAdapter, sql } from 'kysely';
import type { AlarmRulesTable, AlarmsTable, AlarmWatchesTable } from '../../db/schema-iot.ts';
import type { Executor } from '../../platform/db.ts';
import { pageWithTotal, type SortedWindow } from '../../platform/paging.ts';
import { containsAny } from '../../platform/search.ts';
import { OPEN_ALARM_STATES } from '../../../../common/domain/iot.ts';
import { updateVersioned } from '../../platform/versioned-update.ts';

/** Kysely queries over alarm_rules, alarm_watches and alarms only. */

export async function insertRule(db: Executor, row: AlarmRulesTable): Promise<void> {
  await db.insertInto('alarm_rules').values(row).execute();
}

export function findRule(db: Executor, tenantId: string, id: string) {
  return db
    .selectFrom('alarm_rules')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export function rulesOf(db: Executor, tenantId: string, deviceType?: string) {
  let q = db.selectFrom('alarm_rules').selectAll().where('tenant_id', '=', tenantId);
  if (deviceType) q = q.where('device_type', '=', deviceType as AlarmRulesTable['device_type']);
  return q.orderBy('device_type').orderBy('created_at').execute();
}

export async function updateRule(
  db: Executor,
  tenantId: string,
  id: string,
  version: number,
  patch: Partial<AlarmRulesTable>,
): Promise<boolean> {
  return updateVersioned(db, 'alarm_rules', { tenantId, id, version }, patch);
}

export function findWatch(db: Executor, deviceId: string, ruleId: string) {
  return db
    .selectFrom('alarm_watches')
    .selectAll()
    .where('device_id', '=', deviceId)
    .where('rule_id', '=', ruleId)
    .executeTakeFirst();
}

export async function saveWatch(db: Executor, row: AlarmWatchesTable): Promise<void> {
  await db
    .insertInto('alarm_watches')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['device_id', 'rule_id']).doUpdateSet({
        breach_since: row.breach_since,
        latched: row.latched,
        last_at: row.last_at,
        last_value: row.last_value,
      }),
    )
    .execute();
}

const isPg = (db: Executor) => db.getExecutor().adapter instanceof PostgresAdapter;

/**
 * The watches of these devices (all their rules), for a batch of readings. PostgreSQL gets the ids as one array
 * (`= any`), one statement text for any count; SQLite an IN list per 1,000.
 */
export async function watchesOf(db: Executor, deviceIds: readonly string[]): Promise<AlarmWatchesTable[]> {
  const out: AlarmWatchesTable[] = [];
  const ids = [...new Set(deviceIds)];
  if (ids.length && isPg(db))
    return db
      .selectFrom('alarm_watches')
      .selectAll()
      .where('device_id', '=', sql<string>`any(${ids}::text[])`)
      .execute();
  for (let i = 0; i < ids.length; i += 1000)
    out.push(
      ...(await db
        .selectFrom('alarm_watches')
        .selectAll()
        .where('device_id', 'in', ids.slice(i, i + 1000))
        .execute()),
    );
  return out;
}

/** Upserts the watches judged in a batch: on PostgreSQL as seven arrays in one statement (`unnest`). */
export async function saveWatches(db: Executor, rows: readonly AlarmWatchesTable[]): Promise<void> {
  if (rows.length && isPg(db)) {
    const col = <T>(f: (r: AlarmWatchesTable) => T) => rows.map(f);
    await sql`insert into alarm_watches (device_id, rule_id, tenant_id, breach_since, latched, last_at, last_value)
      select * from unnest(${col((r) => r.device_id)}::text[], ${col((r) => r.rule_id)}::text[],
        ${col((r) => r.tenant_id)}::text[], ${col((r) => r.breach_since)}::text[], ${col((r) => r.latched)}::integer[],
        ${col((r) => r.last_at)}::text[], ${col((r) => r.last_value)}::double precision[])
      on conflict (device_id, rule_id) do update set breach_since = excluded.breach_since,
        latched = excluded.latched, last_at = excluded.last_at, last_value = excluded.last_value`.execute(db);
    return;
  }
  for (let i = 0; i < rows.length; i += 1000)
    await db
      .insertInto('alarm_watches')
      .values(rows.slice(i, i + 1000))
      .onConflict((oc) =>
        oc.columns(['device_id', 'rule_id']).doUpdateSet((eb) => ({
          breach_since: eb.ref('excluded.breach_since'),
          latched: eb.ref('excluded.latched'),
          last_at: eb.ref('excluded.last_at'),
          last_value: eb.ref('excluded.last_value'),
        })),
      )
      .execute();
}

/** The open alarms under these keys (on PostgreSQL one array parameter, as `watchesOf`). */
export async function openAlarms(db: Executor, tenantId: string, openKeys: readonly string[]) {
  const out: AlarmsTable[] = [];
  if (openKeys.length && isPg(db))
    return db
      .selectFrom('alarms')
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .where('open_key', '=', sql<string>`any(${[...openKeys]}::text[])`)
      .execute();
  for (let i = 0; i < openKeys.length; i += 1000)
    out.push(
      ...(await db
        .selectFrom('alarms')
        .selectAll()
        .where('tenant_id', '=', tenantId)
        .where('open_key', 'in', openKeys.slice(i, i + 1000))
        .execute()),
    );
  return out;
}

/** Inserts an alarm unless one is already open for the same device and rule; true when inserted. */
export async function insertAlarm(db: Executor, row: AlarmsTable): Promise<boolean> {
  const res = await db
    .insertInto('alarms')
    .values(row)
    .onConflict((oc) => oc.columns(['tenant_id', 'open_key']).doNothing())
    .executeTakeFirst();
  return Number(res.numInsertedOrUpdatedRows ?? 0n) === 1;
}

/**
 * `insertAlarm` for many rows, 500 to a statement: a row whose open key is taken (one alarm open per device and
 * rule) is skipped. Returns the ids inserted.
 */
export async function insertAlarms(db: Executor, rows: readonly AlarmsTable[]): Promise<Set<string>> {
  const ids = new Set<string>();
  for (let i = 0; i < rows.length; i += 500)
    for (const r of await db
      .insertInto('alarms')
      .values(rows.slice(i, i + 500))
      .onConflict((oc) => oc.columns(['tenant_id', 'open_key']).doNothing())
      .returning('id')
      .execute())
      ids.add(r.id);
  return ids;
}

/**
 * Alarms cleared by the system, each row as it is to be stored with `version` the one it was read at: one versioned
 * update per 500 (an `UPDATE … FROM` a VALUES list, on both databases), so a row changed meanwhile is left alone.
 * Returns the ids updated.
 */
export async function clearAlarms(db: Executor, rows: readonly AlarmsTable[]): Promise<Set<string>> {
  const ids = new Set<string>();
  for (let i = 0; i < rows.length; i += 500) {
    const values = sql.join(
      rows
        .slice(i, i + 500)
        .map(
          (r) =>
            sql`(${r.tenant_id}, ${r.id}, cast(${r.version} as integer), ${r.cleared_at}, ${r.clear_reason}, ${r.history})`,
        ),
    );
    // the CTE names the VALUES columns: SQLite has no column list on a FROM alias
    const res = await sql<{ id: string }>`with v (tenant_id, id, version, at, reason, history) as (values ${values})
      update alarms set state = 'cleared', cleared_at = v.at, clear_reason = v.reason, open_key = null,
        history = v.history, updated_at = v.at, version = alarms.version + 1
      from v
      where alarms.tenant_id = v.tenant_id and alarms.id = v.id and alarms.version = v.version
      returning alarms.id`.execute(db);
    for (const r of res.rows) ids.add(r.id);
  }
  return ids;
}

export function findAlarm(db: Executor, tenantId: string, id: string) {
  return db.selectFrom('alarms').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
}

export function openAlarm(db: Executor, tenantId: string, openKey: string) {
  return db
    .selectFrom('alarms')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('open_key', '=', openKey)
    .executeTakeFirst();
}

/** Writes a change guarded by the version as read. */
export async function updateAlarm(
  db: Executor,
  row: Pick<AlarmsTable, 'tenant_id' | 'id' | 'version'>,
  patch: Partial<AlarmsTable>,
): Promise<boolean> {
  return updateVersioned(db, 'alarms', { tenantId: row.tenant_id, id: row.id, version: row.version }, patch);
}

export interface AlarmFilter {
  state?: string;
  kind?: string;
  deviceId?: string;
  q?: string;
}

export function listAlarms(
  db: Executor,
  tenantId: string,
  f: AlarmFilter,
  w: SortedWindow<'raised_at' | 'device_code'>,
) {
  let q = db.selectFrom('alarms as a').where('a.tenant_id', '=', tenantId);
  if (f.state === 'open') q = q.where('a.state', 'in', [...OPEN_ALARM_STATES]);
  else if (f.state) q = q.where('a.state', '=', f.state as AlarmsTable['state']);
  if (f.kind) q = q.where('a.kind', '=', f.kind as AlarmsTable['kind']);
  if (f.deviceId) q = q.where('a.device_id', '=', f.deviceId);
  const term = f.q?.trim();
  if (term) q = q.where(containsAny(['a.device_code', 'a.case_no'], term));
  return pageWithTotal(q, (x) => x.selectAll('a').orderBy(`a.${w.sort}`, w.order).orderBy('a.id', w.order), w);
}

export function ruleNames(db: Executor, tenantId: string, ids: readonly string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('alarm_rules')
    .select(['id', 'name'])
    .where('tenant_id', '=', tenantId)
    .where('id', 'in', ids)
    .execute();
}

/** Raised alarms of auto-case rules still without a case (the filing failed or was interrupted): the sweep retries. */
export function awaitingAutoCase(db: Executor, limit: number) {
  return db
    .selectFrom('alarms as a')
    .innerJoin('alarm_rules as r', 'r.id', 'a.rule_id')
    .selectAll('a')
    .where('a.state', 'in', ['raised', 'acknowledged'])
    .where('a.case_id', 'is', null)
    .where('r.auto_case', '=', 1)
    .orderBy('a.raised_at')
    .limit(limit)
    .execute();
}
