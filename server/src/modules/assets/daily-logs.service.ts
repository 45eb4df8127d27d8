/**
 * Daily logs (docs/assets.md, "Daily logs"): one quantity per asset and day in the unit its type logs (tonnes at a
 * transfer station, running hours at a pump station, metres dredged, m² washed), entered by form or imported from
 * a weighbridge CSV. Reads need assets.read; writing needs assets.work within the asset's unit or street.
 */
import type {
  DailyLog,
  DailyLogCreate,
  DailyLogImportResult,
  DailyLogQuery,
} from '../../../../common/contracts/assets.ts';
import { fromMilli, toMilli } from '../../../../common/domain/assets.ts';
import type { Page } from '../../../../common/domain/paging.ts';
import type { AssetDailyLogsTable } from '../../db/schema-assets.ts';
import { notFound } from '../../platform/errors.ts';
import { once, replay } from '../../platform/idempotency.ts';
import { reportImportRows } from '../../platform/import-progress.ts';
import { newId } from '../../platform/ids.ts';
import { listWindow } from '../../platform/paging.ts';
import { reaches, registerScope, requirePermission, type Actor } from '../auth/index.ts';
import { parseWeighbridgeCsv } from './asset-files.ts';
import { READ, WORK, type AssetContext } from './asset-context.ts';
import { assetErrors, issue, type FieldIssue } from './assets.errors.ts';
import * as repo from './assets.repository.ts';

type LogRow = AssetDailyLogsTable & { asset_code: string; asset_name: string };

export const logView = (r: LogRow): DailyLog => ({
  id: r.id,
  assetId: r.asset_id,
  assetCode: r.asset_code,
  assetName: r.asset_name,
  logDate: r.log_date,
  quantity: fromMilli(Number(r.quantity_milli)),
  unit: r.unit,
  source: r.source,
  updatedAt: r.updated_at,
});

const SORTS = { logDate: 'log_date', quantity: 'quantity_milli' } as const;

/** Issues in file order (rows[n] by n), the file-wide ones first; stable within a row. */
const byRow = (issues: FieldIssue[]) =>
  issues
    .map((d, i) => ({ d, i, row: Number(/^rows\[(\d+)\]/.exec(d.field)?.[1] ?? 0) }))
    .sort((a, b) => a.row - b.row || a.i - b.i)
    .map((x) => x.d);

export function createDailyLogService(ctx: AssetContext) {
  const { db, database, clock, audit, assetInScope } = ctx;

  return {
    async list(actor: Actor, q: DailyLogQuery): Promise<Page<DailyLog>> {
      requirePermission(actor, READ);
      const w = listWindow(q, SORTS, 'logDate');
      const { rows, total, totalCapped } = await repo.listLogs(
        db,
        actor.tenantId,
        q,
        registerScope(actor, READ, 'a', true),
        {
          ...w,
          order: q.order ?? (q.sort ? 'asc' : 'desc'),
        },
      );
      const items = rows.map(logView);
      return { items, total, page: w.page, pageSize: w.limit, ...(totalCapped ? { totalCapped } : {}) };
    },

    /** A second entry for the same asset and day replaces the first (a corrected figure). */
    async record(actor: Actor, input: DailyLogCreate): Promise<DailyLog> {
      requirePermission(actor, WORK);
      const asset = await assetInScope(db, actor, input.assetId, WORK);
      if (!asset) throw notFound('asset');
      const type = await repo.findType(db, actor.tenantId, asset.type_id);
      if (!type?.log_unit) throw assetErrors.noDailyLog();
      const now = clock.now().toISOString();
      const row: AssetDailyLogsTable = {
        id: newId(),
        tenant_id: actor.tenantId,
        asset_id: asset.id,
        line: asset.line,
        log_date: input.logDate,
        quantity_milli: toMilli(input.quantity),
        unit: type.log_unit,
        source: 'form',
        created_by: actor.userId,
        created_at: now,
        updated_at: now,
      };
      await db.transaction().execute(async (tx) => {
        await repo.upsertLogs(tx, [row]);
        await audit.record(tx, actor, actor.tenantId, {
          action: 'asset_log.record',
          entity: 'asset_log',
          entityId: `${asset.code}:${input.logDate}`,
          after: { quantity: input.quantity, unit: type.log_unit },
        });
      });
      return logView(await repo.findLog(db, actor.tenantId, asset.id, input.logDate));
    },

    /**
     * The weighbridge file (地磅): one line per weighing, station code, date and net tonnes. The lines of one station
     * and day are summed into that day's log, replacing what was there. All or nothing: an unknown station, a
     * station whose type does not log tonnes, a bad date or a bad weight refuses the file, naming every row.
     */
    async importWeighbridge(actor: Actor, bytes: Buffer, key: string | null = null): Promise<DailyLogImportResult> {
      requirePermission(actor, WORK);
      const scope = `assets.logs.import:${actor.tenantId}:${actor.userId}`;
      const request = { body: bytes.toString('base64') };
      const earlier = await replay<DailyLogImportResult>(database, scope, key, request);
      if (earlier) return earlier.body;
      const parsed = parseWeighbridgeCsv(bytes.toString('utf8').replace(/^\ufeff/, ''));
      reportImportRows(0, parsed.rows.length);
      const stations = await repo.assetsByCodes(db, actor.tenantId, [...new Set(parsed.rows.map((r) => r.station))]);
      const types = new Map((await repo.listTypes(db, actor.tenantId)).map((t) => [t.id, t]));
      const issues: FieldIssue[] = [...parsed.issues];
      const days = new Map<
        string,
        { assetId: string; line: AssetDailyLogsTable['line']; date: string; milli: number }
      >();
      for (const r of parsed.rows) {
        const asset = stations.get(r.station);
        if (!asset || !reaches(actor, WORK, asset)) {
          issues.push(issue(`${r.at}.station`, 'exists', 'weighbridge.noStation', { station: r.station }));
          continue;
        }
        if (types.get(asset.type_id)?.log_unit !== 't') {
          issues.push(issue(`${r.at}.station`, 'type', 'weighbridge.notTonnes', { station: r.station }));
          continue;
        }
        const k = `${asset.id}|${r.date}`;
        const day = days.get(k) ?? { assetId: asset.id, line: asset.line, date: r.date, milli: 0 };
        day.milli += toMilli(r.tonnes);
        days.set(k, day);
      }
      if (issues.length) throw assetErrors.importInvalid(byRow(issues));
      const now = clock.now().toISOString();
      const rows: AssetDailyLogsTable[] = [...days.values()].map((d) => ({
        id: newId(),
        tenant_id: actor.tenantId,
        asset_id: d.assetId,
        line: d.line,
        log_date: d.date,
        quantity_milli: d.milli,
        unit: 't',
        source: 'import',
        created_by: actor.userId,
        created_at: now,
        updated_at: now,
      }));
      const result = {
        written: rows.length,
        tonnes: fromMilli(rows.reduce((s, r) => s + r.quantity_milli, 0)),
      };
      const stored = await once(
        database,
        scope,
        key,
        () => clock.now().toISOString(),
        async (tx) => {
          await repo.upsertLogs(tx, rows);
          await audit.record(tx, actor, actor.tenantId, {
            action: 'asset_log.import',
            entity: 'asset_log',
            entityId: actor.tenantId,
            before: null,
            after: result,
          });
          return { status: 200, body: result };
        },
        request,
      );
      reportImportRows(parsed.rows.length, parsed.rows.length);
      return stored.body;
    },
  };
}
export type DailyLogService = ReturnType<typeof createDailyLogService>;
