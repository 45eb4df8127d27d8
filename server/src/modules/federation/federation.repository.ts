import type {
  FedKeysTable,
  FedMessagesTable,
  FedPeerKeysTable,
  FedPeersTable,
  FedTransfersTable,
} from '../../db/schema-federation.ts';
import type { Executor } from '../../platform/db.ts';

/** Kysely queries of the federation tables (docs/federation.md); the service owns the transactions. */

// ---- own keys

export const ownKeys = (db: Executor, tenantId: string) =>
  db.selectFrom('fed_keys').selectAll().where('tenant_id', '=', tenantId).orderBy('created_at', 'desc').execute();

export const activeKey = (db: Executor, tenantId: string) =>
  db
    .selectFrom('fed_keys')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('status', '=', 'active')
    .executeTakeFirst();

export const ownKeyById = (db: Executor, tenantId: string, keyId: string) =>
  db
    .selectFrom('fed_keys')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('key_id', '=', keyId)
    .executeTakeFirst();

export const insertKey = (db: Executor, row: FedKeysTable) => db.insertInto('fed_keys').values(row).execute();

export const retireKey = (db: Executor, id: string, status: string, validUntil: string | null) =>
  db.updateTable('fed_keys').set({ status, valid_until: validUntil }).where('id', '=', id).execute();

/** Keys whose overlap window has ended are retired (they sign nothing more). */
export const retireExpiredKeys = (db: Executor, now: string) =>
  db
    .updateTable('fed_keys')
    .set({ status: 'retired' })
    .where('status', '=', 'retiring')
    .where('valid_until', '<=', now)
    .execute();

/** Which tenant a recipient code names: the tenant that holds federation keys under that code. */
export const tenantByCode = (db: Executor, code: string) =>
  db.selectFrom('fed_keys').select('tenant_id').where('tenant_code', '=', code).executeTakeFirst();

// ---- peers

export const findPeer = (db: Executor, tenantId: string, id: string) =>
  db.selectFrom('fed_peers').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();

export const peerByCode = (db: Executor, tenantId: string, code: string) =>
  db
    .selectFrom('fed_peers')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('peer_code', '=', code)
    .executeTakeFirst();

