/**
 * The outbox: drafts are saved first and sent after, so nothing typed or photographed on the street is lost to a
 * dead signal or a closed tab. Sending a draft uploads its photos (remembering each uploaded id) and then creates
 * the case with the draft's own Idempotency-Key (or, for a handler's 处置反馈, reports the case back). No answer, a timeout, 5xx, 429 or a lost session keep the draft
 * waiting for the next try; any other 4xx marks it failed with the server's error, and only the user retries it.
 */
import { v4 as uuid } from 'uuid';
import { ApiError } from '../../api/errors.ts';
import { isTransient, type CaseTransport } from '../api/case-transport.ts';
import { dataUrlToBlob } from '../../phone/photos.ts';
import type { Draft, DraftError, DraftInput } from './draft.ts';
import type { DraftStore } from './draft-store.ts';

export type SendOutcome =
  | { kind: 'sent'; draft: Draft }
  | { kind: 'waiting'; draft: Draft; error: DraftError }
  | { kind: 'failed'; draft: Draft; error: DraftError }
  | { kind: 'skipped' };

export interface QueueSnapshot {
  drafts: Draft[];
  sending: ReadonlySet<string>;
}

export interface QueueDeps {
  store: DraftStore;
  transport: CaseTransport;
  owner: { userId: string; tenantId: string };
  now?: () => Date;
  newId?: () => string;
}

/** Sent drafts are kept this long to show their case numbers, then pruned. */
export const SENT_RETENTION_MS = 7 * 24 * 3600 * 1000;

export function toDraftError(error: unknown): DraftError {
  if (error instanceof ApiError) return { code: error.code, message: error.message, status: error.status };
  return { code: 'NETWORK', message: error instanceof Error ? error.message : String(error), status: 0 };
}

async function withDeviceLock(name: string, run: () => Promise<SendOutcome>): Promise<SendOutcome> {
  const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
  if (!locks) return run();
  return locks.request(name, { ifAvailable: true }, (lock) => (lock ? run() : { kind: 'skipped' as const }));
}

const byNewest = (a: Draft, b: Draft) => b.seq - a.seq || b.createdAt.localeCompare(a.createdAt);

export class OfflineQueue {
  private readonly deps: Required<QueueDeps>;
  private readonly sending = new Set<string>();
  private readonly listeners = new Set<(snapshot: QueueSnapshot) => void>();
  private drafts: Draft[] = [];
  private round: Promise<SendOutcome[]> | null = null;

  constructor(deps: QueueDeps) {
    this.deps = { now: () => new Date(), newId: uuid, ...deps };
  }

  snapshot(): QueueSnapshot {
    return { drafts: this.drafts, sending: new Set(this.sending) };
  }

