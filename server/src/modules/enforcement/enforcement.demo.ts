/**
 * Demo enforcement cases of 大冶市 (docs/demo-city.md, "Enforcement cases"). The 2023 totals follow the bureau's 2023
 * work report: 840 市容秩序 violations dealt with and corrected, 148,435 yuan in fines, so the yearly report writes
 * 「查处并整改市容秩序问题840起，处罚金额148435元」 from records. How they split is synthetic and deterministic: 60
 * first offences without a penalty (首违不罚), 740 on-the-spot fines of 50–200 yuan, 40 ordinary-procedure fines
 * that make up the rest. Beside them, a dozen open cases dated around the seeding day stand in every stage of the
 * ordinary procedure, so the list, the drawer's forms and the deadline sweep have something to show. Parties are
 * synthetic businesses with valid credit codes (no person's ID number is invented).
 */
import { creditCodeCheckChar } from '../../../../common/domain/enforcement-identity.ts';
import type { Insertable } from 'kysely';
import type { EnforcementCasesTable } from '../../db/schema-enforcement.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Executor } from '../../platform/db.ts';
import { newId } from '../../platform/ids.ts';
import { reserveSequence } from '../../platform/sequences.ts';

const DAY = 86_400_000;
const shift = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
const ROADS = ['乾塔路', '新冶大道', '罗桥路', '冶炼路', '大冶大道', '铜都路', '东岳路', '金山大道'];
const SHOPS = ['便利店', '水果店', '烧烤店', '五金店', '早餐店', '服装店', '餐馆', '建材店'];
const CODES = ['zdjy', 'lztx', 'ztps', 'cyyy'] as const;
const FACTS: Record<string, string> = {
  zdjy: '店外占道经营，影响通行',
  lztx: '在公共设施上乱张贴小广告',
  ztps: '运输渣土车辆抛洒滴漏',
  cyyy: '餐饮油烟未经净化直排',
  wfjs: '未经规划许可搭建构筑物',
};

/** A 个体工商户 credit code (92 + 大冶市 420281 + a 9-character number) with its GB 32100 check character. */
function creditCode(n: number): string {
  const first17 = `92420281${String(1_000_000_000 + n).slice(1)}`;
  const check = creditCodeCheckChar(first17);
  if (!check) throw new Error(`not a credit code body: ${first17}`);
  return `${first17}${check}`;
}

export interface DemoEnforcementInput {
  today: string;
  createdBy: string;
  /** with their names: the case record's steps show who acted (the detail's schema requires the name) */
  officers: readonly { userId: string; name: string; certNo: string }[];
  squads: readonly string[];
  decisionPrefix: string;
  summaryPrefix: string;
}