export const listPeers = (db: Executor, tenantId: string, q: string | undefined, limit: number, offset: number) => {
  let base = db.selectFrom('fed_peers').where('tenant_id', '=', tenantId);
  if (q) base = base.where((eb) => eb.or([eb('name', 'like', `%${q}%`), eb('peer_code', 'like', `%${q}%`)]));
  return Promise.all([
    base.selectAll().orderBy('name').orderBy('id').limit(limit).offset(offset).execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
};

export const insertPeer = (db: Executor, row: FedPeersTable) => db.insertInto('fed_peers').values(row).execute();

export const updatePeer = (db: Executor, id: string, set: Partial<FedPeersTable>) =>
  db.updateTable('fed_peers').set(set).where('id', '=', id).execute();

export const peerKeys = (db: Executor, peerIds: readonly string[]) =>
  peerIds.length
    ? db.selectFrom('fed_peer_keys').selectAll().where('peer_id', 'in', peerIds).orderBy('created_at', 'desc').execute()
    : Promise.resolve([] as FedPeerKeysTable[]);

export const peerKey = (db: Executor, peerId: string, keyId: string) =>
  db
    .selectFrom('fed_peer_keys')
    .selectAll()
    .where('peer_id', '=', peerId)
    .where('key_id', '=', keyId)
    .executeTakeFirst();

export const insertPeerKey = (db: Executor, row: FedPeerKeysTable) =>
  db.insertInto('fed_peer_keys').values(row).execute();

export const updatePeerKey = (db: Executor, id: string, set: Partial<FedPeerKeysTable>) =>
  db.updateTable('fed_peer_keys').set(set).where('id', '=', id).execute();

// ---- messages

export const insertMessage = (db: Executor, row: FedMessagesTable) =>
  db.insertInto('fed_messages').values(row).execute();

export const updateMessage = (db: Executor, id: string, set: Partial<FedMessagesTable>) =>
  db.updateTable('fed_messages').set(set).where('id', '=', id).execute();

/** An operator's decision on a received message; false when another decision came first. */
/** Decides a message still in one of `from` (received, or an accepted transfer given back): false when another won. */
export async function decideMessage(
  db: Executor,
  id: string,
  set: Partial<FedMessagesTable>,
  from: readonly string[] = ['received'],
): Promise<boolean> {
  const res = await db
    .updateTable('fed_messages')
    .set(set)
    .where('id', '=', id)
    .where('status', 'in', from)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** Our own recognition request or joint-action invitation to a peer, by the message id the peer saw. */
export const sentRequest = (db: Executor, tenantId: string, peerId: string, messageId: string) =>
  db
    .selectFrom('fed_messages')
    .select(['id'])
    .where('tenant_id', '=', tenantId)
    .where('peer_id', '=', peerId)
    .where('direction', '=', 'out')
    .where('message_id', '=', messageId)
    .where('kind', 'in', ['recognition', 'joint_action'])
    .executeTakeFirst();

export const findMessage = (db: Executor, tenantId: string, id: string) =>
  db
    .selectFrom('fed_messages as m')
    .innerJoin('fed_peers as p', 'p.id', 'm.peer_id')
    .selectAll('m')
    .select(['p.name as peer_name'])
    .where('m.tenant_id', '=', tenantId)
    .where('m.id', '=', id)
    .executeTakeFirst();

export const receivedById = (db: Executor, tenantId: string, peerId: string, messageId: string) =>
  db
    .selectFrom('fed_messages')
    .select(['id'])
    .where('tenant_id', '=', tenantId)
    .where('peer_id', '=', peerId)
    .where('direction', '=', 'in')
    .where('message_id', '=', messageId)
    .executeTakeFirst();

export const receivedByNonce = (db: Executor, tenantId: string, peerId: string, nonce: string) =>
  db
    .selectFrom('fed_messages')
    .select(['id', 'message_id'])
    .where('tenant_id', '=', tenantId)
    .where('peer_id', '=', peerId)
    .where('direction', '=', 'in')
    .where('nonce', '=', nonce)
    .executeTakeFirst();

export interface MessageFilter {
  direction: 'in' | 'out';
  status?: string | undefined;
  kind?: string | undefined;
  peerId?: string | undefined;
  /** peer name or any text of the message (a plate, a case number) */
  q?: string | undefined;
}

export function listMessages(db: Executor, tenantId: string, f: MessageFilter, limit: number, offset: number) {
  let base = db
    .selectFrom('fed_messages as m')
    .innerJoin('fed_peers as p', 'p.id', 'm.peer_id')
    .where('m.tenant_id', '=', tenantId)
    .where('m.direction', '=', f.direction);
  if (f.status) base = base.where('m.status', '=', f.status);
  if (f.kind) base = base.where('m.kind', '=', f.kind);
  if (f.peerId) base = base.where('m.peer_id', '=', f.peerId);
  if (f.q) {
    const like = `%${f.q}%`;
    base = base.where((eb) => eb.or([eb('p.name', 'like', like), eb('m.envelope', 'like', like)]));
  }
  return Promise.all([
    base
      .selectAll('m')
      .select(['p.name as peer_name'])
      .orderBy('m.created_at', 'desc')
      .orderBy('m.id', 'desc')
      .limit(limit)
      .offset(offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
}

/** Outbound messages due now, oldest first per peer (delivery keeps each peer's order). */
export const dueMessages = (db: Executor, now: string, limit: number) =>
  db
    .selectFrom('fed_messages as m')
    .innerJoin('fed_peers as p', 'p.id', 'm.peer_id')
    .selectAll('m')
    .select(['p.url as peer_url', 'p.peer_code', 'p.status as peer_status'])
    .where('m.direction', '=', 'out')
    .where('m.status', '=', 'pending')
    .where('m.next_attempt_at', '<=', now)
    .orderBy('m.created_at')
    .orderBy('m.id')
    .limit(limit)
    .execute();

/** Takes the delivery lease of one message; false when another runner holds it. */
export async function leaseMessage(db: Executor, id: string, now: string, until: string): Promise<boolean> {
  const res = await db
    .updateTable('fed_messages')
    .set({ lease_until: until })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<=', now)]))
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** Accepted inbound transfers and the status last reported back for each (progress messages). */
export const acceptedTransfersIn = (db: Executor) =>
  db
    .selectFrom('fed_messages')
    .select(['id', 'tenant_id', 'peer_id', 'transfer_id', 'local_case_id'])
    .where('direction', '=', 'in')
    .where('kind', '=', 'transfer')
    .where('status', '=', 'accepted')
    .where('local_case_id', 'is not', null)
    .execute();

export const lastProgressSent = (db: Executor, tenantId: string, transferId: string) =>
  db
    .selectFrom('fed_messages')
    .select(['envelope'])
    .where('tenant_id', '=', tenantId)
    .where('direction', '=', 'out')
    .where('kind', '=', 'progress')
    .where('transfer_id', '=', transferId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();

export const progressOf = (db: Executor, tenantId: string, transferId: string) =>
  db
    .selectFrom('fed_messages')
    .select(['envelope', 'created_at'])
    .where('tenant_id', '=', tenantId)
    .where('direction', '=', 'in')
    .where('kind', '=', 'progress')
    .where('transfer_id', '=', transferId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();

// ---- transfers

export const insertTransfer = (db: Executor, row: FedTransfersTable) =>
  db.insertInto('fed_transfers').values(row).execute();

export const findTransfer = (db: Executor, tenantId: string, id: string) =>
  db.selectFrom('fed_transfers').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();

export const updateTransfer = (db: Executor, id: string, set: Partial<FedTransfersTable>) =>
  db.updateTable('fed_transfers').set(set).where('id', '=', id).execute();

export const openTransferOfCase = (db: Executor, tenantId: string, caseId: string) =>
  db
    .selectFrom('fed_transfers')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('case_id', '=', caseId)
    .where('status', 'in', ['pending', 'accepted'])
    .executeTakeFirst();

export function listTransfers(
  db: Executor,
  tenantId: string,
  caseId: string | undefined,
  limit: number,
  offset: number,
  q?: string,
) {
  let base = db
    .selectFrom('fed_transfers as t')
    .innerJoin('fed_peers as p', 'p.id', 't.peer_id')
    .where('t.tenant_id', '=', tenantId);
  if (caseId) base = base.where('t.case_id', '=', caseId);
  if (q) {
    const like = `%${q}%`;
    base = base.where((eb) =>
      eb.or([eb('t.case_no', 'like', like), eb('t.peer_case_no', 'like', like), eb('p.name', 'like', like)]),
    );
  }
  return Promise.all([
    base
      .selectAll('t')
      .select(['p.name as peer_name'])
      .orderBy('t.created_at', 'desc')
      .orderBy('t.id', 'desc')
      .limit(limit)
      .offset(offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
}

// ---- report-up watermark

export const reportMark = (db: Executor, tenantId: string) =>
  db.selectFrom('fed_report_marks').selectAll().where('tenant_id', '=', tenantId).executeTakeFirst();

export async function setReportMark(db: Executor, tenantId: string, lastDay: string, at: string) {
  await db
    .insertInto('fed_report_marks')
    .values({ tenant_id: tenantId, last_day: lastDay, updated_at: at })
    .onConflict((oc) => oc.column('tenant_id').doUpdateSet({ last_day: lastDay, updated_at: at }))
    .execute();
}
