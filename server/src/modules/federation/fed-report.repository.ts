import type { FedReportCursorsTable } from '../../db/schema-federation.ts';
import type { Executor } from '../../platform/db.ts';
import { newId } from '../../platform/ids.ts';

/** Kysely queries of report-up's settings, watermarks and run log (docs/federation.md, "Report-up"). */
export type Channel = FedReportCursorsTable['channel'];
export type Kind = FedReportCursorsTable['kind'];

export const reportConfig = (db: Executor, tenantId: string) =>
  db.selectFrom('fed_report_config').selectAll().where('tenant_id', '=', tenantId).executeTakeFirst();

export async function saveReportConfig(
  db: Executor,
  row: {
    tenant_id: string;
    mode: 'file' | 'push' | 'both';
    endpoint: string | null;
    token_cipher: string | null;
    hmac_cipher: string | null;
    batch_size: number;
    updated_by: string;
    updated_at: string;
  },
) {
  const { tenant_id: _tenant, ...rest } = row;
  await db
    .insertInto('fed_report_config')
    .values(row)
    .onConflict((oc) => oc.column('tenant_id').doUpdateSet(rest))
    .execute();
}

export const cursors = (db: Executor, tenantId: string) =>
  db
    .selectFrom('fed_report_cursors')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .orderBy('channel')
    .orderBy('kind')
    .execute();

export const cursor = (db: Executor, tenantId: string, channel: Channel, kind: Kind) =>
  db
    .selectFrom('fed_report_cursors')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('channel', '=', channel)
    .where('kind', '=', kind)
    .executeTakeFirst();

/** Writes a watermark's state; `last` undefined keeps the stored watermark. */
export async function setCursor(
  db: Executor,
  key: { tenantId: string; channel: Channel; kind: Kind },
  state: { last?: string; attempts: number; nextAttemptAt: string | null; lastError: string | null; at: string },
) {
  const old = await cursor(db, key.tenantId, key.channel, key.kind);
  const values = {
    last: state.last ?? old?.last ?? null,
    attempts: state.attempts,
    next_attempt_at: state.nextAttemptAt,
    last_error: state.lastError,
    updated_at: state.at,
  };
  await db
    .insertInto('fed_report_cursors')
    .values({ tenant_id: key.tenantId, channel: key.channel, kind: key.kind, ...values })
    .onConflict((oc) => oc.columns(['tenant_id', 'channel', 'kind']).doUpdateSet(values))
    .execute();
}

export async function logRun(
  db: Executor,
  tenantId: string,
  run: { channel: Channel; kind: Kind; period: string; ok: boolean; records: number; error: string | null; at: string },
) {
  await db
    .insertInto('fed_report_runs')
    .values({
      id: newId(),
      tenant_id: tenantId,
      channel: run.channel,
      kind: run.kind,
      period: run.period,
      ok: run.ok ? 1 : 0,
      records: run.records,
      error: run.error,
      at: run.at,
    })
    .execute();
}

export const lastRuns = (db: Executor, tenantId: string, limit: number) =>
  db
    .selectFrom('fed_report_runs')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
