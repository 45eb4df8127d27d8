import { createContext, useContext } from 'react';
import type { CaseTransport } from '../api/case-transport.ts';
import type { Draft, DraftInput } from './draft.ts';
import type { DraftStoreKind } from './draft-store.ts';
import type { SendOutcome } from './offline-queue.ts';

/** What the submit button did with a report. */
export type SubmitResult =
  | { kind: 'sent'; caseNo: string; caseId: string }
  | { kind: 'saved'; reason: 'offline' | 'network' }
  | { kind: 'failed'; message: string }
  | { kind: 'storage_full' };

export interface QueueValue {
  ready: boolean;
  online: boolean;
  drafts: Draft[];
  sending: ReadonlySet<string>;
  storeKind: DraftStoreKind | null;
  transport: CaseTransport;
  submit(input: DraftInput): Promise<SubmitResult>;
  send(id: string): Promise<SendOutcome>;
  sendAll(): Promise<SendOutcome[]>;
  remove(id: string): Promise<void>;
  usage: () => Promise<number>;
}

export const QueueContext = createContext<QueueValue | null>(null);

export function useQueue(): QueueValue {
  const value = useContext(QueueContext);
  if (!value) throw new Error('useQueue must be used inside <QueueProvider>');
  return value;
}
