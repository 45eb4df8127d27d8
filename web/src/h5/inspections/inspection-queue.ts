/**
 * Inspection results wait here until the server has them (docs/inspections.md, "Doing an inspection"), like census
 * records (docs/h5-offline.md): saved first in localStorage under the inspector's id with the photos as taken, sent
 * after with the submit's own Idempotency-Key. The photos are uploaded at the first send and their ids written back
 * into the queued submit before it goes, so a submit whose answer was lost goes again with the same body and the
 * same key and opens nothing twice. No answer, 5xx, 429 or a lost session keep it; another 4xx drops it with the
 * server's reason.
 */
import { v4 as uuid } from 'uuid';
import type { InspectionSubmit } from '../../../../common/contracts/inspections.ts';
import { ApiError } from '../../api/errors.ts';
import { isTransient } from '../api/case-transport.ts';

export interface QueuedInspection {
  key: string;
  inspectionId: string;
  body: InspectionSubmit;
  /** photos not uploaded yet, per item key (data URLs) */
  photos: Record<string, string[]>;
  queuedAt: string;
}

type Store = Pick<Storage, 'getItem' | 'setItem'>;
const keyOf = (userId: string) => `cityloop.h5.inspections.${userId}`;

export function readQueue(userId: string, storage: Store = localStorage): QueuedInspection[] {
  try {
    const parsed = JSON.parse(storage.getItem(keyOf(userId)) ?? '[]') as unknown;
    return Array.isArray(parsed) ? (parsed as QueuedInspection[]) : [];
  } catch {
    return [];
  }
}

function writeQueue(userId: string, items: readonly QueuedInspection[], storage: Store) {
  storage.setItem(keyOf(userId), JSON.stringify(items));
}

export function enqueueInspection(
  userId: string,
  inspectionId: string,
  body: InspectionSubmit,
  photos: Record<string, string[]>,
  storage: Store = localStorage,
): QueuedInspection {
  const item = { key: uuid(), inspectionId, body, photos, queuedAt: new Date().toISOString() };
  writeQueue(userId, [...readQueue(userId, storage).filter((q) => q.inspectionId !== inspectionId), item], storage);
  return item;
}

export interface Sender {
  upload(dataUrl: string): Promise<string>;
  submit(id: string, body: InspectionSubmit, key: string): Promise<unknown>;
}

export interface FlushResult {
  sent: number;
  refused: { item: QueuedInspection; error: ApiError }[];
  waiting: number;
}

const rounds = new Map<string, Promise<FlushResult>>();

/** Sends the queue in order; one round per inspector at a time. */
export function flushInspections(userId: string, send: Sender, storage: Store = localStorage): Promise<FlushResult> {
  const running = rounds.get(userId);
  if (running) return running;
  const round = (async (): Promise<FlushResult> => {
    const out: FlushResult = { sent: 0, refused: [], waiting: 0 };
    for (;;) {
      const [next] = readQueue(userId, storage);
      if (!next) break;
      try {
        for (const [itemKey, urls] of Object.entries(next.photos)) {
          const result = next.body.results.find((r) => r.key === itemKey);
          while (urls.length && result) {
            const id = await send.upload(urls[0]!);
            result.photoIds = [...(result.photoIds ?? []), id];
            urls.shift();
            writeQueue(
              userId,
              readQueue(userId, storage).map((q) => (q.key === next.key ? next : q)),
              storage,
            );
          }
        }
        await send.submit(next.inspectionId, next.body, next.key);
        out.sent += 1;
      } catch (error) {
        if (isTransient(error) || !(error instanceof ApiError)) break;
        out.refused.push({ item: next, error });
      }
      writeQueue(
        userId,
        readQueue(userId, storage).filter((q) => q.key !== next.key),
        storage,
      );
    }
    out.waiting = readQueue(userId, storage).length;
    return out;
  })().finally(() => rounds.delete(userId));
  rounds.set(userId, round);
  return round;
}
