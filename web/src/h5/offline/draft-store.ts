/**
 * Where drafts live on the device. IndexedDB when the browser has it (its quota is a share of the free disk, so
 * dozens of drafts with photos fit); otherwise localStorage, which browsers cap at about 5 MB per site: there the
 * drafts get a budget of LOCAL_BUDGET_CHARS (≈ 10 photos at the ~300 KB our compression produces) and saving past
 * it fails with DraftStorageFullError, so the user is told instead of a photo being dropped silently.
 */
import type { Draft } from './draft.ts';

export type DraftStoreKind = 'indexeddb' | 'localstorage' | 'memory';

export interface DraftStore {
  readonly kind: DraftStoreKind;
  list(): Promise<Draft[]>;
  get(id: string): Promise<Draft | undefined>;
  put(draft: Draft): Promise<void>;
  remove(id: string): Promise<void>;
  /** characters (≈ bytes) held, for the "storage used" line */
  usage(): Promise<number>;
}

export class DraftStorageFullError extends Error {
  constructor(cause?: unknown) {
    super('draft storage is full', { cause });
    this.name = 'DraftStorageFullError';
  }
}

const PREFIX = 'cityloop.h5.draft.';
/** 4 M characters of the ~5 M localStorage gives a site: the rest stays free for the language and caches. */
export const LOCAL_BUDGET_CHARS = 4_000_000;

const isQuotaError = (error: unknown) =>
  error instanceof DOMException && (error.name === 'QuotaExceededError' || error.name === 'NS_ERROR_DOM_QUOTA_REACHED');

function parseDraft(text: string | null): Draft | undefined {
  if (!text) return undefined;
  try {
    const value = JSON.parse(text) as Draft;
    return typeof value.id === 'string' && typeof value.idempotencyKey === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
}

/** One key per draft, so a rewrite touches one draft and a corrupt entry loses only itself. */
export function createLocalDraftStore(storage: Storage, budget = LOCAL_BUDGET_CHARS): DraftStore {
  const keys = () => {
    const out: string[] = [];
    for (let i = 0; i < storage.length; i += 1) {
      const key = storage.key(i);
      if (key?.startsWith(PREFIX)) out.push(key);
    }
    return out;
  };
  const used = (except?: string) =>
    keys()
      .filter((k) => k !== except)
      .reduce((sum, k) => sum + (storage.getItem(k)?.length ?? 0), 0);
  return {
    kind: 'localstorage',
    list: async () =>
      keys()
        .map((k) => parseDraft(storage.getItem(k)))
        .filter((d): d is Draft => d !== undefined),
    get: async (id) => parseDraft(storage.getItem(PREFIX + id)),
    put: async (draft) => {
      const key = PREFIX + draft.id;
      const text = JSON.stringify(draft);
      if (used(key) + text.length > budget) throw new DraftStorageFullError();
      try {
        storage.setItem(key, text);
      } catch (error) {
        throw isQuotaError(error) ? new DraftStorageFullError(error) : error;
      }
    },
    remove: async (id) => storage.removeItem(PREFIX + id),
    usage: async () => used(),
  };
}

/** Kept only while the page lives: the last resort when the browser offers no storage at all. */
export function createMemoryDraftStore(): DraftStore {
  const drafts = new Map<string, string>();
  return {
    kind: 'memory',
    list: async () => [...drafts.values()].map((text) => parseDraft(text)).filter((d): d is Draft => d !== undefined),
    get: async (id) => parseDraft(drafts.get(id) ?? null),
    put: async (draft) => void drafts.set(draft.id, JSON.stringify(draft)),
    remove: async (id) => void drafts.delete(id),
    usage: async () => [...drafts.values()].reduce((sum, text) => sum + text.length, 0),
  };
}

const DB_NAME = 'cityloop-h5';
const STORE = 'drafts';

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

/** IndexedDB: one object store keyed by draft id. The connection is opened lazily and reused. */
export function createIdbDraftStore(factory: IDBFactory): DraftStore {
  let opened: Promise<IDBDatabase> | null = null;
  const open = () => {
    opened ??= new Promise<IDBDatabase>((resolve, reject) => {
      const req = factory.open(DB_NAME, 1);
      req.onupgradeneeded = () => {
        if (!req.result.objectStoreNames.contains(STORE)) req.result.createObjectStore(STORE, { keyPath: 'id' });
      };
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => {
        opened = null;
        reject(req.error ?? new Error('IndexedDB open failed'));
      };
    });
    return opened;
  };
  const run = async <T>(mode: IDBTransactionMode, action: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> => {
    const db = await open();
    const tx = db.transaction(STORE, mode);
    // A write counts once its transaction commits (quota errors surface as an abort), not when the request succeeds.
    const done = new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
      tx.onabort = () => reject(tx.error ?? new DOMException('aborted', 'AbortError'));
    });
    const [result] = await Promise.all([request(action(tx.objectStore(STORE))), done]);
    return result;
  };
  return {
    kind: 'indexeddb',
    list: async () => (await run('readonly', (s) => s.getAll())) as Draft[],
    get: async (id) => (await run('readonly', (s) => s.get(id))) as Draft | undefined,
    put: async (draft) => {
      try {
        await run('readwrite', (s) => s.put(draft));
      } catch (error) {
        throw isQuotaError(error) ? new DraftStorageFullError(error) : error;
      }
    },
    remove: async (id) => void (await run('readwrite', (s) => s.delete(id))),
    usage: async () =>
      ((await run('readonly', (s) => s.getAll())) as Draft[]).reduce((sum, d) => sum + JSON.stringify(d).length, 0),
  };
}

/** The best store this browser offers (private modes may refuse IndexedDB or localStorage). */
export async function openDraftStore(): Promise<DraftStore> {
  if (typeof indexedDB !== 'undefined') {
    const store = createIdbDraftStore(indexedDB);
    try {
      await store.list();
      // Ask the browser not to evict the drafts under storage pressure (granted silently or not at all).
      void navigator.storage?.persist?.().catch(() => false);
      return store;
    } catch {
      // fall through to localStorage
    }
  }
  try {
    if (typeof localStorage !== 'undefined') {
      localStorage.setItem(`${PREFIX}probe`, '1');
      localStorage.removeItem(`${PREFIX}probe`);
      return createLocalDraftStore(localStorage);
    }
  } catch {
    // fall through
  }
  return createMemoryDraftStore();
}
