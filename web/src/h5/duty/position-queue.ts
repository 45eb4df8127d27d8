/**
 * Positions captured on duty wait here until the server has them (docs/monitor.md, "The inspector app"): kept in
 * localStorage so a dead network or a closed tab loses nothing, sent in capture-time order in batches. A point the
 * server refuses by name (outside the city, a wrong clock) is dropped alone; the rest go again.
 */
export interface QueuedPosition {
  at: string;
  lng: number;
  lat: number;
  accuracyM?: number;
}

const KEY = 'cityloop.h5.positions';
/** A phone offline for a whole day at a 10 s interval holds about 3,000; older ones beyond this are dropped. */
export const MAX_QUEUED = 5_000;
export const BATCH = 200;

export function readQueue(storage: Pick<Storage, 'getItem'> = localStorage): QueuedPosition[] {
  try {
    const parsed = JSON.parse(storage.getItem(KEY) ?? '[]') as unknown;
    return Array.isArray(parsed) ? (parsed as QueuedPosition[]) : [];
  } catch {
    return [];
  }
}

export function writeQueue(items: readonly QueuedPosition[], storage: Pick<Storage, 'setItem'> = localStorage): void {
  storage.setItem(KEY, JSON.stringify(items.slice(-MAX_QUEUED)));
}

/** The index of the point a 4xx answer names (`body.points.3.at` → 3), or null when it names none. */
export function refusedPoint(details: unknown): number | null {
  if (!Array.isArray(details)) return null;
  for (const d of details as { field?: unknown }[]) {
    const m = typeof d?.field === 'string' ? /^body\.points\.(\d+)/.exec(d.field) : null;
    if (m) return Number(m[1]);
  }
  return null;
}

export type SendResult = 'sent' | 'refused' | 'failed';

/**
 * Sends the queue's first batch. `sent`: the batch is off the queue. `refused`: the server named a bad point (or
 * refused the batch as such, a 4xx that a retry cannot fix), which is dropped. `failed`: network or server trouble;
 * everything stays for the next try.
 */
export async function sendFirstBatch(
  queue: QueuedPosition[],
  post: (points: QueuedPosition[]) => Promise<unknown>,
): Promise<{ result: SendResult; queue: QueuedPosition[] }> {
  const batch = queue.slice(0, BATCH);
  try {
    await post(batch);
    return { result: 'sent', queue: queue.slice(batch.length) };
  } catch (err) {
    const status = (err as { status?: number }).status ?? 0;
    if (status >= 400 && status < 500 && status !== 401 && status !== 408 && status !== 429) {
      const bad = refusedPoint((err as { details?: unknown }).details);
      return { result: 'refused', queue: bad === null ? queue.slice(batch.length) : queue.filter((_, i) => i !== bad) };
    }
    return { result: 'failed', queue };
  }
}
