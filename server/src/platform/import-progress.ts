import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Rows read so far by the import running in this async context (docs/imports.md "Progress"). The import job runner
 * opens a context; the readers deep inside each import report into it without every signature carrying a callback.
 * Outside a job (seed, scripts) reporting does nothing.
 */
export type ProgressSink = (rowsDone: number, rowsTotal: number | null) => void;

const current = new AsyncLocalStorage<ProgressSink>();

export function withImportProgress<T>(sink: ProgressSink, fn: () => Promise<T>): Promise<T> {
  return current.run(sink, fn);
}

export function reportImportRows(rowsDone: number, rowsTotal: number | null): void {
  current.getStore()?.(rowsDone, rowsTotal);
}
