import type ExcelJS from 'exceljs';
import { excel } from '../../platform/excel.ts';
import type { KpiCaseItem, KpiRow, Ranking } from '../../../../common/contracts/kpi.ts';
import { inertCell } from '../../platform/cell-text.ts';
import { translate, type Locale } from '../../platform/messages.ts';

/** .xlsx of a monthly ranking (with 流动红旗 and the bottom list marked) and of the overdue / escalated lists. */
const tr = (locale: Locale, key: string, params?: Record<string, unknown>) => translate(locale, key, params) ?? key;

function header(sheet: ExcelJS.Worksheet, titles: string[]) {
  sheet.addRow(titles).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
}

export async function rankingWorkbook(r: Ranking, locale: Locale): Promise<Buffer> {
  const wb = new (await excel()).Workbook();
  const subject = tr(locale, `kpi.subjects.${r.subject}`);
  const sheet = wb.addWorksheet(tr(locale, 'kpi.ranking.title', { month: r.period.label, subject }).slice(0, 31));
  const cols = ['filed', 'closeRate', 'onTimeCloseRate', 'onTimeHandleRate', 'reworkRate', 'satisfactionRate'] as const;
  header(sheet, [
    tr(locale, 'kpi.ranking.rank'),
    tr(locale, 'kpi.ranking.name'),
    tr(locale, 'kpi.ranking.score'),
    tr(locale, 'kpi.ranking.grade'),
    ...cols.map((c) => tr(locale, `kpi.indicators.${c}`)),
    '',
  ]);
  const bottom = new Set(r.bottom.map((b) => b.id));
  const flagged = new Set(r.redFlags.map((b) => b.id));
  const mark = (row: KpiRow) =>
    flagged.has(row.id)
      ? tr(locale, 'kpi.ranking.redFlag')
      : bottom.has(row.id)
        ? tr(locale, 'kpi.ranking.bottom')
        : '';
  for (const row of r.rows) {
    sheet.addRow([
      row.rank,
      inertCell(row.name),
      row.score,
      row.grade,
      ...cols.map((c) => row.indicators[c]?.value ?? null),
      mark(row),
    ]);
  }
  for (const row of r.unranked) {
    sheet.addRow([
      null,
      inertCell(row.name),
      row.score,
      row.grade,
      ...cols.map((c) => row.indicators[c]?.value ?? null),
      tr(locale, 'kpi.ranking.unranked'),
    ]);
  }
  sheet.columns.forEach((c, i) => {
    c.width = i === 1 ? 24 : 14;
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function caseListWorkbook(
  kind: 'overdue' | 'escalated',
  items: readonly KpiCaseItem[],
  locale: Locale,
): Promise<Buffer> {
  const wb = new (await excel()).Workbook();
  const sheet = wb.addWorksheet(tr(locale, `kpi.lists.${kind}`).slice(0, 31));
  header(
    sheet,
    ['caseNo', 'status', 'matter', 'address', 'street', 'unit', 'reportedAt', 'deadline', 'escalations'].map((k) =>
      tr(locale, `kpi.cols.${k}`),
    ),
  );
  for (const c of items) {
    // Addresses come from citizens' reports: text that would run as a formula is made inert.
    sheet.addRow(
      [
        c.caseNo,
        tr(locale, `cases.status.${c.status}`),
        c.matterName ?? c.matterCode,
        c.address,
        c.streetName,
        c.unitName,
        c.reportedAt,
        c.handlingDeadline,
        c.escalationCount,
      ].map(inertCell),
    );
  }
  sheet.columns.forEach((c) => {
    c.width = 20;
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
