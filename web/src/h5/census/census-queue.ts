/**
 * Census records wait here until the server has them (docs/h5-offline.md, "Census records"): each record is saved
 * first, in localStorage under the inspector's id, and sent after, one request per record with the record's own
 * Idempotency-Key, so a record whose answer was lost and that goes again is stored once (and a new component is
 * added once). Sent in the order recorded; no answer, a timeout, 5xx, 429 or a lost session keep it for the next
 * try; any other 4xx (the campaign closed, the component left the task) drops it and says why.
 */
import { v4 as uuid } from 'uuid';
import type { CensusRecordInput } from '../../../../common/contracts/census.ts';
import { ApiError } from '../../api/errors.ts';
import { isTransient } from '../api/case-transport.ts';

export interface QueuedRecord {
  key: string;
  taskId: string;
  record: CensusRecordInput;
  queuedAt: string;
}

type Store = Pick<Storage, 'getItem' | 'setItem'>;
/** A day's census of one grid is a few hundred records; beyond this the oldest are not kept. */
export const MAX_QUEUED = 2_000;
const keyOf = (userId: string) => `cityloop.h5.census.${userId}`;

export function readRecords(userId: string, storage: Store = localStorage): QueuedRecord[] {
  try {
    const parsed = JSON.parse(storage.getItem(keyOf(userId)) ?? '[]') as unknown;
    return Array.isArray(parsed) ? (parsed as QueuedRecord[]) : [];
  } catch {
    return [];
  }
}

function writeRecords(userId: string, items: readonly QueuedRecord[], storage: Store): void {
  storage.setItem(keyOf(userId), JSON.stringify(items.slice(-MAX_QUEUED)));
}

export function enqueueRecord(
  userId: string,
  taskId: string,
  record: CensusRecordInput,
  opts: { storage?: Store; now?: Date; newKey?: () => string } = {},
): QueuedRecord {
  const storage = opts.storage ?? localStorage;
  const item: QueuedRecord = {
    key: (opts.newKey ?? uuid)(),
    taskId,
    record,
    queuedAt: (opts.now ?? new Date()).toISOString(),
  };
  writeRecords(userId, [...readRecords(userId, storage), item], storage);
  return item;
}

export interface FlushResult {
  sent: QueuedRecord[];
  refused: { item: QueuedRecord; error: ApiError }[];
  /** still queued after this round (the first that failed and everything after it) */
  waiting: number;
  /** the error that stopped the round, when one did */
  stoppedBy: unknown;
}

export type PostRecord = (taskId: string, record: CensusRecordInput, key: string) => Promise<unknown>;

const rounds = new Map<string, Promise<FlushResult>>();

/**
 * Sends the inspector's queue in order until it is empty or the network fails. One round per inspector at a time:
 * a second call while one runs gets the same round (a record is never in flight twice from this page).
 */
export function flushRecords(userId: string, post: PostRecord, storage: Store = localStorage): Promise<FlushResult> {
  const running = rounds.get(userId);
  if (running) return running;
  const round = (async (): Promise<FlushResult> => {
    const out: FlushResult = { sent: [], refused: [], waiting: 0, stoppedBy: null };
    for (;;) {
      const [next] = readRecords(userId, storage);
      if (!next) break;
      try {
        await post(next.taskId, next.record, next.key);
        out.sent.push(next);
      } catch (error) {
        if (isTransient(error) || !(error instanceof ApiError)) {
          out.stoppedBy = error;
          break;
        }
        out.refused.push({ item: next, error });
      }
      // re-read: records queued while this one was in flight stay behind it
      writeRecords(
        userId,
        readRecords(userId, storage).filter((r) => r.key !== next.key),
        storage,
      );
    }
    out.waiting = readRecords(userId, storage).length;
    return out;
  })().finally(() => rounds.delete(userId));
  rounds.set(userId, round);
  return round;
}
