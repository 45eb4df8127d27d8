import type {
  FrAgreementsTable,
  FrCommitteesTable,
  FrInspectionsTable,
  FrSelfReportsTable,
  FrShiftsTable,
  FrVolunteersTable,
} from '../../db/schema-frontage.ts';
import { DEFAULT_LIST_RULE, monthRange, rankMonth } from '../../../../common/domain/frontage.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Executor } from '../../platform/db.ts';
import { newId } from '../../platform/ids.ts';
import { nextSequence } from '../../platform/sequences.ts';
import * as repo from './frontage.repository.ts';

type Stamped = 'id' | 'tenant_id' | 'created_by' | 'created_at' | 'updated_at';
export interface FrSeed {
  /** each agreement with its inspections (day and score) */
  /** numbers are drawn from the same sequences as the service's, so later agreements and sign-ups follow on */
  agreements: (Omit<FrAgreementsTable, Stamped | 'agreement_no'> & {
    inspections: Pick<FrInspectionsTable, 'inspected_on' | 'score' | 'findings'>[];
  })[];
  /** months whose lists are published with the default rule */
  publishedMonths: string[];
  volunteers: (Omit<FrVolunteersTable, Stamped | 'volunteer_no'> & {
    shifts: Omit<FrShiftsTable, Stamped | 'volunteer_id'>[];
  })[];
  committees: (Omit<FrCommitteesTable, Stamped> & {
    reports: Omit<FrSelfReportsTable, Stamped | 'committee_id'>[];
  })[];
}

/** Writes demo records for the seed (server/src/seed/); not audited: no person made them. `by` is the recording user. */
export async function seedFrontage(db: Executor, tenantId: string, clock: Clock, by: string, seed: FrSeed) {
  const at = clock.now().toISOString();
  const stamp = { tenant_id: tenantId, created_by: by, created_at: at, updated_at: at };
  const scores: { agreementId: string; shopName: string; day: string; score: number }[] = [];
  for (const { inspections, ...a } of seed.agreements) {
    const year = a.signed_on.slice(0, 4);
    const seq = await nextSequence(db, tenantId, `frontage-agreement-${year}`);
    const row = { ...a, ...stamp, id: newId(), agreement_no: `MQSB${year}-${String(seq).padStart(4, '0')}` };
    await repo.insertAgreement(db, row);
    for (const i of inspections) {
      await repo.insertInspection(db, {
        ...i,
        id: newId(),
        tenant_id: tenantId,
        agreement_id: row.id,
        rectify_by: null,
        inspector_id: by,
        created_at: at,
      });
      scores.push({ agreementId: row.id, shopName: row.shop_name, day: i.inspected_on, score: i.score });
    }
  }
  for (const month of seed.publishedMonths) {
    const { from, to } = monthRange(month);
    const shops = new Map<string, { agreementId: string; shopName: string; scores: number[] }>();
    for (const s of scores.filter((x) => x.day >= from && x.day <= to)) {
      const e = shops.get(s.agreementId) ?? { agreementId: s.agreementId, shopName: s.shopName, scores: [] };
      e.scores.push(s.score);
      shops.set(s.agreementId, e);
    }
    const lists = rankMonth([...shops.values()], DEFAULT_LIST_RULE);
    const publication = {
      id: newId(),
      tenant_id: tenantId,
      month,
      rule: JSON.stringify(DEFAULT_LIST_RULE),
      published_at: at,
      published_by: by,
    };
    await repo.insertPublication(
      db,
      publication,
      (['red', 'black'] as const).flatMap((kind) =>
        lists[kind].map((e) => ({
          id: newId(),
          tenant_id: tenantId,
          publication_id: publication.id,
          kind,
          rank: e.rank,
          agreement_id: e.agreementId,
          shop_name: e.shopName,
          average_x10: Math.round(e.average * 10),
          inspections: e.inspections,
        })),
      ),
    );
  }
  for (const { shifts, ...v } of seed.volunteers) {
    const year = at.slice(0, 4);
    const seq = await nextSequence(db, tenantId, `frontage-volunteer-${year}`);
    const no = `TYG${year}-${String(seq).padStart(4, '0')}`;
    const row = { ...v, id: newId(), tenant_id: tenantId, volunteer_no: no, created_at: at, updated_at: at };
    await repo.insertVolunteer(db, row);
    for (const s of shifts) await repo.insertShift(db, { ...s, ...stamp, id: newId(), volunteer_id: row.id });
  }
  for (const { reports, ...c } of seed.committees) {
    const row = { ...c, ...stamp, id: newId() };
    await repo.insertCommittee(db, row);
    for (const r of reports)
      await repo.insertSelfReport(db, {
        ...r,
        id: newId(),
        tenant_id: tenantId,
        committee_id: row.id,
        created_by: by,
        created_at: at,
      });
  }
}

export const hasFrontage = (db: Executor, tenantId: string) => repo.hasAgreements(db, tenantId);
