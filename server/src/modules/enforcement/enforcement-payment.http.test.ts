import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lateFeeFen } from '../../../../common/domain/enforcement-money.ts';
import { enforcementKit } from '../../testing/enforcement.fixtures.ts';

/**
 * Payment executes the decision: the payment that settles the fine and any 加处罚款 in full (for instalments, the
 * last one) closes the case in the same transaction, with its closing event on the case's keyed chain and in the
 * audit log; a partial payment leaves the case in 执行; the deadline sweep no longer warns about a closed case.
 * Real database (SQLite, or PostgreSQL with TEST_DB=postgres).
 */
const kit = enforcementKit();
const { ids, api, at, act, pay, pair, penalty, servedCase } = kit;
const CREDIT_CODE = '91110000600037341L';

const sweep = (day: string) => kit.ctx.app.services.enforcement.sweep(new Date(`${day}T02:00:00.000Z`));
const warningsOf = async (id: string) =>
  (await kit.ctx.database.db.selectFrom('enforcement_warnings').select('level').where('case_id', '=', id).execute())
    .length;
const closeAudits = async (id: string) =>
  kit.ctx.database.db
    .selectFrom('audit_log')
    .select(['action', 'entity'])
    .where('entity_id', '=', id)
    .where('action', '=', 'enforcement.case.close')
    .execute();

beforeAll(() => kit.setUp(), 60_000);
afterAll(() => kit.close());

describe('payment closes the case', () => {
  it('a late payment of the fine alone leaves the case open; paying the late fee too closes it', async () => {
    const id = await servedCase();
    await at('2024-07-12');
    await sweep('2024-07-12');
    const warned = await warningsOf(id);
    expect(warned).toBeGreaterThan(0); // the payment clock is red

    const partial = await act('officer', id, pay(600_000, '2024-07-12', 'FS-A1'));
    // Ten days late: 3 % a day of 6,000 yuan is still owed, so the case stays in 执行.
    expect(partial).toMatchObject({ stage: 'executing', closedOn: null, outstandingFen: lateFeeFen(600_000, 10) });
    expect(partial.allowedActions).toContain('record_payment');
    expect(await closeAudits(id)).toEqual([]);

    // Paying more than is owed is refused on the amount, and nothing is recorded.
    const over = await act('officer', id, pay(lateFeeFen(600_000, 10) + 1, '2024-07-12', 'FS-X'), 400);
    expect(JSON.stringify(over)).toContain('body.payment.amountFen');
    expect((await api('officer').get(`/api/enforcement/cases/${id}`)).json()).toMatchObject({
      outstandingFen: lateFeeFen(600_000, 10),
    });

    const settled = await act('officer', id, pay(lateFeeFen(600_000, 10), '2024-07-12', 'FS-A2'));
    expect(settled).toMatchObject({ stage: 'closed', closedOn: '2024-07-12', outstandingFen: 0 });
    expect(settled.allowedActions).not.toContain('record_payment');
    const last = settled.events.slice(-3);
    expect(last.map((e: { action: string }) => e.action)).toEqual(['record_payment', 'record_payment', 'close']);
    expect(last[2]).toMatchObject({ fromStage: 'executing', toStage: 'closed', actorId: ids.officer });
    expect(last[2].data).toMatchObject({ paidInFull: true, paidFen: 780_000 });

    // The closing event is a link of the case's keyed chain, and the closure is audited once.
    const chain = (await api('legal').get(`/api/enforcement/cases/${id}/chain`)).json();
    expect(chain).toMatchObject({ brokenAt: null, entries: settled.events.length + settled.evidence.length });
    expect(await closeAudits(id)).toEqual([{ action: 'enforcement.case.close', entity: 'enforcement_case' }]);

    // A closed case takes no more payments and the sweep no longer warns about it.
    const again = await act('officer', id, pay(100, '2024-07-12', 'FS-A3'), 409);
    expect(again.error.code).toBe('ENFORCEMENT_TRANSITION_NOT_ALLOWED');
    await sweep('2024-07-30');
    expect(await warningsOf(id)).toBe(warned);
    expect((await act('squadleader', id, { action: 'archive' })).stage).toBe('archived');
  });

  it('instalments: the first leaves the case open, the last closes it', async () => {
    const id = await servedCase();
    await act('officer', id, {
      action: 'request_plan',
      note: '经济困难，申请分期',
      plan: {
        kind: 'instalment',
        instalments: [
          { dueOn: '2024-07-15', amountFen: 300_000 },
          { dueOn: '2024-08-15', amountFen: 300_000 },
        ],
      },
    });
    await act('squadleader', id, { action: 'approve_plan' });
    await at('2024-07-15');
    expect((await act('officer', id, pay(300_000, '2024-07-15', 'FS-B1'))).stage).toBe('executing');
    await at('2024-08-15');
    const last = await act('officer', id, pay(300_000, '2024-08-15', 'FS-B2'));
    expect(last).toMatchObject({ stage: 'closed', closedOn: '2024-08-15', lateFeeFen: 0, outstandingFen: 0 });
    expect(await closeAudits(id)).toHaveLength(1);
  });

  it('a summary-procedure fine paid on the spot closes its case', async () => {
    await at('2024-06-20');
    const res = await api('officer').post('/api/enforcement/cases', {
      procedure: 'summary',
      source: 'patrol',
      violationCode: 'zdjy',
      facts: '占道经营',
      violationOn: '2024-06-20',
      party: { kind: 'organisation', name: '某餐饮店', creditCode: CREDIT_CODE },
      officers: pair(),
      decision: penalty('zdjy/general', 20_000),
    });
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json().id as string;
    const under = await act('officer', id, pay(19_999, '2024-06-20', 'FS-C1'));
    expect(under).toMatchObject({ stage: 'executing', outstandingFen: 1 });
    expect((await act('officer', id, pay(1, '2024-06-20', 'FS-C2'))).stage).toBe('closed');
  });
});
