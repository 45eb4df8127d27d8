/**
 * Rows of one worksheet of an uploaded .xlsx, read as a stream with bounded work (docs/security.md "Parsing"):
 *
 * 1. the zip's central directory is read and every entry's declared unpacked size summed: over the limit is a 413
 *    before anything is inflated;
 * 2. the parts the rows need (workbook, its relationships, shared strings, styles, the chosen sheet) are inflated
 *    once with a running count, so an archive that understates sizes is stopped at the limit, not after it;
 * 3. the sheet's own `<dimension>` gives an estimated row count: over the limit is a 422 before parsing;
 * 4. exceljs' streaming reader parses a rebuilt archive of just those measured parts, chunk by chunk (the event loop
 *    runs between chunks), and reading stops at the first row past the limit.
 */
import type ExcelJS from 'exceljs';
import { excel } from './excel.ts';
import { AppError } from './errors.ts';
import { reportImportRows } from './import-progress.ts';
import {
  inflateEntry,
  readZipDirectory,
  rebuiltZip,
  ZipTooLarge,
  ZipUnreadable,
  type RebuiltEntry,
  type ZipEntry,
} from './zip-archive.ts';

export interface SheetLimits {
  /** all entries of the archive together, unpacked */
  maxUnpackedBytes: number;
  /** data rows (after the header row) */
  maxRows: number;
}

const MB = 1024 * 1024;
/** The defaults of IMPORT_MAX_UNPACKED_MB and IMPORT_MAX_ROWS (config.ts, kept equal), for callers without a configuration. */
export const DEFAULT_SHEET_LIMITS: SheetLimits = { maxUnpackedBytes: 50 * MB, maxRows: 50_000 };

/** The file is not a workbook we can read; each import turns this into its own "not a valid xlsx" answer. */
export class SheetUnreadable extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SheetUnreadable';
  }
}

/** An .xlsx has a few dozen parts; thousands are a sign of a crafted file. */
const MAX_ENTRIES = 2000;
/** workbook.xml and its relationships list sheets: a few kilobytes in real files. */
const MAX_INDEX_BYTES = 4 * MB;
const HEAD_BYTES = 4096;

export const importTooLarge = (maxUnpackedBytes: number) =>
  new AppError('IMPORT_TOO_LARGE', 413, { field: 'body.file', maxUnpackedMb: Math.floor(maxUnpackedBytes / MB) });
export const importTooManyRows = (maxRows: number) =>
  new AppError('IMPORT_TOO_MANY_ROWS', 422, { field: 'body.file', maxRows });

const looksLikeZip = (buf: Buffer) => buf.length > 4 && buf.readUInt32LE(0) === 0x04034b50;

/**
 * Step 1 alone, for the request that accepts an upload: a workbook whose zip directory declares more than the limit
 * is a 413 at once, before a job is stored (reading the directory inflates nothing). Anything else, including files
 * that are not zips or not readable, is left to the import itself.
 */
export function refuseDeclaredBomb(file: Buffer, limits: SheetLimits): void {
  if (!looksLikeZip(file)) return;
  try {
    readZipDirectory(file, { maxUnpackedBytes: limits.maxUnpackedBytes, maxEntries: MAX_ENTRIES });
  } catch (err) {
    if (err instanceof ZipTooLarge) throw importTooLarge(limits.maxUnpackedBytes);
  }
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const xmlText = (s: string) =>
  s.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (m, e: string) => {
    if (e[0] === '#')
      return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1)));
    return ENTITIES[e] ?? m;
  });

function attributes(tag: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of tag.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
    // r:id and other prefixed names are keyed by their local name: the prefix is the writer's choice.
    out.set((m[1] as string).replace(/^[\w.-]+:/, ''), xmlText(m[2] ?? m[3] ?? ''));
  }
  return out;
}

