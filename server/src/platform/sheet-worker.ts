/**
 * Worker-thread entry: parses one uploaded workbook with the bounded reader of sheet-rows.ts and posts the rows back
 * as plain values (docs/imports.md "Off the event loop"). Only the platform reader runs here, no database.
 */
import { parentPort } from 'node:worker_threads';
import type { CellValue } from 'exceljs';
import { AppError } from './errors.ts';
import { withImportProgress } from './import-progress.ts';
import { sheetRows, SheetUnreadable, type SheetLimits } from './sheet-rows.ts';

export interface SheetJob {
  file: Uint8Array;
  sheet?: string;
  maxRows: number;
  limits: SheetLimits;
}

/** A non-empty cell: column (1-based), exceljs value (plain data, cloned across threads), displayed text. */
export type PlainCell = [col: number, value: CellValue, text: string];
export interface PlainRow {
  number: number;
  cells: PlainCell[];
}

export type SheetMessage =
  | { type: 'rows'; rows: PlainRow[] }
  | { type: 'total'; done: number; total: number }
  | { type: 'end' }
  | { type: 'app-error'; code: string; status: number; details: unknown }
  | { type: 'unreadable'; message: string }
  | { type: 'failed'; message: string };

/** Rows are posted in batches: one message per row would cost more than the parse. */
const BATCH = 500;

async function parse(job: SheetJob, post: (m: SheetMessage) => void): Promise<void> {
  let batch: PlainRow[] = [];
  const file = Buffer.from(job.file.buffer, job.file.byteOffset, job.file.byteLength);
  // Row counts travel with the rows; only the totals (the sheet's estimate, then the real count) need a message.
  await withImportProgress(
    (done, total) => {
      if (total !== null) post({ type: 'total', done, total });
    },
    async () => {
      for await (const row of sheetRows(file, {
        ...(job.sheet ? { sheet: job.sheet } : {}),
        maxRows: job.maxRows,
        limits: job.limits,
      })) {
        const cells: PlainCell[] = [];
        row.eachCell((cell, col) => cells.push([col, cell.value, cell.text]));
        batch.push({ number: row.number, cells });
        if (batch.length >= BATCH) {
          post({ type: 'rows', rows: batch });
          batch = [];
        }
      }
    },
  );
  if (batch.length > 0) post({ type: 'rows', rows: batch });
  post({ type: 'end' });
}

function failure(err: unknown): SheetMessage {
  if (err instanceof AppError) return { type: 'app-error', code: err.code, status: err.status, details: err.details };
  if (err instanceof SheetUnreadable) return { type: 'unreadable', message: err.message };
  return { type: 'failed', message: err instanceof Error ? err.message : String(err) };
}

const port = parentPort;
if (port) {
  // One workbook at a time: the pool in sheet-thread.ts sends the next only after this one's end or error.
  port.on('message', (job: SheetJob) => {
    parse(job, (m) => port.postMessage(m)).catch((err: unknown) => port.postMessage(failure(err)));
  });
}
