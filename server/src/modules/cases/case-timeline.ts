import { createHash } from 'node:crypto';
import type { CaseEventsTable, CasesTable } from '../../db/schema.ts';
import { compiledStatement } from '../../platform/compiled-statements.ts';
import { canonicalRow, type ChainKey, type ChainKeys } from '../../platform/chain-keys.ts';
import type { Executor } from '../../platform/db.ts';
import { CURRENT_HASH_VERSION, GENESIS, keyedHash, type ChainFormat } from '../../platform/hash-chain.ts';
import { newId } from '../../platform/ids.ts';
import { refreshPublicCases, writeNewPublicCase } from './case-public-rows.ts';

// Every step writes one (platform/compiled-statements.ts).
const insertEvent = compiledStatement((tx, row: CaseEventsTable) => tx.insertInto('case_events').values(row));

/**
 * Every action is a row, hash-chained per case so an edited or deleted row is detectable (docs/conventions.md, "Audit").
 * The formats are in platform/hash-chain.ts and written down in docs/security.md.
 */
export interface EventInput {
  tenantId: string;
  caseId: string;
  at: string;
  actorId: string | null;
  actorName: string | null;
  actorRole: string | null;
  action: string;
  fromStatus: string | null;
  toStatus: string | null;
  note: string | null;
  data: Record<string, unknown> | null;
}

export const CASE_GENESIS = GENESIS;

/** Version 2 covers these columns, in this order: every column of case_events except `hash`. */
export const CASE_EVENT_V2_COLUMNS = [
  'id',
  'tenant_id',
  'case_id',
  'seq',
  'at',
  'actor_id',
  'actor_name',
  'actor_role',
  'action',
  'from_status',
  'to_status',
  'note',
  'data_json',
  'prev_hash',
  'hash_version',
] as const satisfies readonly (keyof CaseEventsTable)[];

export type EventChainRow = Omit<CaseEventsTable, 'hash'>;

export const timelineFormat: ChainFormat<EventChainRow> = {
  // Version 1 left out id, actor_name and actor_role: a step could be credited to someone else unnoticed.
  legacyHash: (r) =>
    createHash('sha256')
      .update(
        JSON.stringify([
          r.tenant_id,
          r.case_id,
          Number(r.seq),
          r.at,
          r.actor_id,
          r.action,
          r.from_status,
          r.to_status,
          r.note,
          r.data_json,
          r.prev_hash,
        ]),
      )
      .digest('hex'),
  message: (r) =>
    canonicalRow(
      'cityloop/case_events/v2',
      CASE_EVENT_V2_COLUMNS.map((c) => (c === 'seq' || c === 'hash_version' ? Number(r[c]) : r[c])),
    ),
};

/** The row for event `e` at position `seq` after `prevHash`, hashed under `key` (also used by bulk loaders). */
export function eventRow(
  e: EventInput,
  seq: number,
  prevHash: string,
  key: ChainKey,
  id: string = newId(),
): CaseEventsTable {
  const row: EventChainRow = {
    id,
    tenant_id: e.tenantId,
    case_id: e.caseId,
    seq,
    at: e.at,
    actor_id: e.actorId,
    actor_name: e.actorName,
    actor_role: e.actorRole,
    action: e.action,
    from_status: e.fromStatus,
    to_status: e.toStatus,
    note: e.note,
    data_json: e.data ? JSON.stringify(e.data) : null,
    prev_hash: prevHash,
    hash_version: CURRENT_HASH_VERSION,
  };
  return { ...row, hash: keyedHash(timelineFormat, row, key) };
}

/**
 * appendEvent bound to the installation's keys: appends one row in the caller's transaction. Every change of a case
 * writes its timeline here, so the public row of the case is brought up to date here too, in the same transaction.
 */
export function timelineWriter(keys: ChainKeys) {
  /**
   * `first`: the case was created in this same transaction, so it has no event yet and the chain starts at the
   * genesis without reading it. When it also gives the row as written and no photos were attached, the public row
   * is built from that row and this event instead of read back. Answers the row written.
   */
  return async function appendEvent(
    tx: Executor,
    e: EventInput,
    first: boolean | { written: CasesTable; photos: boolean } = false,
  ): Promise<CaseEventsTable> {
    const last = first
      ? undefined
      : await tx
          .selectFrom('case_events')
          .select(['seq', 'hash'])
          .where('case_id', '=', e.caseId)
          .orderBy('seq', 'desc')
          .limit(1)
          .executeTakeFirst();
    const row = eventRow(e, (last ? Number(last.seq) : 0) + 1, last?.hash ?? CASE_GENESIS, keys.current);
    await insertEvent.execute(tx, row);
    if (typeof first === 'object' && !first.photos && first.written.id === e.caseId)
      await writeNewPublicCase(tx, first.written, row);
    else await refreshPublicCases(tx, e.tenantId, [e.caseId]);
    return row;
  };
}