  subscribe(listener: (snapshot: QueueSnapshot) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The owner's drafts, newest first (also refreshes what subscribers see). */
  async list(): Promise<Draft[]> {
    const { userId, tenantId } = this.deps.owner;
    const all = await this.deps.store.list();
    this.drafts = all.filter((d) => d.userId === userId && d.tenantId === tenantId).sort(byNewest);
    this.emit();
    return this.drafts;
  }

  /** Saves a new draft with its idempotency key. Throws DraftStorageFullError when the device has no room. */
  async add(input: DraftInput): Promise<Draft> {
    const all = await this.deps.store.list();
    const draft = this.build(input, all.reduce((max, d) => Math.max(max, d.seq), 0) + 1);
    await this.deps.store.put(draft);
    await this.list();
    return draft;
  }

  /**
   * Sends a report that could not be saved (the device is full) straight away, with a key of its own all the
   * same; the caller keeps the form filled in unless it was sent.
   */
  async sendUnsaved(input: DraftInput): Promise<SendOutcome> {
    return this.attempt(this.build(input, 0));
  }

  private build(input: DraftInput, seq: number): Draft {
    return {
      id: this.deps.newId(),
      seq,
      idempotencyKey: this.deps.newId(),
      ...this.deps.owner,
      createdAt: this.deps.now().toISOString(),
      status: 'pending',
      body: input.body,
      matterName: input.matterName,
      photos: input.photos.map((dataUrl) => ({ id: this.deps.newId(), dataUrl, uploadedId: null })),
      photoCount: input.photos.length,
      ...(input.feedback ? { feedback: input.feedback } : {}),
      attempts: 0,
      lastAttemptAt: null,
      lastError: null,
      caseId: null,
      caseNo: null,
      sentAt: null,
    };
  }

  async remove(id: string): Promise<void> {
    await this.deps.store.remove(id);
    await this.list();
  }

  /**
   * Sends every waiting draft, oldest first; stops at the first one that finds no network or no session. Rounds
   * do not overlap: the online event, the start-up and the retry timer may all ask at once.
   */
  sendPending(): Promise<SendOutcome[]> {
    this.round ??= this.runRound().finally(() => {
      this.round = null;
    });
    return this.round;
  }

  private async runRound(): Promise<SendOutcome[]> {
    const waiting = (await this.list()).filter((d) => d.status === 'pending').reverse();
    const outcomes: SendOutcome[] = [];
    for (const draft of waiting) {
      const outcome = await this.send(draft.id);
      outcomes.push(outcome);
      if (outcome.kind === 'waiting') break;
    }
    return outcomes;
  }

  /** Sends one draft (waiting or failed). A draft already on its way in this tab is skipped. */
  async send(id: string): Promise<SendOutcome> {
    if (this.sending.has(id)) return { kind: 'skipped' };
    this.sending.add(id);
    this.emit();
    try {
      // Another tab of the same browser may be sending it right now (Web Locks where available; the key covers the rest).
      return await withDeviceLock(`cityloop-h5-draft-${id}`, async () => {
        const stored = await this.deps.store.get(id);
        if (!stored || stored.status === 'sent' || stored.userId !== this.deps.owner.userId) return { kind: 'skipped' };
        return this.attempt(stored);
      });
    } finally {
      this.sending.delete(id);
      await this.list();
    }
  }

  /** Forgets sent drafts older than the retention (their cases live on the server). */
  async pruneSent(): Promise<void> {
    const cutoff = this.deps.now().getTime() - SENT_RETENTION_MS;
    for (const draft of await this.list()) {
      if (draft.status === 'sent' && draft.sentAt && Date.parse(draft.sentAt) < cutoff)
        await this.deps.store.remove(draft.id);
    }
    await this.list();
  }

  private async attempt(initial: Draft): Promise<SendOutcome> {
    let draft: Draft = { ...initial, attempts: initial.attempts + 1, lastAttemptAt: this.deps.now().toISOString() };
    try {
      try {
        draft = await this.uploadPhotos(draft);
        return await this.create(draft);
      } catch (error) {
        // Uploaded but never attached photos may be cleaned up by the server after a while: upload again, once.
        if (!(error instanceof ApiError && error.code === 'PHOTO_UNKNOWN')) throw error;
        draft = { ...draft, photos: draft.photos.map((p) => ({ ...p, uploadedId: null })) };
        draft = await this.uploadPhotos(draft);
        return await this.create(draft);
      }
    } catch (error) {
      const lastError = toDraftError(error);
      const transient = isTransient(error);
      draft = { ...draft, status: transient ? 'pending' : 'failed', lastError };
      await this.save(draft);
      return transient ? { kind: 'waiting', draft, error: lastError } : { kind: 'failed', draft, error: lastError };
    }
  }

  private async uploadPhotos(start: Draft): Promise<Draft> {
    let draft = start;
    for (const [index, photo] of draft.photos.entries()) {
      if (photo.uploadedId) continue;
      const uploaded = await this.deps.transport.uploadPhoto(dataUrlToBlob(photo.dataUrl));
      const photos = draft.photos.slice();
      photos[index] = { ...photo, uploadedId: uploaded.id };
      draft = { ...draft, photos };
      await this.save(draft);
    }
    return draft;
  }

  private async create(draft: Draft): Promise<SendOutcome> {
    const photoIds = draft.photos.map((p) => p.uploadedId).filter((v): v is string => v !== null);
    const body = photoIds.length > 0 ? { ...draft.body, photoIds } : draft.body;
    const created = draft.feedback
      ? await this.deps.transport.reportBack(draft.feedback.caseId, {
          version: draft.feedback.version,
          ...(draft.body.description.trim() ? { note: draft.body.description.trim() } : {}),
          ...(photoIds.length > 0 ? { photoIds } : {}),
        })
      : await this.deps.transport.createCase(body, draft.idempotencyKey);
    // The photos are on the server now: keep only the receipt (case number) on the device.
    const sent: Draft = {
      ...draft,
      status: 'sent',
      photos: [],
      lastError: null,
      caseId: created.id,
      caseNo: created.caseNo,
      sentAt: this.deps.now().toISOString(),
    };
    await this.save(sent);
    return { kind: 'sent', draft: sent };
  }

  /** Progress is saved best-effort: a full disk must not turn a delivered case into an error. */
  private async save(draft: Draft): Promise<void> {
    try {
      await this.deps.store.put(draft);
    } catch {
      // the next attempt repeats the lost step; the idempotency key keeps that harmless
    }
  }

  private emit(): void {
    const snapshot = this.snapshot();
    for (const listener of this.listeners) listener(snapshot);
  }
}
