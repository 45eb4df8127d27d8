import type { JointActionCreate, Message, RecognitionCreate } from '../../../../common/contracts/federation.ts';
import { recognitionShared, type RequestKind } from '../../../../common/domain/federation.ts';
import type { FedMessagesTable } from '../../db/schema-federation.ts';
import type { Executor } from '../../platform/db.ts';
import { notFound } from '../../platform/errors.ts';
import { requirePermission, type Actor } from '../auth/index.ts';
import { bodyOf, HANDLE, messageView, sharingOf, type FedContext } from './fed-context.ts';
import type { Outbox } from './fed-outbox.ts';
import { fedErrors } from './federation.errors.ts';
import * as repo from './federation.repository.ts';

const isRequest = (kind: string): kind is RequestKind => kind === 'recognition' || kind === 'joint_action';
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * 互认 and 联合执法邀请 (docs/federation.md, "Recognition requests" and "Joint-action invitations"): what staff send,
 * and what the receiver's decision does. Either answer goes back as a `request_reply` that the sender keeps on its
 * outbound message, so both sides see the state. An accepted recognition is kept by the enforcement module, where
 * it counts as a prior offence of the same party.
 */
export function createRequests(ctx: FedContext, outbox: Outbox) {
  const { db, audit } = ctx;

  async function activePeer(tenantId: string, id: string) {
    const p = await repo.findPeer(db, tenantId, id);
    if (!p) throw notFound('federation_peer');
    if (p.status !== 'active') throw fedErrors.field('body.peerId', 'state', 'the peer is revoked');
    return p;
  }

  async function queue(actor: Actor, peerId: string, kind: RequestKind, body: Record<string, unknown>) {
    let id = '';
    await db.transaction().execute(async (tx) => {
      id = await outbox.enqueue(tx, { tenantId: actor.tenantId, peerId, kind, body });
      await audit.record(tx, actor, actor.tenantId, {
        action: `federation.${kind}.send`,
        entity: 'federation_message',
        entityId: id,
        after: { peerId, fields: Object.keys(body) },
      });
    });
    return messageView((await repo.findMessage(db, actor.tenantId, id))!);
  }

  return {
    /** 互认: the record carries only what the agreement shares; a person needs the ID number to be matched at all. */
    async sendRecognition(actor: Actor, input: RecognitionCreate): Promise<Message> {
      requirePermission(actor, HANDLE);
      const peer = await activePeer(actor.tenantId, input.peerId);
      const sharing = sharingOf(peer.sharing);
      if (!recognitionShared(sharing))
        throw fedErrors.field('body.peerId', 'sharing', 'the agreement does not share repeat offenders');
      const person = input.partyKind === 'person';
      if (person && !sharing.personal.includes('idNumber'))
        throw fedErrors.field('body.idNumber', 'sharing', 'the agreement does not share ID numbers');
      if (person && input.creditCode) throw fedErrors.field('body.creditCode', 'kind', 'a person has no credit code');
      if (!person && input.idNumber)
        throw fedErrors.field('body.idNumber', 'kind', 'an organisation has a credit code, not an ID number');
      ctx.enforcement.check(input);
      if (input.violationOn > ctx.now().slice(0, 10))
        throw fedErrors.field('body.violationOn', 'past', 'the violation date is in the future');
      const nameShared = sharing.personal.includes(person ? 'name' : 'company');
      const body = {
        recordNo: input.recordNo.trim(),
        violationCode: input.violationCode.trim(),
        violationOn: input.violationOn,
        partyKind: input.partyKind,
        ...(nameShared && input.partyName?.trim() ? { partyName: input.partyName.trim() } : {}),
        ...(person ? { idNumber: input.idNumber } : { creditCode: input.creditCode }),
        ...(input.decision?.trim() ? { decision: input.decision.trim() } : {}),
      };
      return queue(actor, peer.id, 'recognition', body);
    },

    /** 联合执法邀请 to any active peer: it carries no personal data beyond the inviting office's duty contact. */
    async sendJointAction(actor: Actor, input: JointActionCreate): Promise<Message> {
      requirePermission(actor, HANDLE);
      const peer = await activePeer(actor.tenantId, input.peerId);
      const starts = Date.parse(input.startsAt);
      const ends = Date.parse(input.endsAt);
      if (starts < ctx.clock.now().getTime())
        throw fedErrors.field('body.startsAt', 'future', 'the action starts in the past');
      if (ends <= starts) throw fedErrors.field('body.endsAt', 'after', 'the action ends before it starts');
      const roles = new Set(input.roles.map((r) => r.role));
      if (roles.size !== input.roles.length) throw fedErrors.field('body.roles', 'unique', 'a role is listed twice');
      const body = {
        startsAt: new Date(starts).toISOString(),
        endsAt: new Date(ends).toISOString(),
        area: input.area.trim(),
        ...(input.polygon ? { polygon: input.polygon } : {}),
        roles: input.roles,
        contactName: input.contactName.trim(),
        contactPhone: input.contactPhone.trim(),
        ...(input.note?.trim() ? { note: input.note.trim() } : {}),
      };
      return queue(actor, peer.id, 'joint_action', body);
    },

    /** Whether the kind is answered by a request_reply (the exchange's accept and return call `decided`). */
    isRequest,

    /** Checks an arrived recognition before it is accepted (a malformed record is not kept). */
    checkBeforeAccept(m: FedMessagesTable) {
      if (m.kind !== 'recognition') return;
      const b = bodyOf(m.envelope);
      if (typeof b.violationOn !== 'string' || !DAY.test(b.violationOn) || typeof b.violationCode !== 'string')
        throw fedErrors.badState('the record has no violation code or date');
      ctx.enforcement.check({
        partyKind: b.partyKind === 'person' ? 'person' : 'organisation',
        idNumber: typeof b.idNumber === 'string' ? b.idNumber : null,
        creditCode: typeof b.creditCode === 'string' ? b.creditCode : null,
      });
    },

    /** In the decision's transaction: an accepted recognition is kept, and the answer goes back to the sender. */
    async decided(
      tx: Executor,
      actor: Actor,
      m: FedMessagesTable & { peer_name: string },
      decision: 'accepted' | 'declined',
      note: string | null,
    ) {
      if (m.kind === 'recognition' && decision === 'accepted') {
        const b = bodyOf(m.envelope);
        const peer = await repo.findPeer(tx, actor.tenantId, m.peer_id);
        await ctx.enforcement.record(
          tx,
          actor.tenantId,
          {
            peerName: m.peer_name,
            peerCode: peer!.peer_code,
            recordNo: String(b.recordNo ?? ''),
            violationCode: String(b.violationCode),
            violationOn: String(b.violationOn),
            partyKind: b.partyKind === 'person' ? 'person' : 'organisation',
            partyName: typeof b.partyName === 'string' ? b.partyName : null,
            idNumber: typeof b.idNumber === 'string' ? b.idNumber : null,
            creditCode: typeof b.creditCode === 'string' ? b.creditCode : null,
            decision: typeof b.decision === 'string' ? b.decision : null,
            sourceMessageId: m.id,
          },
          actor.userId,
          ctx.now(),
        );
      }
      await outbox.enqueue(tx, {
        tenantId: actor.tenantId,
        peerId: m.peer_id,
        kind: 'request_reply',
        body: { requestId: m.message_id, decision, ...(note ? { note } : {}) },
      });
    },
  };
}
export type Requests = ReturnType<typeof createRequests>;
