import type {
  BulletinCreate,
  Message,
  MessageQuery,
  Transfer,
  TransferCreate,
  TransferQuery,
} from '../../../../common/contracts/federation.ts';
import { allowedSubject, type TRANSFER_STATUSES } from '../../../../common/domain/federation.ts';
import { pageWindow, type Page } from '../../../../common/domain/paging.ts';
import type { FedPeersTable, FedTransfersTable } from '../../db/schema-federation.ts';
import { notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { requirePermission, type Actor } from '../auth/index.ts';
import { bodyOf, HANDLE, messageView, READ, sharingOf, type FedContext } from './fed-context.ts';
import type { Outbox } from './fed-outbox.ts';
import { checkTransferPhotos, photosForTransfer, storeTransferPhotos } from './fed-photos.ts';
import type { Requests } from './fed-requests.ts';
import { fedErrors } from './federation.errors.ts';
import * as repo from './federation.repository.ts';

/**
 * What staff send and decide (docs/federation.md, "Bulletins" and "Case transfer"): 通报 to peers, 移送 of a case,
 * the operator's accept or return of what arrived, and the lists of the inbox, outbox and transfers. Sending and
 * deciding need federation.handle; every decision is audited in the transaction that queues its message.
 */
export function createExchange(ctx: FedContext, outbox: Outbox, requests: Requests) {
  const { db, audit } = ctx;

  async function activePeer(tenantId: string, id: string, field: string) {
    const p = await repo.findPeer(db, tenantId, id);
    if (!p) throw notFound('federation_peer');
    if (p.status !== 'active') throw fedErrors.field(field, 'state', 'the peer is revoked');
    return p;
  }

  /** A message awaiting the operator; `givingBack`: an accepted transfer may still be returned to its origin. */
  async function inboxMessage(actor: Actor, id: string, givingBack = false) {
    const m = await repo.findMessage(db, actor.tenantId, id);
    if (!m || m.direction !== 'in') throw notFound('federation_message');
    const backable = givingBack && m.kind === 'transfer' && m.status === 'accepted';
    if (m.status !== 'received' && !backable) throw fedErrors.badState('the message is already decided');
    return m;
  }

  async function transferView(t: FedTransfersTable & { peer_name: string }): Promise<Transfer> {
    const progress = await repo.progressOf(db, t.tenant_id, t.id);
    return {
      id: t.id,
      caseId: t.case_id,
      caseNo: t.case_no,
      peerId: t.peer_id,
      peerName: t.peer_name,
      status: t.status as (typeof TRANSFER_STATUSES)[number],
      peerCaseNo: t.peer_case_no,
      peerStatus: t.peer_status,
      reason: t.reason,
      note: t.note,
      progress: progress.map((p) => {
        const b = bodyOf(p.envelope);
        return { at: p.created_at, status: String(b.status), caseNo: typeof b.caseNo === 'string' ? b.caseNo : null };
      }),
      createdAt: t.created_at,
      updatedAt: t.updated_at,
    };
  }

  return {
    async listMessages(actor: Actor, q: MessageQuery): Promise<Page<Message>> {
      requirePermission(actor, READ);
      const { limit, offset } = pageWindow(q.page, q.pageSize);
      const [rows, count] = await repo.listMessages(
        db,
        actor.tenantId,
        { direction: q.direction, status: q.status, kind: q.kind, peerId: q.peerId, q: q.q?.trim() || undefined },
        limit,
        offset,
      );
      return { items: rows.map(messageView), total: Number(count.n), page: q.page ?? 1, pageSize: limit };
    },

    /** One 通报 per peer, each carrying only the personal fields that peer's agreement allows. */
    async sendBulletin(actor: Actor, input: BulletinCreate): Promise<{ ids: string[] }> {
      requirePermission(actor, HANDLE);
      const peers: FedPeersTable[] = [];
      for (const id of input.peerIds) {
        const p = await activePeer(actor.tenantId, id, 'body.peerIds');
        if (!sharingOf(p.sharing).bulletins.includes(input.kind))
          throw fedErrors.field('body.kind', 'sharing', `${p.name} does not take this kind of bulletin`);
        peers.push(p);
      }
      const ids: string[] = [];
      await db.transaction().execute(async (tx) => {
        for (const p of peers) {
          const body = {
            kind: input.kind,
            summary: input.summary.trim(),
            subject: allowedSubject(input.subject, sharingOf(p.sharing)),
            issuedAt: ctx.now(),
          };
          const id = await outbox.enqueue(tx, { tenantId: actor.tenantId, peerId: p.id, kind: 'bulletin', body });
          ids.push(id);
          await audit.record(tx, actor, actor.tenantId, {
            action: 'federation.bulletin.send',
            entity: 'federation_message',
            entityId: id,
            after: { peer: p.peer_code, kind: input.kind, fields: Object.keys(body.subject) },
          });
        }
      });
      return { ids };
    },

    /** 移送: the case (which the sender must be able to see) goes to a peer that takes cases; one open transfer each. */
    async transfer(actor: Actor, input: TransferCreate): Promise<Transfer> {
      requirePermission(actor, HANDLE);
      const source = await ctx.cases.get(actor, input.caseId);
      const peer = await activePeer(actor.tenantId, input.peerId, 'body.peerId');
      if (!sharingOf(peer.sharing).cases) throw fedErrors.field('body.peerId', 'sharing', 'the peer takes no cases');
      if (source.status === 'closed' || source.status === 'voided' || source.status === 'transferred')
        throw fedErrors.badState('a closed, voided or transferred case is not transferred');
      // read and hashed before the transaction: the bytes travel in the signed message
      const photos = await photosForTransfer(ctx.photos, actor, source.photos);
      const at = ctx.now();
      const row: FedTransfersTable = {
        id: newId(),
        tenant_id: actor.tenantId,
        peer_id: peer.id,
        case_id: source.id,
        case_no: source.caseNo,
        status: 'pending',
        peer_case_no: null,
        peer_status: null,
        reason: null,
        note: input.note.trim(),
        created_by: actor.userId,
        created_at: at,
        updated_at: at,
      };
      await db.transaction().execute(async (tx) => {
        if (await repo.openTransferOfCase(tx, actor.tenantId, source.id)) throw fedErrors.alreadyTransferred();
        await repo.insertTransfer(tx, row);
        await outbox.enqueue(tx, {
          tenantId: actor.tenantId,
          peerId: peer.id,
          kind: 'transfer',
          transferId: row.id,
          body: {
            transferId: row.id,
            caseNo: source.caseNo,
            matterCode: source.matterCode,
            description: source.description,
            address: source.address,
            lng: source.lng,
            lat: source.lat,
            reportedAt: source.reportedAt,
            note: row.note,
            photos,
          },
        });
        await audit.record(tx, actor, actor.tenantId, {
          action: 'federation.transfer.send',
          entity: 'federation_transfer',
          entityId: row.id,
          after: { caseNo: source.caseNo, peer: peer.peer_code, note: row.note },
        });
      });
      return transferView({ ...row, peer_name: peer.name });
    },

    async listTransfers(actor: Actor, q: TransferQuery): Promise<Page<Transfer>> {
      requirePermission(actor, READ);
      const { limit, offset } = pageWindow(q.page, q.pageSize);
      const [rows, count] = await repo.listTransfers(
        db,
        actor.tenantId,
        q.caseId,
        limit,
        offset,
        q.q?.trim() || undefined,
      );
      return {
        items: await Promise.all(rows.map(transferView)),
        total: Number(count.n),
        page: q.page ?? 1,
        pageSize: limit,
      };
    },

    /**
     * Accepts what arrived. A transfer becomes a local case through the case intake, with the origin's number as its
     * external number; the intake is keyed by the message id, so an accept retried after a failure finds the same case.
     */
    async accept(actor: Actor, id: string, note?: string): Promise<Message> {
      requirePermission(actor, HANDLE);
      const m = await inboxMessage(actor, id);
      requests.checkBeforeAccept(m);
      const acceptNote = note?.trim() || null;
      let localCaseId: string | null = null;
      let localCaseNo: string | null = null;
      if (m.kind === 'transfer') {
        const b = bodyOf(m.envelope);
        // checked at receipt already; checked again before storing, as the stored row is what is read here
        const checked = checkTransferPhotos(b.photos);
        const stored = await storeTransferPhotos(ctx.photos, actor.tenantId, m.message_id, checked);
        const made = await ctx.cases.intake(
          actor.tenantId,
          {
            channel: 'transfer',
            matterCode: String(b.matterCode),
            description: `${String(b.description)}\n（${m.peer_name}移送，原案件号 ${String(b.caseNo)}）`,
            lng: Number(b.lng),
            lat: Number(b.lat),
            address: typeof b.address === 'string' ? b.address : null,
            externalNo: String(b.caseNo),
            source: `跨区移送 · ${m.peer_name}`,
            ...(stored.photoIds.length ? { photoIds: stored.photoIds, uploader: stored.uploader } : {}),
          },
          { scope: 'federation', key: m.message_id },
        );
        localCaseId = made.caseId;
        localCaseNo = made.caseNo;
      }
      await db.transaction().execute(async (tx) => {
        const won = await repo.decideMessage(tx, m.id, {
          status: 'accepted',
          local_case_id: localCaseId,
          decision_note: acceptNote,
          decided_by: actor.userId,
          updated_at: ctx.now(),
        });
        if (!won) throw fedErrors.badState('the message is already decided');
        if (m.kind === 'transfer')
          await outbox.enqueue(tx, {
            tenantId: actor.tenantId,
            peerId: m.peer_id,
            kind: 'transfer_reply',
            transferId: m.transfer_id,
            body: { transferId: m.transfer_id, decision: 'accepted', caseNo: localCaseNo },
          });
        if (requests.isRequest(m.kind)) await requests.decided(tx, actor, m, 'accepted', acceptNote);
        await audit.record(tx, actor, actor.tenantId, {
          action: `federation.${m.kind}.accept`,
          entity: 'federation_message',
          entityId: m.id,
          after: { localCaseNo, note: acceptNote },
        });
      });
      return messageView((await repo.findMessage(db, actor.tenantId, id))!);
    },

    /**
     * Returns what arrived with a reason; a transfer's origin hears the reason. An accepted transfer may be given back
     * too (it turned out not to be ours): the origin's case leaves `transferred`; the local case made from it stays
     * for our staff to void (作废) like any wrong report.
     */
    async returnMessage(actor: Actor, id: string, reason: string): Promise<Message> {
      requirePermission(actor, HANDLE);
      const m = await inboxMessage(actor, id, true);
      await db.transaction().execute(async (tx) => {
        const won = await repo.decideMessage(
          tx,
          m.id,
          { status: 'returned', decision_note: reason.trim(), decided_by: actor.userId, updated_at: ctx.now() },
          [m.status],
        );
        if (!won) throw fedErrors.badState('the message is already decided');
        if (m.kind === 'transfer')
          await outbox.enqueue(tx, {
            tenantId: actor.tenantId,
            peerId: m.peer_id,
            kind: 'transfer_reply',
            transferId: m.transfer_id,
            body: { transferId: m.transfer_id, decision: 'returned', reason: reason.trim() },
          });
        if (requests.isRequest(m.kind)) await requests.decided(tx, actor, m, 'declined', reason.trim());
        await audit.record(tx, actor, actor.tenantId, {
          action: `federation.${m.kind}.return`,
          entity: 'federation_message',
          entityId: m.id,
          after: { reason: reason.trim() },
        });
      });
      return messageView((await repo.findMessage(db, actor.tenantId, id))!);
    },

    /** A message the outbox gave up on goes back in the queue now. */
    async retry(actor: Actor, id: string): Promise<Message> {
      requirePermission(actor, HANDLE);
      const m = await repo.findMessage(db, actor.tenantId, id);
      if (!m || m.direction !== 'out') throw notFound('federation_message');
      if (m.status !== 'failed') throw fedErrors.badState('only a failed message is retried');
      await db.transaction().execute(async (tx) => {
        await repo.updateMessage(tx, m.id, { status: 'pending', attempts: 0, next_attempt_at: ctx.now() });
        await audit.record(tx, actor, actor.tenantId, {
          action: 'federation.message.retry',
          entity: 'federation_message',
          entityId: m.id,
        });
      });
      return messageView((await repo.findMessage(db, actor.tenantId, id))!);
    },
  };
}
