import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPORT_STEPS, type ReportUpFile, type ReportUpRecord } from '../../../../common/contracts/federation.ts';
import { zonedInstant } from '../../../../common/domain/monitor.ts';
import { zonedDate, zonedDateTime } from '../../../../common/domain/zoned-time.ts';
import { csvField } from '../../platform/cell-text.ts';
import { caseFactInputs, caseRows } from '../cases/index.ts';
import { tenantColumns } from '../org/index.ts';
import type { FedContext } from './fed-context.ts';
import * as repo from './federation.repository.ts';

const DAY_MS = 86_400_000;
/** At most this many days are written per run, so a long gap is caught up over several runs. */
const MAX_DAYS_PER_RUN = 31;
const CSV_COLUMNS = ['caseNo', 'source', 'classCode', 'subclassCode', 'address', 'lng', 'lat', 'gridCode'] as const;

/** Written under a temporary name and renamed, so a reader never sees half a file. */
export function writeAtomic(path: string, text: string) {
  const tmp = `${path}.tmp-${process.pid}`;
  writeFileSync(tmp, text, 'utf8');
  renameSync(tmp, path);
}

/** The case records of a window [from, to) of instants, one per case changed in it. */
export type CaseRecords = (tenantId: string, code: string, from: string, to: string) => Promise<ReportUpRecord[]>;

export const nextDay = (day: string): string =>
  new Date(Date.parse(`${day}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);

/**
 * Report-up by file drop (docs/federation.md, "Report-up"): one JSON and one CSV file per tenant and calendar day
 * (business time zone) under the report folder, holding every case changed that day in the fields of the national
 * data-exchange standard. A watermark per tenant keeps the last day written: a run continues from it, only complete
 * days are written, a file is written under a temporary name and renamed (a reader never sees half a file), and
 * writing a day again gives the same file name, so the drop is idempotent and resumable.
 */
export function createReportUp(ctx: FedContext) {
  const { db } = ctx;

  async function records(tenantId: string, code: string, from: string, to: string): Promise<ReportUpRecord[]> {
    const rows = await caseRows(db)
      .select([
        'c.id',
        'c.case_no',
        'c.channel',
        'c.matter_code',
        'c.address',
        'c.lng',
        'c.lat',
        'c.grid_code',
        'c.status',
        'c.updated_at',
      ])
      .where('c.tenant_id', '=', tenantId)
      .where('c.updated_at', '>=', from)
      .where('c.updated_at', '<', to)
      .orderBy('c.case_no')
      .execute();
    if (!rows.length) return [];
    const steps = new Map<string, Record<string, string>>();
    for (let i = 0; i < rows.length; i += 500) {
      const { events } = await caseFactInputs(
        db,
        rows.slice(i, i + 500).map((r) => r.id),
      );
      for (const e of events) {
        if (!e.to_status) continue;
        const s = steps.get(e.case_id) ?? {};
        s[e.to_status] ??= e.at;
        steps.set(e.case_id, s);
      }
    }
    return rows.map((r) => {
      const s = steps.get(r.id) ?? {};
      return {
        key: `${code}:${r.case_no}@${r.updated_at}`,
        caseNo: r.case_no,
        source: r.channel,
        classCode: r.matter_code.slice(0, 2),
        subclassCode: r.matter_code,
        address: r.address,
        lng: Number(r.lng),
        lat: Number(r.lat),
        gridCode: r.grid_code,
        steps: Object.fromEntries(REPORT_STEPS.map((k) => [k, s[k] ?? null])) as ReportUpRecord['steps'],
        status: r.status,
        updatedAt: r.updated_at,
      };
    });
  }

  function csvOf(file: ReportUpFile): string {
    const tz = file.timeZone;
    const head = [...CSV_COLUMNS, ...REPORT_STEPS.map((s) => `at_${s}`), 'status'];
    const lines = file.cases.map((c) =>
      [
        ...CSV_COLUMNS.map((k) => csvField(c[k])),
        ...REPORT_STEPS.map((s) => csvField(c.steps[s] ? zonedDateTime(c.steps[s], tz) : null)),
        csvField(c.status),
      ].join(','),
    );
    // BOM: Excel and WPS open UTF-8 CSV with Chinese text correctly only with it
    return `\uFEFF${[head.join(','), ...lines].join('\r\n')}\r\n`;
  }

  /** Writes the days after the watermark up to yesterday (or from `from` when given); returns the files written. */
  async function run(tenantId: string, now: Date, from?: string): Promise<string[]> {
    const code = (await tenantColumns(db, tenantId, ['code']))?.code;
    if (!code) return [];
    const tz = ctx.timeZone;
    const today = zonedDate(now, tz);
    const mark = await repo.reportMark(db, tenantId);
    let day = from ?? (mark ? nextDay(mark.last_day) : zonedDate(new Date(now.getTime() - DAY_MS), tz));
    const dir = join(ctx.reportDir, code);
    mkdirSync(dir, { recursive: true });
    const written: string[] = [];
    for (let n = 0; n < MAX_DAYS_PER_RUN && day < today; n++, day = nextDay(day)) {
      const start = zonedInstant(day, '00:00', tz).toISOString();
      const end = zonedInstant(nextDay(day), '00:00', tz).toISOString();
      const file: ReportUpFile = {
        format: 'cityloop.report-up/1',
        tenantCode: code,
        day,
        timeZone: tz,
        generatedAt: now.toISOString(),
        cases: await records(tenantId, code, start, end),
      };
      writeAtomic(join(dir, `${day}.json`), `${JSON.stringify(file, null, 1)}\n`);
      writeAtomic(join(dir, `${day}.csv`), csvOf(file));
      if (!mark || day > mark.last_day) await repo.setReportMark(db, tenantId, day, now.toISOString());
      written.push(`${code}/${day}.json`, `${code}/${day}.csv`);
    }
    return written;
  }

  return {
    run,
    records: records satisfies CaseRecords,
  };
}