export async function seedDemoEnforcement(tx: Executor, tenantId: string, clock: Clock, input: DemoEnforcementInput) {
  const now = clock.now().toISOString();
  const cases: Insertable<EnforcementCasesTable>[] = [];
  const payments: { case_id: string; amount_fen: number; paid_on: string }[] = [];

  // 2023: 840 decisions totalling 148,435 yuan.
  const first = await reserveSequence(tx, tenantId, 'enforcement.case:2023', 840);
  const firstSummary = await reserveSequence(tx, tenantId, 'enforcement.summary:2023', 740);
  const firstDecision = await reserveSequence(tx, tenantId, 'enforcement.decision:2023', 40);
  let summaryNo = firstSummary;
  let decisionNo = firstDecision;
  const spot = Array.from({ length: 840 }, (_, i) => (i % 14 === 0 ? 0 : i % 21 === 1 ? -1 : 50 + ((i * 7) % 4) * 50));
  const spotTotal = spot.reduce((s, y) => s + Math.max(0, y), 0);
  const ordinaryTotal = 148_435 - spotTotal;
  const ordinary = Array.from({ length: 40 }, (_, k) =>
    k < 39 ? Math.floor(ordinaryTotal / 40) : ordinaryTotal - 39 * Math.floor(ordinaryTotal / 40),
  );
  let k = 0;
  for (let i = 0; i < 840; i++) {
    const decided = shift('2023-01-03', Math.floor((i * 360) / 840));
    const code = i % 21 === 1 ? 'wfjs' : CODES[i % CODES.length]!;
    const kind = spot[i] === 0 ? 'no_penalty' : 'fine';
    const isOrdinary = spot[i] === -1;
    const yuan = isOrdinary ? ordinary[k++]! : (spot[i] as number);
    const filed = isOrdinary ? shift(decided, -30) : decided;
    const id = newId();
    cases.push({
      id,
      tenant_id: tenantId,
      case_no: `ZF2023${String(first + i).padStart(5, '0')}`,
      procedure: isOrdinary || kind === 'no_penalty' ? 'ordinary' : 'summary',
      source: i % 5 === 0 ? 'complaint' : 'patrol',
      stage: 'archived',
      unit_id: input.squads[i % input.squads.length] ?? null,
      violation_code: kind === 'no_penalty' ? 'zdjy' : code,
      facts: FACTS[kind === 'no_penalty' ? 'zdjy' : code] as string,
      address: `${ROADS[i % ROADS.length]}${1 + ((i * 37) % 300)}号`,
      violation_on: filed,
      party_kind: 'organisation',
      party_name: `大冶市${ROADS[(i * 3) % ROADS.length]}${SHOPS[i % SHOPS.length]}`,
      party_credit_code: creditCode(i + 1),
      decision_kind: kind,
      fine_fen: kind === 'fine' ? yuan * 100 : 0,
      decision_no:
        kind === 'no_penalty'
          ? null
          : isOrdinary
            ? `${input.decisionPrefix}〔2023〕第${decisionNo++}号`
            : `${input.summaryPrefix}〔2023〕第${summaryNo++}号`,
      decided_on: decided,
      filed_on: filed,
      decision_due: isOrdinary || kind === 'no_penalty' ? shift(filed, 90) : null,
      leniency: kind === 'no_penalty' ? 'first_offence' : null,
      served_on: decided,
      payment_due: kind === 'fine' ? shift(decided, 15) : null,
      paid_fen: kind === 'fine' ? yuan * 100 : 0,
      closed_on: shift(decided, 10),
      archived_on: shift(decided, 20),
      created_by: input.createdBy,
      created_at: `${filed}T01:30:00.000Z`,
      updated_at: `${shift(decided, 20)}T01:30:00.000Z`,
    });
    if (kind === 'fine') payments.push({ case_id: id, amount_fen: yuan * 100, paid_on: shift(decided, i % 10) });
  }

  // Open cases around the seeding day, one or more in each stage.
  const t = input.today;
  const year = t.slice(0, 4);
  const open = await reserveSequence(tx, tenantId, `enforcement.case:${year}`, 12);
  const openDecision = await reserveSequence(tx, tenantId, `enforcement.decision:${year}`, 5);
  const stages: [string, number, Partial<Insertable<EnforcementCasesTable>>][] = [
    ['filing', 1, { violation_code: 'zdjy', leniency: 'first_offence' }],
    ['investigating', 10, {}],
    ['investigating', 95, {}], // past the 90 days: the sweep raises red and 督办
    ['correcting', 20, {}],
    ['legal_review', 40, { major: 1, proposed_fine_fen: 2_000_000 }],
    [
      'notifying',
      30,
      { hearing: 1, proposed_fine_fen: 12_000_000, statement_due: shift(t, 2), hearing_due: shift(t, 4) },
    ],
    ['deciding', 50, { proposed_fine_fen: 500_000 }],
    ['serving', 45, { decided: 3, fine: 500_000 }],
    ['executing', 45, { decided: 8, served: 5, fine: 300_000 }],
    ['executing', 80, { decided: 42, served: 40, fine: 1_000_000 }], // overdue: late fee, court step
    ['closed', 70, { decided: 30, served: 28, fine: 200_000, paid: true }],
    ['archived', 120, { decided: 60, served: 58, fine: 400_000, paid: true }],
  ] as never;
  let n = 0;
  for (const [stage, age, extra] of stages) {
    const e = extra as Record<string, unknown>;
    const filed = stage === 'filing' ? null : shift(t, -age);
    const decided = typeof e.decided === 'number' ? shift(t, -e.decided) : null;
    const served = typeof e.served === 'number' ? shift(t, -e.served) : null;
    const fine = (e.fine as number | undefined) ?? null;
    const code = (e.violation_code as string | undefined) ?? 'wfjs';
    const id = newId();
    cases.push({
      id,
      tenant_id: tenantId,
      case_no: `ZF${year}${String(open + n).padStart(5, '0')}`,
      procedure: 'ordinary',
      source: n % 3 === 0 ? 'hotline' : 'patrol',
      stage,
      major: (e.major as number | undefined) ?? 0,
      unit_id: input.squads[0] ?? null,
      violation_code: code,
      facts: FACTS[code] as string,
      address: `${ROADS[n % ROADS.length]}${10 + n * 13}号`,
      violation_on: shift(t, -age - 2),
      party_kind: 'organisation',
      party_name: `大冶市${ROADS[(n * 5) % ROADS.length]}${SHOPS[(n + 3) % SHOPS.length]}`,
      party_credit_code: creditCode(900 + n),
      proposed_fine_fen: (e.proposed_fine_fen as number | undefined) ?? fine,
      decision_kind: decided ? 'fine' : null,
      fine_fen: decided ? fine : null,
      decision_no: decided ? `${input.decisionPrefix}〔${year}〕第${openDecision + n - 7}号` : null,
      decided_on: decided,
      filed_on: filed,
      decision_due: filed ? shift(filed, 90) : null,
      hearing: (e.hearing as number | undefined) ?? 0,
      statement_due: (e.statement_due as string | undefined) ?? null,
      hearing_due: (e.hearing_due as string | undefined) ?? null,
      service_due: decided ? shift(decided, 9) : null,
      served_on: served,
      payment_due: served ? shift(served, 15) : null,
      paid_fen: e.paid ? (fine as number) : 0,
      closed_on: (stage === 'closed' || stage === 'archived') && served ? shift(served, 6) : null,
      archived_on: stage === 'archived' && served ? shift(served, 16) : null,
      leniency: (e.leniency as string | undefined) ?? null,
      created_by: input.createdBy,
      created_at: `${filed ?? t}T01:30:00.000Z`,
      updated_at: now,
    });
    if (e.paid && served) payments.push({ case_id: id, amount_fen: fine as number, paid_on: shift(served, 5) });
    n++;
  }

  // One shape for every row of a bulk insert (SQLite fills a missing column with NULL, not its default).
  const DEFAULTS = { major: 0, discussion: 0, hearing: 0, extension_days: 0, paid_fen: 0, version: 1 };
  for (const [i, c] of cases.entries()) cases[i] = { ...DEFAULTS, ...c };
  for (let i = 0; i < cases.length; i += 100)
    await tx
      .insertInto('enforcement_cases')
      .values(cases.slice(i, i + 100))
      .execute();
  const officerRows = cases.flatMap((c) =>
    input.officers.slice(0, 2).map((o) => ({ case_id: c.id, user_id: o.userId, cert_no: o.certNo })),
  );
  for (let i = 0; i < officerRows.length; i += 200)
    await tx
      .insertInto('enforcement_officers')
      .values(officerRows.slice(i, i + 200))
      .execute();
  const events = cases.map((c) => ({
    id: newId(),
    tenant_id: tenantId,
    case_id: c.id,
    action: c.procedure === 'summary' ? 'summary_decision' : 'apply_filing',
    from_stage: null,
    to_stage: c.stage,
    actor_id: input.createdBy,
    note: null,
    officers: JSON.stringify(
      input.officers.slice(0, 2).map((o) => ({ userId: o.userId, name: o.name, certNo: o.certNo })),
    ),
    data: null,
    at: c.created_at,
  }));
  for (let i = 0; i < events.length; i += 100)
    await tx
      .insertInto('enforcement_events')
      .values(events.slice(i, i + 100))
      .execute();
  const payRows = payments.map((p, i) => ({
    id: newId(),
    tenant_id: tenantId,
    case_id: p.case_id,
    amount_fen: p.amount_fen,
    channel: 'non_tax' as const,
    reference: `FS${p.paid_on.replace(/-/g, '')}${String(i).padStart(4, '0')}`,
    paid_on: p.paid_on,
    recorded_by: input.createdBy,
    at: `${p.paid_on}T03:00:00.000Z`,
  }));
  for (let i = 0; i < payRows.length; i += 100)
    await tx
      .insertInto('enforcement_payments')
      .values(payRows.slice(i, i + 100))
      .execute();
}
