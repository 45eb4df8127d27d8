import type { DemoApi, DemoUser } from '../api.ts';
import { addDays, type Loader } from './common.ts';
import { enforcementPlan, type PlannedCase } from './enforcement-plan.ts';

const CASES = '/api/enforcement/cases';

interface CaseRow {
  id: string;
  caseNo: string;
  stage: string;
  version: number;
  events?: { action: string }[];
}
interface Basis {
  id: string;
  violationCode: string;
  bands: { id: string; level: string }[];
}
type Penalty = { kind: PlannedCase['decision']; fineFen: number; basisId: string; bandId: string };

/** Where a case stands once the loader is done with it: decided, and closed by its payment or by a leader. */
const DONE = new Set(['closed', 'archived']);

/**
 * 行政处罚 of the year: the report's 840 decisions with 148,435 yuan in fines (the series and its split:
 * enforcement-plan.ts), each case driven through the enforcement API as the officers and their squad leader would:
 * an on-the-spot decision (简易程序) and its payment, which closes the case, or a warning closed at once; the
 * ordinary procedure from 立案 through 调查, 责令改正, 告知 (the party waives it), 决定 and 送达 to the payment or,
 * for a first offence decided without a penalty, the leader's close.
 *
 * Cases are numbered ZF<year><n> without gaps in the order they are opened, so the n-th case of the year is the n-th
 * of the series: a second run finds every case closed and opens nothing, and an interrupted run drives the case it
 * left half-way to its end before opening the next.
 */
export const enforcementLoader: Loader = {
  name: 'enforcement',
  async load(api, year, options = {}) {
    const plan = enforcementPlan(year);
    const want = Math.round(plan.length * (options.fraction ?? 1));
    const bases = await api.get<{ items: Basis[] }>('officer', '/api/enforcement/bases');
    const penalty = (c: PlannedCase): Penalty => {
      const basis = bases.items.find((b) => b.violationCode === c.violation);
      const band = basis?.bands.find((b) => b.level === c.level);
      if (!basis || !band) throw new Error(`no ${c.level} band of ${c.violation} in the city's legal bases`);
      return { kind: c.decision, fineFen: c.fineYuan * 100, basisId: basis.id, bandId: band.id };
    };
    // Two officers of the squad on every case (行政处罚法 art. 42): the one who opens it and a colleague.
    const me = await api.get<{ user: { id: string } }>('officer', '/api/auth/me');
    const colleague = await api.get<{ user: { id: string } }>('officer2', '/api/auth/me');
    const officers = [{ userId: me.user.id }, { userId: colleague.user.id }];
    const steps = new CaseSteps(api, officers, penalty);

    const have = await casesOfYear(api, year);
    for (const [n, row] of have.entries()) {
      const planned = plan[n];
      if (planned && !DONE.has(row.stage)) await steps.drive(planned, row.id);
    }
    for (let n = have.length; n < want; n++) await steps.open(plan[n] as PlannedCase);
    return Math.max(0, want - have.length);
  },
};

/** The cases numbered in the year (ZF<year>…), in number order: the n-th stands for the n-th of the series. */
async function casesOfYear(api: DemoApi, year: number): Promise<CaseRow[]> {
  const rows: CaseRow[] = [];
  for (let page = 1; ; page++) {
    const res = await api.get<{ items: CaseRow[]; total: number }>(
      'bureauleader',
      `${CASES}?q=ZF${year}&sort=caseNo&order=asc&pageSize=200&page=${page}`,
    );
    rows.push(...res.items.filter((r) => r.caseNo.startsWith(`ZF${year}`)));
    if (page * 200 >= res.total) return rows;
  }
}

class CaseSteps {
  constructor(
    private readonly api: DemoApi,
    private readonly officers: { userId: string }[],
    private readonly penalty: (c: PlannedCase) => Penalty,
  ) {}

  async open(c: PlannedCase): Promise<void> {
    const summary = c.kind === 'spot' || c.kind === 'warning';
    const created = await this.api.at(c.openedOn, '09:40').post<CaseRow>('officer', CASES, {
      procedure: summary ? 'summary' : 'ordinary',
      source: c.source,
      violationCode: c.violation,
      facts: c.facts,
      address: c.address,
      violationOn: c.openedOn,
      party: c.party,
      officers: this.officers,
      ...(summary ? { decision: this.penalty(c) } : {}),
    });
    await this.drive(c, created.id, created);
  }

  /** Takes a case from where it stands to closed, one step of the procedure at a time, on the series' days. */
  async drive(c: PlannedCase, id: string, from?: CaseRow): Promise<void> {
    let row = from ?? (await this.api.get<CaseRow>('bureauleader', `${CASES}/${id}`));
    const act = async (user: DemoUser, day: string, time: string, body: Record<string, unknown>) => {
      row = await this.api
        .at(day, time)
        .post<CaseRow>(user, `${CASES}/${id}/actions`, { ...body, version: row.version });
    };
    // The ordinary procedure's days between 立案 and the decision: investigation first, 告知 just before.
    const investigated = clamp(addDays(c.openedOn, 2), c.openedOn, c.decidedOn);
    const notified = clamp(addDays(c.decidedOn, -2), investigated, c.decidedOn);
    const officers = this.officers;
    while (!DONE.has(row.stage)) {
      switch (row.stage) {
        case 'filing':
          await act('squadleader', c.openedOn, '11:00', { action: 'approve_filing' });
          break;
        case 'investigating':
          if (!row.events?.some((e) => e.action === 'record_step'))
            await act('officer', c.openedOn, '15:00', {
              action: 'record_step',
              stepKind: 'site_inspection',
              officers,
              note: `现场检查：${c.facts}`,
            });
          await act('officer', investigated, '10:00', {
            action: 'order_correction',
            officers,
            correctBy: clamp(addDays(investigated, 3), investigated, c.decidedOn),
            note: '责令当事人立即改正违法行为',
          });
          break;
        case 'correcting':
          await act('officer', notified, '09:30', { action: 'finish_investigation', proposal: this.penalty(c) });
          break;
        case 'notifying':
          await act('officer', notified, '16:00', { action: 'end_notice', waived: true, note: '当事人放弃陈述申辩' });
          break;
        case 'deciding':
          await act('squadleader', c.decidedOn, '10:30', { action: 'decide', decision: this.penalty(c) });
          break;
        case 'serving':
          await act('officer', c.decidedOn, '15:30', { action: 'serve', servedOn: c.decidedOn });
          break;
        case 'executing':
          if (c.fineYuan > 0)
            await act('officer', c.settledOn, '14:00', {
              action: 'record_payment',
              payment: {
                amountFen: c.fineYuan * 100,
                channel: c.i % 3 === 0 ? 'bank' : 'non_tax',
                reference: `FS${c.decidedOn.replaceAll('-', '')}${String(c.i + 1).padStart(4, '0')}`,
                paidOn: c.settledOn,
              },
            });
          else await act('squadleader', c.settledOn, '16:30', { action: 'close', note: '已整改，无罚款需执行' });
          break;
        default:
          throw new Error(`case ${row.caseNo} stands in ${row.stage}, which the 2023 series does not go through`);
      }
    }
  }
}

const clamp = (date: string, lo: string, hi: string) => (date < lo ? lo : date > hi ? hi : date);
