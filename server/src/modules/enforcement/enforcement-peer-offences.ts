import {
  creditCodeProblem,
  idNumberProblem,
  normalizeCreditCode,
  normalizeIdNumber,
} from '../../../../common/domain/enforcement-identity.ts';
import type { Executor } from '../../platform/db.ts';
import { newId } from '../../platform/ids.ts';
import type { PiiCipher } from '../../platform/pii-cipher.ts';
import { enforcementErrors as E } from './enforcement.errors.ts';

/**
 * 互认 (docs/enforcement.md, "Recognised offences of peer cities"): an offence record a peer city sent, accepted by
 * an operator here, counts as a prior offence of the same party in the 首违不罚 repeat check. A person is matched by
 * the blind index of the ID number (the number itself is not kept), an organisation by its credit code.
 */
export interface PeerOffence {
  peerName: string;
  peerCode: string;
  recordNo: string;
  violationCode: string;
  violationOn: string;
  partyKind: 'person' | 'organisation';
  partyName?: string | null;
  idNumber?: string | null;
  creditCode?: string | null;
  decision?: string | null;
  /** the federation message that carried it: recording it twice keeps one row */
  sourceMessageId: string;
}

/** The party's identifier as checked here, or the field error that makes the record unusable. */
export function peerOffenceParty(pii: PiiCipher, o: Pick<PeerOffence, 'partyKind' | 'idNumber' | 'creditCode'>) {
  if (o.partyKind === 'person') {
    const problem = idNumberProblem(o.idNumber ?? '');
    if (problem) throw E.invalidIdNumber('body.idNumber', problem);
    return { party_id_index: pii.index(normalizeIdNumber(o.idNumber!)), party_credit_code: null };
  }
  const problem = creditCodeProblem(o.creditCode ?? '');
  if (problem) throw E.invalidCreditCode('body.creditCode', problem);
  return { party_id_index: null, party_credit_code: normalizeCreditCode(o.creditCode!) };
}

export function createPeerOffences(pii: PiiCipher) {
  return {
    /** Checks a record's party identifier (the sender checks before it signs, the receiver again on accept). */
    check: (o: Pick<PeerOffence, 'partyKind' | 'idNumber' | 'creditCode'>) => void peerOffenceParty(pii, o),

    /** Keeps an accepted record, in the caller's transaction (the operator's accept in the federation inbox). */
    async record(tx: Executor, tenantId: string, o: PeerOffence, acceptedBy: string, at: string): Promise<void> {
      await tx
        .insertInto('enforcement_peer_offences')
        .values({
          id: newId(),
          tenant_id: tenantId,
          peer_name: o.peerName,
          peer_code: o.peerCode,
          record_no: o.recordNo,
          violation_code: o.violationCode,
          violation_on: o.violationOn,
          party_kind: o.partyKind,
          party_name: o.partyName ?? null,
          ...peerOffenceParty(pii, o),
          decision: o.decision ?? null,
          source_message_id: o.sourceMessageId,
          accepted_by: acceptedBy,
          created_at: at,
        })
        .onConflict((oc) => oc.columns(['tenant_id', 'source_message_id']).doNothing())
        .execute();
    },
  };
}
export type PeerOffences = ReturnType<typeof createPeerOffences>;

/** The latest recognised peer offence of the party for the violation inside [since, until], if any. */
export function peerPriorOffence(
  ex: Executor,
  tenantId: string,
  violationCode: string,
  since: string,
  until: string,
  party: { indexes: string[] } | { creditCode: string },
) {
  let q = ex
    .selectFrom('enforcement_peer_offences')
    .select(['id', 'peer_name', 'record_no', 'violation_on'])
    .where('tenant_id', '=', tenantId)
    .where('violation_code', '=', violationCode)
    .where('violation_on', '>=', since)
    .where('violation_on', '<=', until);
  q =
    'indexes' in party
      ? q.where('party_id_index', 'in', party.indexes)
      : q.where('party_credit_code', '=', party.creditCode);
  return q.orderBy('violation_on', 'desc').executeTakeFirst();
}