/** The archive path of the sheet called `wanted`, or of the first sheet in the workbook's own order. */
function sheetPath(workbookXml: string, relsXml: string, wanted: string | undefined): string | null {
  const sheets = [...workbookXml.matchAll(/<(?:[\w.-]+:)?sheet\b([^>]*)>/g)].map((m) => attributes(m[1] as string));
  const chosen = sheets.find((s) => wanted !== undefined && s.get('name') === wanted) ?? sheets[0];
  const rel = chosen?.get('id');
  if (!rel) return null;
  for (const m of relsXml.matchAll(/<(?:[\w.-]+:)?Relationship\b([^>]*)>/g)) {
    const a = attributes(m[1] as string);
    const target = a.get('Target');
    if (a.get('Id') === rel && target)
      return target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`;
  }
  return null;
}

/** Last row number of `<dimension ref="A1:G150000"/>`, the range the writer says the sheet uses; null if absent. */
export function dimensionRows(head: string): number | null {
  const ref = /<(?:[\w.-]+:)?dimension\b[^>]*\bref\s*=\s*"([^"]+)"/.exec(head)?.[1];
  const last = ref ? /(\d+)$/.exec(ref)?.[1] : undefined;
  return last ? Number(last) : null;
}

function zipFailure(err: unknown, limits: SheetLimits): Error {
  if (err instanceof ZipTooLarge) return importTooLarge(limits.maxUnpackedBytes);
  if (err instanceof ZipUnreadable) return new SheetUnreadable(err.message);
  return err instanceof Error ? err : new Error(String(err));
}

/** Checks, measures and rebuilds the archive; answers the stream the reader parses. */
async function measuredWorkbook(file: Buffer, sheet: string | undefined, limits: SheetLimits, maxRows: number) {
  if (!looksLikeZip(file)) throw new SheetUnreadable('not an xlsx file (no zip signature)');
  const entries = readZipDirectory(file, { maxUnpackedBytes: limits.maxUnpackedBytes, maxEntries: MAX_ENTRIES });
  const byName = new Map(entries.map((e) => [e.name, e]));
  let budget = limits.maxUnpackedBytes;
  // Every part is inflated once here with a running count against what is left of the limit; the reader inflates
  // the same bytes again later, so what it sees is exactly what was counted.
  const measure = async (entry: ZipEntry, keep: number) => {
    const out = await inflateEntry(file, entry, { maxBytes: budget, keep });
    if (out.size !== entry.unpackedSize)
      throw new ZipUnreadable(`${entry.name}: unpacks to another size than its header says`);
    budget -= out.size;
    return out;
  };
  const workbook = byName.get('xl/workbook.xml');
  const rels = byName.get('xl/_rels/workbook.xml.rels');
  if (!workbook || !rels) throw new SheetUnreadable('no workbook part (xl/workbook.xml) in the file');
  if (workbook.unpackedSize > MAX_INDEX_BYTES || rels.unpackedSize > MAX_INDEX_BYTES)
    throw new SheetUnreadable('the workbook part is implausibly large');
  const workbookXml = (await measure(workbook, Infinity)).head.toString('utf8');
  const relsXml = (await measure(rels, Infinity)).head.toString('utf8');
  const path = sheetPath(workbookXml, relsXml, sheet);
  const sheetEntry = path ? byName.get(path) : undefined;
  if (!sheetEntry) throw new SheetUnreadable('the workbook has no worksheet');
  // The estimate first: a sheet that says it spans too many rows is refused before the rest is inflated.
  const sheetHead = await inflateEntry(file, sheetEntry, { maxBytes: budget, keep: HEAD_BYTES, headOnly: true });
  const estimated = dimensionRows(sheetHead.head.toString('utf8'));
  if (estimated !== null && estimated - 1 > maxRows) throw importTooManyRows(maxRows);
  // The sheet's own estimate is the job's row total until reading ends (docs/imports.md "Progress").
  reportImportRows(0, estimated === null ? null : Math.max(estimated - 1, 0));
  await measure(sheetEntry, 0);

  const parts: RebuiltEntry[] = [
    { name: 'xl/_rels/workbook.xml.rels', from: { entry: rels, unpackedSize: rels.unpackedSize } },
    { name: 'xl/workbook.xml', from: { entry: workbook, unpackedSize: workbook.unpackedSize } },
  ];
  const styles = byName.get('xl/styles.xml');
  if (styles) {
    await measure(styles, 0);
    parts.push({ name: 'xl/styles.xml', from: { entry: styles, unpackedSize: styles.unpackedSize } });
  }
  const shared = byName.get('xl/sharedStrings.xml');
  if (shared) await measure(shared, 0);
  // Shared strings before the sheet (an empty table when the file has none), so the reader parses the sheet as it
  // streams instead of parking it in a temporary file to wait for them.
  parts.push(
    shared
      ? { name: 'xl/sharedStrings.xml', from: { entry: shared, unpackedSize: shared.unpackedSize } }
      : {
          name: 'xl/sharedStrings.xml',
          from: { bytes: Buffer.from('<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>') },
        },
  );
  parts.push({ name: 'xl/worksheets/sheet1.xml', from: { entry: sheetEntry, unpackedSize: sheetEntry.unpackedSize } });
  return rebuiltZip(file, parts);
}

/**
 * The rows of the sheet named `sheet` (or the first sheet), header row included, as exceljs rows with their sheet
 * row numbers. Throws 413 IMPORT_TOO_LARGE, 422 IMPORT_TOO_MANY_ROWS (naming the limits) or SheetUnreadable.
 * `maxRows` is the import's own limit; the configured one applies when it is lower.
 */
export async function* sheetRows(
  file: Buffer,
  options: { sheet?: string; maxRows: number; limits: SheetLimits },
): AsyncGenerator<ExcelJS.Row> {
  const maxRows = Math.min(options.maxRows, options.limits.maxRows);
  let stream;
  try {
    stream = await measuredWorkbook(file, options.sheet, options.limits, maxRows);
  } catch (err) {
    throw zipFailure(err, options.limits);
  }
  const reader = new (await excel()).stream.xlsx.WorkbookReader(stream, {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  let read = 0;
  try {
    for await (const worksheet of reader) {
      for await (const row of worksheet) {
        if (!Number.isInteger(row.number) || row.number < 1) throw new SheetUnreadable('a row without a row number');
        if (row.number - 1 > maxRows) throw importTooManyRows(maxRows);
        read = Math.max(row.number - 1, 0);
        reportImportRows(read, null);
        yield row;
      }
    }
    // Read to the end: the rows there were replace the sheet's own estimate.
    reportImportRows(read, read);
  } catch (err) {
    if (err instanceof AppError || err instanceof SheetUnreadable) throw err;
    throw new SheetUnreadable(`not a valid xlsx file: ${err instanceof Error ? err.message : String(err)}`);
  } finally {
    stream.destroy();
  }
}
