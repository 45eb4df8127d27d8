import type { IngestJournal, JournalMark, JournalRecord } from './ingest-journal.ts';

export interface PipelineOptions {
  /** the most records stored in one transaction */
  maxBatch: number;
  /** received but not yet stored: past this the PUBACK is held, so the broker keeps the rest */
  maxPending: number;
  /** how long the first record of a batch waits for others */
  lingerMs: number;
}

export interface IngestPipeline {
  /** A received message: journaled at once, then `done` (the PUBACK) unless too much is pending. */
  accept(topic: string, payload: Buffer, done: () => void): void;
  /** records not yet stored */
  readonly pending: number;
  /** stops after the batch in hand; what is not stored stays in the journal for the next start */
  close(): Promise<void>;
}

/**
 * Between the consumer and the storage (docs/iot.md, "Topics"): each message is appended to the journal and
 * acknowledged, and batches of journaled records are handed to `store` (one transaction each) in arrival order. A
 * batch that fails is retried, with a growing pause, until it goes through; the checkpoint moves only after it did.
 * The records a previous process left unstored are stored first.
 */
export function createIngestPipeline(
  journal: IngestJournal,
  store: (records: JournalRecord[]) => Promise<void>,
  opts: PipelineOptions,
  now: () => number,
  log: { warn(obj: object, msg: string): void },
): IngestPipeline {
  let queue: { record: JournalRecord; mark: JournalMark }[] = journal.pending();
  let waiting: (() => void)[] = [];
  let running: Promise<void> | null = null;
  let timer: NodeJS.Timeout | null = null;
  let closing = false;
  let wake: (() => void) | null = null;

  const release = () => {
    if (queue.length >= opts.maxPending && !closing) return;
    const w = waiting;
    waiting = [];
    for (const done of w) done();
  };

  async function drain(): Promise<void> {
    let pause = 200;
    while (queue.length && !closing) {
      // a copy: records accepted while the batch is stored are pushed onto `queue`, not onto the batch
      const batch = queue.slice(0, opts.maxBatch);
      try {
        await store(batch.map((b) => b.record));
      } catch (err) {
        log.warn({ err, records: batch.length }, 'telemetry batch not stored; retrying');
        // a pause that close() cuts short
        await new Promise<void>((r) => {
          wake = r;
          setTimeout(r, pause).unref();
        });
        wake = null;
        pause = Math.min(pause * 2, 30_000);
        continue;
      }
      pause = 200;
      queue = queue.slice(batch.length);
      if (queue.length) journal.commit(batch[batch.length - 1]!.mark);
      else journal.reset();
      release();
    }
  }

  const run = () => {
    timer = null;
    if (running || closing) return;
    running = drain().finally(() => {
      running = null;
      // what arrived during the last batch
      if (queue.length && !closing) schedule();
    });
  };

  function schedule() {
    if (running || closing) return;
    if (queue.length >= opts.maxBatch) {
      if (timer) clearTimeout(timer);
      run();
    } else if (!timer) timer = setTimeout(run, opts.lingerMs);
  }

  if (queue.length) setImmediate(run);

  return {
    accept(topic, payload, done) {
      // after close the message stays unacknowledged: the broker delivers it again
      if (closing) return;
      const record: JournalRecord = { topic, payload, receivedAt: now() };
      const append = (): void => {
        let mark: JournalMark;
        try {
          mark = journal.append(record);
        } catch (err) {
          // a full or failing disk: the message stays unacknowledged until it can be written
          log.warn({ err, topic }, 'telemetry journal append failed; retrying before acknowledging');
          setTimeout(append, 1000).unref();
          return;
        }
        queue.push({ record, mark });
        schedule();
        if (queue.length >= opts.maxPending && !closing) waiting.push(done);
        else done();
      };
      append();
    },
    get pending() {
      return queue.length;
    },
    async close() {
      closing = true;
      if (timer) clearTimeout(timer);
      // journaled already: their PUBACKs may go
      release();
      wake?.();
      await running;
      journal.close();
    },
  };
}
