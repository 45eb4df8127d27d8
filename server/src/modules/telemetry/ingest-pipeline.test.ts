import { describe, expect, it } from 'vitest';
import { makeTempDir, removeTempDir } from '../../testing/temp-dir.ts';
import { IngestJournal } from './ingest-journal.ts';
import { createIngestPipeline } from './ingest-pipeline.ts';

/**
 * The pipeline between the consumer and the storage: records accepted while a batch is being stored (the database
 * answers asynchronously, as PostgreSQL does) are stored by a later batch, in order, and none is dropped.
 */
describe('ingest pipeline', () => {
  it('stores every record accepted while a batch is in the database, once and in order', async () => {
    const dir = makeTempDir('cityloop-pipeline-');
    try {
      const journal = new IngestJournal(dir, 'p1', { fsync: false, segmentBytes: 1 << 20 });
      const stored: string[] = [];
      const batches: number[] = [];
      const pipeline = createIngestPipeline(
        journal,
        async (records) => {
          // the storage takes a while and yields to the event loop meanwhile
          await new Promise((r) => setTimeout(r, 5));
          batches.push(records.length);
          stored.push(...records.map((r) => r.topic));
        },
        { maxBatch: 100, maxPending: 100_000, lingerMs: 1 },
        () => Date.now(),
        { warn: () => undefined },
      );
      const sent: string[] = [];
      let acked = 0;
      for (let i = 0; i < 2000; i++) {
        const topic = `t/${i}`;
        sent.push(topic);
        pipeline.accept(topic, Buffer.from(`payload ${i}`), () => acked++);
        // the next packets arrive while the batch in hand is being stored
        if (i % 37 === 0) await new Promise((r) => setImmediate(r));
      }
      const deadline = Date.now() + 10_000;
      while (stored.length < sent.length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
      expect(acked).toBe(sent.length);
      expect(stored).toEqual(sent);
      expect(batches.length).toBeGreaterThan(1);
      expect(pipeline.pending).toBe(0);
      await pipeline.close();
      // the checkpoint is past everything: a next process has nothing to replay
      const again = new IngestJournal(dir, 'p1', { fsync: false, segmentBytes: 1 << 20 });
      expect(again.pending()).toEqual([]);
      again.close();
    } finally {
      removeTempDir(dir);
    }
  });
});
