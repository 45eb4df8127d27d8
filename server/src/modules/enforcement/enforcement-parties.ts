/** The party of a case (ID number encrypted, or credit code), the officers of a step, and the case summary. */
import type {
  EnforcementCaseCreate,
  EnforcementCaseSummary,
  PartyLookup,
} from '../../../../common/contracts/enforcement.ts';
import {
  creditCodeProblem,
  idNumberProblem,
  maskIdNumber,
  normalizeCreditCode,
  normalizeIdNumber,
} from '../../../../common/domain/enforcement-identity.ts';
import type {
  EnforcementSource,
  EnforcementStage,
  LeniencyMark,
} from '../../../../common/domain/enforcement-lifecycle.ts';
import type { Selectable } from 'kysely';
import type { EnforcementCasesTable } from '../../db/schema-enforcement.ts';

import type { Executor } from '../../platform/db.ts';
import type { PiiCipher } from '../../platform/pii-cipher.ts';
import { requirePermission, type Actor } from '../auth/index.ts';
import { enforcementErrors as E } from './enforcement.errors.ts';
import * as repo from './enforcement.repository.ts';
import { caseScope, scopeFilter } from './enforcement-scope.ts';

export type CaseRow = Selectable<EnforcementCasesTable>;

export function partyColumns(pii: PiiCipher, party: EnforcementCaseCreate['party']) {
  if (party.kind === 'person') {
    if (party.creditCode !== undefined)
      throw E.field('body.party.creditCode', 'kind', 'a person has an ID number, not a credit code');
    const problem = idNumberProblem(party.idNumber ?? '');
    if (problem) throw E.invalidIdNumber('body.party.idNumber', problem);
    const id = normalizeIdNumber(party.idNumber as string);
    return {
      party_id_cipher: pii.encrypt(id),
      party_id_index: pii.index(id),
      party_id_masked: maskIdNumber(id),
      party_credit_code: null,
    };
  }
  if (party.idNumber !== undefined)
    throw E.field('body.party.idNumber', 'kind', 'an organisation has a credit code, not an ID number');
  const problem = creditCodeProblem(party.creditCode ?? '');
  if (problem) throw E.invalidCreditCode('body.party.creditCode', problem);
  return {
    party_id_cipher: null,
    party_id_index: null,
    party_id_masked: null,
    party_credit_code: normalizeCreditCode(party.creditCode as string),
  };
}

export const summaryOf = (r: CaseRow): EnforcementCaseSummary => ({
  id: r.id,
  caseNo: r.case_no,
  procedure: r.procedure,
  source: r.source as EnforcementSource,
  stage: r.stage as EnforcementStage,
  violationCode: r.violation_code,
  partyKind: r.party_kind,
  partyName: r.party_name,
  partyIdentifier: r.party_kind === 'person' ? r.party_id_masked : r.party_credit_code,
  fineFen: r.fine_fen === null ? null : Number(r.fine_fen),
  decisionNo: r.decision_no,
  decisionDue: r.decision_due,
  unitId: r.unit_id,
  leniency: r.leniency as LeniencyMark | null,
  createdAt: r.created_at,
});

/** Earlier cases of a party (repeat offences), by ID number or credit code; identifiers are shown masked. */
export async function lookupParty(
  db: Executor,
  pii: PiiCipher,
  actor: Actor,
  q: PartyLookup,
): Promise<EnforcementCaseSummary[]> {
  requirePermission(actor, 'enforcement.read');
  if ((q.idNumber === undefined) === (q.creditCode === undefined))
    throw E.field('body.idNumber', 'exclusive', 'give either an ID number or a credit code');
  if (q.idNumber !== undefined) {
    const problem = idNumberProblem(q.idNumber);
    if (problem) throw E.invalidIdNumber('body.idNumber', problem);
    const rows = await repo.partyCases(
      db,
      actor.tenantId,
      {
        indexes: pii.indexes(normalizeIdNumber(q.idNumber)),
      },
      scopeFilter(caseScope(actor)),
    );
    return rows.map(summaryOf);
  }
  const problem = creditCodeProblem(q.creditCode as string);
  if (problem) throw E.invalidCreditCode('body.creditCode', problem);
  const rows = await repo.partyCases(
    db,
    actor.tenantId,
    { creditCode: normalizeCreditCode(q.creditCode as string) },
    scopeFilter(caseScope(actor)),
  );
  return rows.map(summaryOf);
}
