/**
 * What the parts of the federation service share (docs/federation.md): the database, clock, audit, the cipher that
 * keeps private keys, the cases module as this one needs it, and the transport that posts an envelope to a peer.
 */
import type { CaseDetail } from '../../../../common/contracts/cases.ts';
import type { Message } from '../../../../common/contracts/federation.ts';
import { NO_SHARING, type SharingAgreement, type SignedEnvelope } from '../../../../common/domain/federation.ts';
import { maskIdNumber, maskPhone } from '../../../../common/domain/privacy.ts';
import type { FedMessagesTable } from '../../db/schema-federation.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db.ts';
import type { PiiCipher } from '../../platform/pii-cipher.ts';
import type { AuditService } from '../audit/index.ts';
import type { Actor } from '../auth/index.ts';
import type { CaseTransfers, ExternalReport, IntakeResult } from '../cases/index.ts';
import type { SettingsService } from '../settings/index.ts';
import type { PeerOffences } from '../enforcement/index.ts';
import { withoutPhotoData, type FedPhotos } from './fed-photos.ts';

export const READ = 'federation.read';
export const MANAGE = 'federation.manage';
export const HANDLE = 'federation.handle';

/** The cases module as the federation uses it (the composition root passes the case service). */
export interface FedCases {
  get(actor: Actor, id: string): Promise<CaseDetail>;
  intake(tenantId: string, input: ExternalReport, idem: { scope: string; key: string | null }): Promise<IntakeResult>;
  /** the origin's case follows the peer's answers (docs/federation.md, "The transferred status") */
  transfers: CaseTransfers;
}

/** Posts an envelope to a peer's inbox; resolves with the HTTP status and body, rejects when the peer is unreachable. */
export type Transport = (url: string, envelope: SignedEnvelope) => Promise<{ status: number; body: string }>;

export const httpTransport: Transport = async (url, envelope) => {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(envelope),
    signal: AbortSignal.timeout(15_000),
  });
  return { status: res.status, body: (await res.text()).slice(0, 2000) };
};

/** The enforcement module as 互认 needs it: checks a record's party and keeps an accepted record. */
export type FedEnforcement = PeerOffences;

export interface FedDeps {
  audit: AuditService;
  enforcement: FedEnforcement;
  pii: PiiCipher;
  settings: SettingsService;
  cases: FedCases;
  /** the photos that travel with a transfer (absent: transfers carry none) */
  photos?: FedPhotos;
  transport: Transport;
  /** where report-up files are dropped (one folder per tenant code below it) */
  reportDir: string;
  timeZone: string;
}

export function createFedContext(database: Database, clock: Clock, deps: FedDeps) {
  return { db: database.db, database, clock, ...deps, now: () => clock.now().toISOString() };
}
export type FedContext = ReturnType<typeof createFedContext>;

export function sharingOf(text: string): SharingAgreement {
  try {
    return { ...NO_SHARING, ...(JSON.parse(text) as Partial<SharingAgreement>) };
  } catch {
    return NO_SHARING;
  }
}

/** The envelope column: inbound the signed envelope as received; outbound the body, and the last signed envelope. */
export const envelopeOf = (text: string): SignedEnvelope => JSON.parse(text) as SignedEnvelope;
export const bodyOf = (text: string): Record<string, unknown> => envelopeOf(text).message.body;

/** Lists mask phone and ID numbers that a bulletin carries (docs/security.md, personal data in lists). */
function maskedBody(body: Record<string, unknown>): Record<string, unknown> {
  // a recognition request carries the party's ID number at the top of its body
  if (typeof body.idNumber === 'string') return { ...body, idNumber: maskIdNumber(body.idNumber) };
  const subject = body.subject as Record<string, string> | undefined;
  if (!subject) return body;
  return {
    ...body,
    subject: {
      ...subject,
      ...(subject.idNumber ? { idNumber: maskIdNumber(subject.idNumber) } : {}),
      ...(subject.phone ? { phone: maskPhone(subject.phone) } : {}),
    },
  };
}

export const messageView = (m: FedMessagesTable & { peer_name: string }): Message => ({
  id: m.id,
  messageId: m.message_id,
  peerId: m.peer_id,
  peerName: m.peer_name,
  direction: m.direction,
  kind: m.kind,
  status: m.status,
  attempts: Number(m.attempts),
  nextAttemptAt: m.next_attempt_at,
  lastError: m.last_error,
  body: maskedBody(withoutPhotoData(bodyOf(m.envelope))),
  localCaseId: m.local_case_id,
  decisionNote: m.decision_note,
  replyStatus: (m.reply_status ?? null) as Message['replyStatus'],
  replyNote: m.reply_note ?? null,
  createdAt: m.created_at,
  updatedAt: m.updated_at,
});
