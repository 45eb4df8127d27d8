/**
 * An inspector's report kept on the device until the server has it (the outbox of the H5 app). The idempotency
 * key is made once, when the draft is saved, and sent with every attempt: the server answers a repeated key with
 * the first result, so a re-send after a lost response never creates a second case.
 */
import type { CaseCreate } from '../../../../common/contracts/cases.ts';

/** CaseCreate allows at most 9 photos. */
export const MAX_PHOTOS = 9;

export interface DraftPhoto {
  /** local id (for the list key) */
  id: string;
  /** the compressed JPEG as a data: URL (works in IndexedDB and in localStorage alike) */
  dataUrl: string;
  /** set once the photo is uploaded, so a retry does not upload it again */
  uploadedId: string | null;
}

/** pending: waits for the network (sent automatically); failed: the server refused it (needs the user); sent: done. */
export type DraftStatus = 'pending' | 'failed' | 'sent';

export interface DraftError {
  code: string;
  message: string;
  /** HTTP status; 0 = no answer (network down, timeout) */
  status: number;
}

export type DraftBody = Omit<CaseCreate, 'photoIds'>;

/**
 * A handler's 处置反馈 kept like a report: the body then carries the case's matter, place and the handler's note
 * (as description), and sending makes the report_back transition on the case at the version the handler saw.
 */
export interface DraftFeedback {
  caseId: string;
  caseNo: string;
  version: number;
}

export interface Draft {
  id: string;
  /** per-device running number shown to the user ("草稿 3") and used in test ids */
  seq: number;
  idempotencyKey: string;
  /** drafts belong to the account that saved them: another account signed in on the phone never sends them */
  userId: string;
  tenantId: string;
  createdAt: string;
  status: DraftStatus;
  body: DraftBody;
  matterName: string | null;
  photos: DraftPhoto[];
  photoCount: number;
  /** set on a handler's 处置反馈 (absent on an inspector's report, and on drafts saved before it existed) */
  feedback?: DraftFeedback;
  attempts: number;
  lastAttemptAt: string | null;
  lastError: DraftError | null;
  caseId: string | null;
  caseNo: string | null;
  sentAt: string | null;
}

export interface DraftInput {
  body: DraftBody;
  matterName: string | null;
  photos: string[];
  feedback?: DraftFeedback;
}
