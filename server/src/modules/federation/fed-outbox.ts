import {
  backoffMs,
  MAX_ATTEMPTS,
  type FederationMessage,
  type MessageKind,
} from '../../../../common/domain/federation.ts';
import type { Executor } from '../../platform/db.ts';
import { newId } from '../../platform/ids.ts';
import { caseRows } from '../cases/index.ts';
import { newNonce, signMessage } from './fed-crypto.ts';
import { bodyOf, type FedContext } from './fed-context.ts';
import * as repo from './federation.repository.ts';

/** How long one runner holds a message while posting it; a runner that dies leaves it to the next after this. */
const LEASE_MS = 60_000;
const BATCH = 100;

/**
 * The outbox (docs/federation.md, "Delivery"): messages are rows written in the transaction of the decision that
 * makes them, and the scheduler's `federation.outbox` job posts them. A message is signed at each attempt with a
 * fresh time and nonce (a peer down for longer than the time window still gets it), keeps its id (the receiver
 * dedups by it), and each peer's messages go in the order they were made: the first failure stops that peer's
 * queue for this run, so a key rotation is never overtaken by a message signed with the new key.
 */
export function createOutbox(ctx: FedContext) {
  const { db, pii } = ctx;

  async function enqueue(
    tx: Executor,
    m: {
      tenantId: string;
      peerId: string;
      kind: MessageKind;
      body: Record<string, unknown>;
      transferId?: string | null;
    },
  ): Promise<string> {
    const at = ctx.now();
    const id = newId();
    await repo.insertMessage(tx, {
      id,
      tenant_id: m.tenantId,
      peer_id: m.peerId,
      direction: 'out',
      message_id: id,
      nonce: newNonce(),
      kind: m.kind,
      envelope: JSON.stringify({ message: { body: m.body }, signature: '' }),
      status: 'pending',
      attempts: 0,
      next_attempt_at: at,
      lease_until: null,
      last_error: null,
      transfer_id: m.transferId ?? null,
      local_case_id: null,
      decision_note: null,
      decided_by: null,
      created_at: at,
      updated_at: at,
    });
    return id;
  }

  type Due = Awaited<ReturnType<typeof repo.dueMessages>>[number];

  async function attempt(m: Due, now: Date): Promise<boolean> {
    const at = now.toISOString();
    const body = bodyOf(m.envelope);
    // A rotation is announced under the key the peer already trusts; everything else under the active key.
    const key =
      m.kind === 'key_rotation'
        ? await repo.ownKeyById(db, m.tenant_id, String(body.oldKeyId))
        : await repo.activeKey(db, m.tenant_id);
    let error: string;
    if (!key || key.status === 'retired') error = 'no signing key';
    else if (m.peer_status !== 'active') error = 'peer revoked';
    else {
      const message: FederationMessage = {
        v: 1,
        id: m.message_id,
        kind: m.kind as FederationMessage['kind'],
        sender: { tenant: key.tenant_code, key: key.key_id },
        recipient: m.peer_code,
        time: at,
        nonce: newNonce(),
        body,
      };
      const envelope = signMessage(pii, key.private_cipher, message);
      try {
        const res = await ctx.transport(`${m.peer_url.replace(/\/+$/, '')}/api/federation/inbox`, envelope);
        if (res.status >= 200 && res.status < 300) {
          await repo.updateMessage(db, m.id, {
            status: 'delivered',
            attempts: Number(m.attempts) + 1,
            envelope: JSON.stringify(envelope),
            nonce: message.nonce,
            next_attempt_at: null,
            lease_until: null,
            last_error: null,
            updated_at: at,
          });
          return true;
        }
        error = `HTTP ${res.status} ${errorCode(res.body)}`.trim();
      } catch (err) {
        error = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
      }
    }
    const attempts = Number(m.attempts) + 1;
    await repo.updateMessage(db, m.id, {
      attempts,
      status: attempts >= MAX_ATTEMPTS ? 'failed' : 'pending',
      next_attempt_at: attempts >= MAX_ATTEMPTS ? null : new Date(now.getTime() + backoffMs(attempts)).toISOString(),
      lease_until: null,
      last_error: error.slice(0, 300),
      updated_at: at,
    });
    return false;
  }

  /** Posts the messages that are due; returns how many were delivered and how many failed this run. */
  async function deliverDue(now: Date): Promise<{ delivered: number; failed: number }> {
    const at = now.toISOString();
    const due = await repo.dueMessages(db, at, BATCH);
    const stopped = new Set<string>();
    let delivered = 0;
    let failed = 0;
    for (const m of due) {
      if (stopped.has(m.peer_id)) continue;
      if (!(await repo.leaseMessage(db, m.id, at, new Date(now.getTime() + LEASE_MS).toISOString()))) {
        stopped.add(m.peer_id);
        continue;
      }
      if (await attempt(m, now)) delivered++;
      else {
        failed++;
        stopped.add(m.peer_id);
      }
    }
    return { delivered, failed };
  }

  /**
   * Progress of accepted transfers (进展): when the local case made from a peer's transfer has changed status since
   * the last report, a `progress` message goes back to the origin.
   */
  async function queueProgress(): Promise<number> {
    const accepted = await repo.acceptedTransfersIn(db);
    if (!accepted.length) return 0;
    const ids = accepted.map((a) => a.local_case_id!);
    const cases = await caseRows(db).select(['c.id', 'c.status', 'c.case_no']).where('c.id', 'in', ids).execute();
    const byId = new Map(cases.map((c) => [c.id, c]));
    let queued = 0;
    for (const a of accepted) {
      const c = byId.get(a.local_case_id!);
      if (!c || !a.transfer_id) continue;
      const last = await repo.lastProgressSent(db, a.tenant_id, a.transfer_id);
      if (last && bodyOf(last.envelope).status === c.status) continue;
      await db.transaction().execute((tx) =>
        enqueue(tx, {
          tenantId: a.tenant_id,
          peerId: a.peer_id,
          kind: 'progress',
          body: { transferId: a.transfer_id, status: c.status, caseNo: c.case_no },
          transferId: a.transfer_id,
        }),
      );
      queued++;
    }
    return queued;
  }

  return { enqueue, deliverDue, queueProgress };
}
export type Outbox = ReturnType<typeof createOutbox>;

function errorCode(body: string): string {
  try {
    return String((JSON.parse(body) as { error?: { code?: string } }).error?.code ?? '');
  } catch {
    return '';
  }
}
