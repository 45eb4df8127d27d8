/**
 * The rows of an uploaded workbook, parsed on a worker thread (docs/imports.md "Off the event loop"): the zip checks,
 * inflation and exceljs' XML parse (the CPU-heavy part of an import) run in sheet-worker.ts with its own heap cap, so
 * the server keeps answering while a large sheet is read. Same limits, errors and rows as `sheetRows`.
 */
import { Worker } from 'node:worker_threads';
import type { CellValue } from 'exceljs';
import { AppError } from './errors.ts';
import { reportImportRows } from './import-progress.ts';
import { SheetUnreadable, type SheetLimits } from './sheet-rows.ts';
import type { PlainCell, PlainRow, SheetJob, SheetMessage } from './sheet-worker.ts';

/** What the imports read of a row: the same members an exceljs row offers them. */
export interface SheetCell {
  value: CellValue;
  text: string;
}
export interface SheetRow {
  number: number;
  eachCell(fn: (cell: SheetCell, col: number) => void): void;
  getCell(col: number): SheetCell;
}

const EMPTY: SheetCell = { value: null, text: '' };
/** A worker that parses a 50 MB sheet needs far less; a crafted file that needs more is stopped, not the server. */
const WORKER_HEAP_MB = 512;

class Row implements SheetRow {
  private readonly byCol: Map<number, SheetCell>;
  readonly number: number;
  constructor(plain: PlainRow) {
    this.number = plain.number;
    this.byCol = new Map(plain.cells.map(([col, value, text]: PlainCell) => [col, { value, text }]));
  }
  eachCell(fn: (cell: SheetCell, col: number) => void): void {
    for (const [col, cell] of this.byCol) fn(cell, col);
  }
  getCell(col: number): SheetCell {
    return this.byCol.get(col) ?? EMPTY;
  }
}

/** Run from source (tests, tsx) the worker is the .ts file and needs the same loader; built, it is sheet-worker.js. */
function spawn(): Worker {
  const fromSource = import.meta.url.endsWith('.ts');
  const url = new URL(fromSource ? './sheet-worker.ts' : './sheet-worker.js', import.meta.url);
  return new Worker(url, {
    execArgv: fromSource ? ['--import', 'tsx'] : [],
    resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
  });
}

/**
 * Workers are kept and reused (starting one costs more than parsing a small sheet): at most POOL_SIZE, each parsing
 * one workbook at a time, idle ones not keeping the process alive. A worker that failed or was left mid-parse is
 * ended, never reused.
 */
const POOL_SIZE = 2;
const idle: Worker[] = [];
const waiting: ((w: Worker) => void)[] = [];
let live = 0;

function started(): Worker {
  live += 1;
  const w = spawn();
  w.once('exit', () => {
    live -= 1;
    const at = idle.indexOf(w);
    if (at >= 0) idle.splice(at, 1);
    const next = waiting.shift();
    if (next) next(started());
  });
  return w;
}

function acquire(): Promise<Worker> {
  const w = idle.pop();
  if (w) {
    w.ref();
    return Promise.resolve(w);
  }
  if (live < POOL_SIZE) return Promise.resolve(started());
  return new Promise((resolve) => waiting.push(resolve));
}

function release(w: Worker, reusable: boolean): void {
  // An ended worker's exit handler above hands its place to the next waiter.
  if (!reusable) {
    void w.terminate();
    return;
  }
  const next = waiting.shift();
  if (next) return next(w);
  w.unref();
  idle.push(w);
}

function rethrow(m: Extract<SheetMessage, { type: 'app-error' | 'unreadable' | 'failed' }>): never {
  if (m.type === 'app-error') throw new AppError(m.code, m.status, m.details);
  if (m.type === 'unreadable') throw new SheetUnreadable(m.message);
  throw new Error(`sheet worker: ${m.message}`);
}

export async function* sheetRowsOffThread(
  file: Buffer,
  options: { sheet?: string; maxRows: number; limits: SheetLimits },
): AsyncGenerator<SheetRow> {
  const worker = await acquire();
  const inbox: SheetMessage[] = [];
  let wake: (() => void) | null = null;
  const deliver = (m: SheetMessage) => {
    inbox.push(m);
    wake?.();
  };
  const onError = (err: Error) => deliver({ type: 'failed', message: err.message });
  const onExit = (code: number) => deliver({ type: 'failed', message: `exited with code ${code}` });
  worker.on('message', deliver);
  worker.on('error', onError);
  worker.on('exit', onExit);
  let ended = false;
  try {
    // A copy the worker owns (the upload may sit in a shared pool), handed over without a second copy.
    const bytes = new Uint8Array(file);
    const job: SheetJob = {
      file: bytes,
      maxRows: options.maxRows,
      limits: { maxUnpackedBytes: options.limits.maxUnpackedBytes, maxRows: options.limits.maxRows },
      ...(options.sheet ? { sheet: options.sheet } : {}),
    };
    worker.postMessage(job, [bytes.buffer]);
    for (;;) {
      while (inbox.length === 0) await new Promise<void>((resolve) => (wake = resolve));
      wake = null;
      const m = inbox.shift() as SheetMessage;
      if (m.type === 'end') {
        ended = true;
        return;
      }
      if (m.type === 'total') reportImportRows(m.done, m.total);
      else if (m.type === 'rows') {
        for (const plain of m.rows) {
          reportImportRows(Math.max(plain.number - 1, 0), null);
          yield new Row(plain);
        }
      } else {
        // The worker reported the file's own failure and is ready for the next one; a crash is not.
        ended = m.type !== 'failed';
        rethrow(m);
      }
    }
  } finally {
    worker.off('message', deliver);
    worker.off('error', onError);
    worker.off('exit', onExit);
    release(worker, ended);
  }
}
