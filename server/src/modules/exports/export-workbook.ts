/**
 * Streams a console list as an .xlsx workbook by paging through the list's own service function, so an export
 * holds exactly what the list shows for the same filters, scope and permissions. The first page is read before
 * any byte is sent: a bad filter or a missing permission is still an ordinary JSON 4xx.
 */
import { zonedDateTime } from '../../../../common/domain/zoned-time.ts';
import { PassThrough } from 'node:stream';
import { excel } from '../../platform/excel.ts';
import type { FastifyReply } from 'fastify';
import { MAX_PAGE_SIZE, type Page } from '../../../../common/domain/paging.ts';
import { inertText } from '../../platform/cell-text.ts';
import { attachment } from '../../platform/http.ts';
import { translate, type Locale } from '../../platform/messages.ts';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** A workbook is for reading, not a backup: past this many rows the last row says the export was cut. */
export const MAX_EXPORT_ROWS = 50_000;
/** Excel refuses cells longer than this. */
const MAX_CELL = 32_000;

export type Cell = string | number | null | undefined;

export interface Column<T> {
  /** key under exports.col.* */
  header: string;
  width?: number;
  value: (row: T, fmt: Formatter) => Cell;
}

export interface SheetSpec<T> {
  /** key under exports.sheet.*; also the download's name */
  sheet: string;
  /** ASCII fallback file name (RFC 6266) */
  file: string;
  columns: readonly Column<T>[];
}

export interface Formatter {
  locale: Locale;
  /** a catalog label, or the raw value when the catalog has none */
  label: (key: string, fallback: string | null | undefined) => string;
  instant: (iso: string | null | undefined) => string;
  yesNo: (value: boolean) => string;
}

export function formatter(locale: Locale, timeZone: string): Formatter {
  return {
    locale,
    label: (key, fallback) => (fallback ? (translate(locale, key) ?? fallback) : ''),
    instant: (iso) => {
      if (!iso) return '';
      return zonedDateTime(iso, timeZone);
    },
    yesNo: (v) => translate(locale, v ? 'exports.yes' : 'exports.no') ?? String(v),
  };
}

type FetchPage<T> = (page: number, pageSize: number) => Promise<Page<T>>;

/** Text that would run as a formula is made inert (platform/cell-text.ts), then cut to what Excel accepts. */
function cellOf(value: Cell): string | number | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') return value;
  const text = inertText(value);
  return text.length > MAX_CELL ? `${text.slice(0, MAX_CELL)}…` : text;
}

export async function sendWorkbook<T>(
  reply: FastifyReply,
  spec: SheetSpec<T>,
  fmt: Formatter,
  fetchPage: FetchPage<T>,
): Promise<FastifyReply> {
  const first = await fetchPage(1, MAX_PAGE_SIZE);
  const title = translate(fmt.locale, `exports.sheet.${spec.sheet}`) ?? spec.sheet;
  const stream = new PassThrough();
  const workbook = new (await excel()).stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(title.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = spec.columns.map((c) => ({
    header: translate(fmt.locale, `exports.col.${c.header}`) ?? c.header,
    width: c.width ?? 16,
  }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();

  const write = async () => {
    let page = first;
    let written = 0;
    for (let n = 1; ; n++) {
      if (n > 1) page = await fetchPage(n, MAX_PAGE_SIZE);
      for (const row of page.items) {
        if (written >= MAX_EXPORT_ROWS) break;
        sheet.addRow(spec.columns.map((c) => cellOf(c.value(row, fmt)))).commit();
        written++;
      }
      if (written >= MAX_EXPORT_ROWS || page.items.length < MAX_PAGE_SIZE || n * MAX_PAGE_SIZE >= page.total) break;
    }
    if (written >= MAX_EXPORT_ROWS && first.total > MAX_EXPORT_ROWS) {
      sheet.addRow([translate(fmt.locale, 'exports.truncated', { max: MAX_EXPORT_ROWS }) ?? '']).commit();
    }
    sheet.commit();
    await workbook.commit();
  };
  // Errors after the first byte can only cut the download; the log keeps them (request id in the line).
  write().catch((err: unknown) => {
    reply.log.error({ err }, 'export failed while streaming');
    stream.destroy(err instanceof Error ? err : new Error(String(err)));
  });

  const name = `${title}.xlsx`;
  return reply
    .header('content-type', XLSX_TYPE)
    .header('content-disposition', attachment(name, { fallback: `${spec.file}.xlsx` }))
    .header('cache-control', 'no-store')
    .send(stream);
}

/** RFC 4180 field: quoted when it holds a comma, quote or line break; quotes doubled. */
function csvField(value: string | number | null): string {
  if (value === null) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The same list as CSV (UTF-8 with a byte-order mark, so spreadsheet programs read Chinese correctly; CRLF line
 * ends per RFC 4180). Cells are made inert exactly as in the workbook; the row cap is the same.
 */
export async function sendCsv<T>(
  reply: FastifyReply,
  spec: SheetSpec<T>,
  fmt: Formatter,
  fetchPage: FetchPage<T>,
): Promise<FastifyReply> {
  const first = await fetchPage(1, MAX_PAGE_SIZE);
  const title = translate(fmt.locale, `exports.sheet.${spec.sheet}`) ?? spec.sheet;
  const lines = [spec.columns.map((c) => csvField(translate(fmt.locale, `exports.col.${c.header}`) ?? c.header))];
  let page = first;
  let written = 0;
  for (let n = 1; ; n++) {
    if (n > 1) page = await fetchPage(n, MAX_PAGE_SIZE);
    for (const row of page.items) {
      if (written >= MAX_EXPORT_ROWS) break;
      lines.push(spec.columns.map((c) => csvField(cellOf(c.value(row, fmt)))));
      written++;
    }
    if (written >= MAX_EXPORT_ROWS || page.items.length < MAX_PAGE_SIZE || n * MAX_PAGE_SIZE >= page.total) break;
  }
  if (written >= MAX_EXPORT_ROWS && first.total > MAX_EXPORT_ROWS)
    lines.push([csvField(translate(fmt.locale, 'exports.truncated', { max: MAX_EXPORT_ROWS }) ?? '')]);
  return reply
    .header('content-type', 'text/csv; charset=utf-8')
    .header('content-disposition', attachment(`${title}.csv`, { fallback: `${spec.file}.csv` }))
    .header('cache-control', 'no-store')
    .send(`\uFEFF${lines.map((l) => l.join(',')).join('\r\n')}\r\n`);
}
