import { describe, expect, it } from 'vitest';
import { refusedPoint, sendFirstBatch, type QueuedPosition } from './position-queue.ts';

const p = (i: number): QueuedPosition => ({
  at: `2024-03-12T01:${String(i).padStart(2, '0')}:00.000Z`,
  lng: 115,
  lat: 30,
});
const fail = (status: number, details?: unknown) => Object.assign(new Error('x'), { status, details });

describe('the position queue', () => {
  it('drops a sent batch and keeps the rest in order', async () => {
    const queue = Array.from({ length: 250 }, (_, i) => p(i % 60));
    const sent: number[] = [];
    const out = await sendFirstBatch(queue, async (b) => void sent.push(b.length));
    expect([out.result, sent, out.queue.length]).toEqual(['sent', [200], 50]);
  });
  it('keeps everything when the network fails, so the points go later with their capture times', async () => {
    const queue = [p(1), p(2)];
    const out = await sendFirstBatch(queue, () => Promise.reject(new TypeError('Failed to fetch')));
    expect(out).toEqual({ result: 'failed', queue });
    expect((await sendFirstBatch(queue, () => Promise.reject(fail(503)))).queue).toEqual(queue);
  });
  it('drops only the point the server names, and a batch it refuses as such', async () => {
    const queue = [p(1), p(2), p(3)];
    const named = await sendFirstBatch(queue, () => Promise.reject(fail(400, [{ field: 'body.points.1.at' }])));
    expect(named).toEqual({ result: 'refused', queue: [p(1), p(3)] });
    expect((await sendFirstBatch(queue, () => Promise.reject(fail(403)))).queue).toEqual([]);
    expect(refusedPoint([{ field: 'body.points.12' }])).toBe(12);
    expect(refusedPoint('nope')).toBeNull();
  });
});
