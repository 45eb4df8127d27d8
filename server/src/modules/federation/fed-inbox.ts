import type { Envelope } from '../../../../common/contracts/federation.ts';
import {
  DEFAULT_MAX_SKEW_SECONDS,
  MAX_SKEW_KEY,
  recognitionShared,
  type BulletinKind,
  type SignedEnvelope,
} from '../../../../common/domain/federation.ts';
import type { FedPeersTable } from '../../db/schema-federation.ts';
import { isUniqueViolation, type Executor } from '../../platform/db.ts';
import { notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { keyIdOf, verifyEnvelope } from './fed-crypto.ts';
import { sharingOf, type FedContext } from './fed-context.ts';
import { checkTransferPhotos } from './fed-photos.ts';
import { fedErrors } from './federation.errors.ts';
import * as repo from './federation.repository.ts';

/**
 * The receiving end (docs/federation.md, "Receiving"). The route is not behind a session: the signature is the
 * authentication. In order: the recipient must hold federation keys, the sender must be an active peer, its key
 * known, not revoked and inside its overlap window, the signature must verify over the canonical form, the time
 * must lie within the window (setting federation.maxSkewSeconds), the nonce must be new, and the kind must be in
 * the sharing agreement. A message id seen before is answered as a duplicate and changes nothing, so an outbox
 * that lost our answer may post again safely. Every accepted message is audited in its transaction.
 */
export function createInbox(ctx: FedContext) {
  const { db, audit } = ctx;

  async function maxSkewSeconds(tenantId: string): Promise<number> {
    const v = (await ctx.settings.get(tenantId, MAX_SKEW_KEY))?.value;
    return typeof v === 'number' && Number.isFinite(v) && v > 0 ? v : DEFAULT_MAX_SKEW_SECONDS;
  }

  async function authenticate(envelope: SignedEnvelope) {
    const { message } = envelope;
    const own = await repo.tenantByCode(db, message.recipient);
    if (!own) throw notFound('federation_recipient');
    const tenantId = own.tenant_id;
    const peer = await repo.peerByCode(db, tenantId, message.sender.tenant);
    if (!peer) throw fedErrors.unknownPeer();
    if (peer.status !== 'active') throw fedErrors.peerRevoked();
    const key = await repo.peerKey(db, peer.id, message.sender.key);
    if (!key || keyIdOf(key.public_key) !== message.sender.key) throw fedErrors.unknownKey();
    if (key.revoked_at) throw fedErrors.keyRevoked();
    const now = ctx.clock.now();
    if (key.valid_until && key.valid_until <= now.toISOString()) throw fedErrors.keyExpired();
    if (!verifyEnvelope(key.public_key, envelope)) throw fedErrors.badSignature();
    const skew = await maxSkewSeconds(tenantId);
    const sent = Date.parse(message.time);
    if (!Number.isFinite(sent) || Math.abs(now.getTime() - sent) > skew * 1000) throw fedErrors.staleTime(skew);
    return { tenantId, peer };
  }

  function checkSharing(peer: FedPeersTable, envelope: SignedEnvelope) {
    const sharing = sharingOf(peer.sharing);
    const { kind, body } = envelope.message;
    if (kind === 'bulletin' && !sharing.bulletins.includes(body.kind as BulletinKind))
      throw fedErrors.notShared(`bulletin ${String(body.kind)}`);
    if ((kind === 'transfer' || kind === 'transfer_reply' || kind === 'progress') && !sharing.cases)
      throw fedErrors.notShared('case transfer');
    if (kind === 'recognition' && !recognitionShared(sharing)) throw fedErrors.notShared('recognition');
  }

  /** The effects of a message that needs no operator: replies, progress and key rotations are applied at once. */
  async function apply(tx: Executor, tenantId: string, peer: FedPeersTable, envelope: SignedEnvelope) {
    const { kind, body } = envelope.message;
    const at = ctx.now();
    if (kind === 'transfer_reply' || kind === 'progress') {
      const t = await repo.findTransfer(tx, tenantId, String(body.transferId));
      if (!t || t.peer_id !== peer.id)
        throw fedErrors.field('body.message.body.transferId', 'exists', 'no such transfer');
      const peerCaseNo = typeof body.caseNo === 'string' ? body.caseNo : t.peer_case_no;
      if (kind === 'transfer_reply') {
        const accepted = body.decision === 'accepted';
        const reason = typeof body.reason === 'string' ? body.reason : null;
        await repo.updateTransfer(tx, t.id, {
          status: accepted ? 'accepted' : 'returned',
          peer_case_no: typeof body.caseNo === 'string' ? body.caseNo : null,
          reason,
          updated_at: at,
        });
        // the origin's case waits while the peer has it, and goes back to its status when returned
        if (accepted)
          await ctx.cases.transfers.transferAccepted(
            tx,
            tenantId,
            t.case_id,
            { name: peer.name, caseNo: peerCaseNo },
            at,
          );
        else
          await ctx.cases.transfers.transferReturned(
            tx,
            tenantId,
            t.case_id,
            { name: peer.name, reason: reason ?? '' },
            at,
          );
      } else {
        await repo.updateTransfer(tx, t.id, {
          peer_status: String(body.status),
          peer_case_no: peerCaseNo,
          updated_at: at,
        });
        // the peer's closing closes the origin's case with the peer's result (docs/federation.md)
        if (body.status === 'closed')
          await ctx.cases.transfers.transferClosed(
            tx,
            tenantId,
            t.case_id,
            { name: peer.name, caseNo: peerCaseNo },
            at,
          );
      }
      return { status: 'applied', transferId: t.id };
    }
    if (kind === 'request_reply') {
      // the answer to our recognition request or joint-action invitation: kept on our outbound message
      const asked = await repo.sentRequest(tx, tenantId, peer.id, String(body.requestId));
      if (!asked) throw fedErrors.field('body.message.body.requestId', 'exists', 'no such request');
      await repo.updateMessage(tx, asked.id, {
        reply_status: body.decision === 'accepted' ? 'accepted' : 'declined',
        reply_note: typeof body.note === 'string' ? body.note.slice(0, 500) : null,
        updated_at: at,
      });
      return { status: 'applied', transferId: null };
    }
    if (kind === 'key_rotation') {
      const publicKey = String(body.publicKey);
      if (!/^[A-Za-z0-9+/]{43}=$/.test(publicKey) || keyIdOf(publicKey) !== body.newKeyId)
        throw fedErrors.field('body.message.body.publicKey', 'key', 'not the announced key');
      const old = await repo.peerKey(tx, peer.id, envelope.message.sender.key);
      if (old) await repo.updatePeerKey(tx, old.id, { valid_until: String(body.oldValidUntil) });
      if (!(await repo.peerKey(tx, peer.id, keyIdOf(publicKey))))
        await repo.insertPeerKey(tx, {
          id: newId(),
          tenant_id: tenantId,
          peer_id: peer.id,
          key_id: keyIdOf(publicKey),
          public_key: publicKey,
          valid_until: null,
          revoked_at: null,
          created_at: at,
        });
      return { status: 'applied', transferId: null };
    }
    // bulletins and transfers wait for an operator in the inbox
    return { status: 'received', transferId: kind === 'transfer' ? String(body.transferId) : null };
  }

  return {
    async receive(envelope: Envelope): Promise<{ status: 'received' | 'duplicate'; id: string }> {
      const { tenantId, peer } = await authenticate(envelope);
      const { message } = envelope;
      const seen = await repo.receivedById(db, tenantId, peer.id, message.id);
      const byNonce = await repo.receivedByNonce(db, tenantId, peer.id, message.nonce);
      if (byNonce) throw fedErrors.replay();
      if (seen) return { status: 'duplicate', id: seen.id };
      checkSharing(peer, envelope);
      // a transfer's photos must match their signed hashes before anything is written
      if (message.kind === 'transfer') checkTransferPhotos(message.body.photos);
      const id = newId();
      try {
        await db.transaction().execute(async (tx) => {
          const effect = await apply(tx, tenantId, peer, envelope);
          const at = ctx.now();
          await repo.insertMessage(tx, {
            id,
            tenant_id: tenantId,
            peer_id: peer.id,
            direction: 'in',
            message_id: message.id,
            nonce: message.nonce,
            kind: message.kind,
            envelope: JSON.stringify(envelope),
            status: effect.status,
            attempts: 0,
            next_attempt_at: null,
            lease_until: null,
            last_error: null,
            transfer_id: effect.transferId,
            local_case_id: null,
            decision_note: null,
            decided_by: null,
            created_at: at,
            updated_at: at,
          });
          await audit.record(tx, null, tenantId, {
            action: `federation.receive.${message.kind}`,
            entity: 'federation_message',
            entityId: id,
            after: { messageId: message.id, peer: peer.peer_code, key: message.sender.key, kind: message.kind },
          });
        });
      } catch (e) {
        // the same message arriving twice at once: the second insert loses the unique race
        if (isUniqueViolation(e)) {
          const again = await repo.receivedById(db, tenantId, peer.id, message.id);
          if (again) return { status: 'duplicate', id: again.id };
          throw fedErrors.replay();
        }
        throw e;
      }
      return { status: 'received', id };
    },
  };
}
