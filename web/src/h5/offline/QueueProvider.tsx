import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useAuth } from '../../features/auth/context.ts';
import { useI18n } from '../../i18n/context.ts';
import { toast } from '../../phone/ui/toast.tsx';
import { createCaseTransport } from '../api/case-transport.ts';
import { draftErrorText } from '../labels.ts';
import type { DraftInput } from './draft.ts';
import { DraftStorageFullError, openDraftStore, type DraftStore } from './draft-store.ts';
import { OfflineQueue, type QueueSnapshot, type SendOutcome } from './offline-queue.ts';
import { QueueContext, type QueueValue, type SubmitResult } from './queue-context.ts';
import { useOnline } from './useOnline.ts';

interface Props {
  children: ReactNode;
  /** tests pass their own store and fetch */
  store?: DraftStore;
  fetch?: typeof fetch;
  /** how often waiting drafts are retried while the browser says it is online (the online event may never come) */
  retryMs?: number;
}

const EMPTY: QueueSnapshot = { drafts: [], sending: new Set() };

/**
 * Runs the outbox for the signed-in inspector: sends waiting drafts at start-up, whenever the browser comes back
 * online or the app comes back to the foreground, and every `retryMs` while something waits.
 */
export function QueueProvider({ children, store: givenStore, fetch, retryMs = 60_000 }: Props) {
  const { me, refresh } = useAuth();
  const { t, locale } = useI18n();
  const online = useOnline();
  const [store, setStore] = useState<DraftStore | null>(givenStore ?? null);
  const [snapshot, setSnapshot] = useState<QueueSnapshot>(EMPTY);
  const csrf = useRef<string | null>(null);
  csrf.current = me?.csrfToken ?? null;
  const lang = useRef(locale);
  lang.current = locale;

  const transport = useMemo(
    () => createCaseTransport({ fetch, csrfToken: () => csrf.current, locale: () => lang.current }),
    [fetch],
  );

  useEffect(() => {
    if (givenStore) return;
    let live = true;
    void openDraftStore().then((opened) => live && setStore(opened));
    return () => {
      live = false;
    };
  }, [givenStore]);

  const userId = me?.user.id;
  const tenantId = me?.user.tenantId;
  const queue = useMemo(
    () => (store && userId && tenantId ? new OfflineQueue({ store, transport, owner: { userId, tenantId } }) : null),
    [store, transport, userId, tenantId],
  );

  useEffect(() => {
    if (!queue) return;
    const off = queue.subscribe(setSnapshot);
    void queue.list();
    return off;
  }, [queue]);

  const report = useRef<(outcomes: SendOutcome[]) => void>(() => undefined);
  report.current = (outcomes) => {
    for (const outcome of outcomes) {
      if (outcome.kind === 'sent') toast.success(t('h5.drafts.sentToast', { caseNo: outcome.draft.caseNo ?? '' }));
      if (outcome.kind === 'failed')
        toast.error(t('h5.drafts.lastError', { message: draftErrorText(outcome.error, locale, t) }));
      if (outcome.kind === 'waiting' && outcome.error.status === 401) {
        toast.warning(t('h5.drafts.sessionExpired'));
        void refresh().catch(() => undefined);
      }
    }
  };

  const flush = useCallback(async () => {
    if (!queue || !navigator.onLine) return [];
    const outcomes = await queue.sendPending();
    report.current(outcomes);
    return outcomes;
  }, [queue]);

  useEffect(() => {
    if (!queue) return;
    void queue.pruneSent().then(flush);
  }, [queue, flush]);

  useEffect(() => {
    const onOnline = () => void flush();
    const onVisible = () => document.visibilityState === 'visible' && void flush();
    window.addEventListener('online', onOnline);
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      window.removeEventListener('online', onOnline);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [flush]);

  const waiting = snapshot.drafts.some((d) => d.status === 'pending');
  useEffect(() => {
    if (!waiting || !online) return;
    const timer = setInterval(() => void flush(), retryMs);
    return () => clearInterval(timer);
  }, [waiting, online, flush, retryMs]);

  const submit = useCallback(
    async (input: DraftInput): Promise<SubmitResult> => {
      if (!queue) return { kind: 'storage_full' };
      let id: string;
      try {
        id = (await queue.add(input)).id;
      } catch (error) {
        if (!(error instanceof DraftStorageFullError) || !navigator.onLine) return { kind: 'storage_full' };
        const outcome = await queue.sendUnsaved(input);
        return outcome.kind === 'sent'
          ? { kind: 'sent', caseNo: outcome.draft.caseNo ?? '', caseId: outcome.draft.caseId ?? '' }
          : { kind: 'storage_full' };
      }
      if (!navigator.onLine) return { kind: 'saved', reason: 'offline' };
      const outcome = await queue.send(id);
      if (outcome.kind === 'sent')
        return { kind: 'sent', caseNo: outcome.draft.caseNo ?? '', caseId: outcome.draft.caseId ?? '' };
      if (outcome.kind === 'failed') return { kind: 'failed', message: draftErrorText(outcome.error, locale, t) };
      return { kind: 'saved', reason: 'network' };
    },
    [queue, locale, t],
  );

  const value = useMemo<QueueValue>(
    () => ({
      ready: queue !== null,
      online,
      drafts: snapshot.drafts,
      sending: snapshot.sending,
      storeKind: store?.kind ?? null,
      transport,
      submit,
      send: async (id) => {
        if (!queue) return { kind: 'skipped' };
        const outcome = await queue.send(id);
        report.current([outcome]);
        return outcome;
      },
      sendAll: flush,
      remove: async (id) => queue?.remove(id),
      usage: async () => (store ? store.usage() : 0),
    }),
    [queue, online, snapshot, store, transport, submit, flush],
  );

  return <QueueContext.Provider value={value}>{children}</QueueContext.Provider>;
}
