import { describe, expect, it } from 'vitest';
import {
  creditCodeCheckChar,
  creditCodeProblem,
  idNumberCheckChar,
  idNumberProblem,
  maskIdNumber,
} from './enforcement-identity.ts';
import {
  ENFORCEMENT_TRANSITIONS,
  addCalendarDays,
  addWorkingDays,
  daysBetween,
  enforcementTarget,
  nextStage,
} from './enforcement-lifecycle.ts';
import { formatFen, lateFeeFen, scheduleLateFee, summaryFineAllowed } from './enforcement-money.ts';
import { ROLE_PERMISSIONS } from './roles.ts';
import { WorkCalendar } from './work-calendar.ts';
import { defaultWorkCalendarSpec } from './work-calendar-seed.ts';

describe('GB 11643 ID numbers', () => {
  it('accepts the standard’s worked example and rejects a changed digit, a bad date or a wrong length', () => {
    expect(idNumberProblem('11010519491231002X')).toBeNull();
    expect(idNumberProblem('11010519491231002x')).toBeNull();
    expect(idNumberCheckChar('11010519491231002')).toBe('X');
    expect(idNumberProblem('110105194912310021')).toBe('checkChar');
    expect(idNumberProblem('110105194902300025')).toBe('birthDate');
    expect(idNumberProblem('1101051949123100')).toBe('format');
    expect(idNumberProblem('11010519491231002Y')).toBe('format');
  });

  it('every check character 0–9 and X occurs and only the computed one passes', () => {
    const seen = new Set<string>();
    for (let seq = 100; seq < 200; seq++) {
      const body = `42028119900101${seq}`.slice(0, 17);
      const check = idNumberCheckChar(body)!;
      seen.add(check);
      for (const c of '0123456789X') expect(idNumberProblem(body + c) === null).toBe(c === check);
    }
    expect(seen.size).toBe(11);
  });

  it('masks all but the first three and the last character', () => {
    expect(maskIdNumber('11010519491231002x')).toBe('110**************X');
  });
});

describe('GB 32100 unified social credit codes', () => {
  it('accepts a valid code and rejects a changed check character or a letter outside the alphabet', () => {
    expect(creditCodeProblem('91110000600037341L')).toBeNull();
    expect(creditCodeProblem('91110000600037341M')).toBe('checkChar');
    expect(creditCodeProblem('9111000060003734IL')).toBe('format'); // I is not in the alphabet
    expect(creditCodeProblem('91110000600037341')).toBe('format');
  });

  it('maps a remainder of 0 to the check character 0 (31 → 0)', () => {
    // Search a body whose weighted sum is a multiple of 31: its check character must be '0'.
    for (let n = 0; n < 1000; n++) {
      const body = `9142028100000${String(n).padStart(4, '0')}`;
      if (creditCodeCheckChar(body) === '0') {
        expect(creditCodeProblem(`${body}0`)).toBeNull();
        return;
      }
    }
    throw new Error('no body with check character 0 found');
  });
});

describe('money', () => {
  it('charges 3 % of the fine per day after the due date, rounded down to fen', () => {
    expect(lateFeeFen(10_000, 0)).toBe(0);
    expect(lateFeeFen(10_000, 1)).toBe(300);
    expect(lateFeeFen(333, 1)).toBe(9); // 9.99 fen → 9
    expect(lateFeeFen(10_000, 10)).toBe(3_000);
  });

  it('never charges more than the fine, however late (art. 72)', () => {
    expect(lateFeeFen(10_000, 33)).toBe(9_900);
    expect(lateFeeFen(10_000, 34)).toBe(10_000);
    expect(lateFeeFen(10_000, 3650)).toBe(10_000);
    expect(lateFeeFen(999_999_999_999, 100_000)).toBe(999_999_999_999);
  });

  it('keeps summary fines within 200 yuan (person) and 3,000 yuan (organisation)', () => {
    expect(summaryFineAllowed('person', 20_000)).toBe(true);
    expect(summaryFineAllowed('person', 20_001)).toBe(false);
    expect(summaryFineAllowed('organisation', 300_000)).toBe(true);
    expect(summaryFineAllowed('organisation', 300_001)).toBe(false);
  });

  it('charges the late fee per instalment of an approved plan, never more than the fine', () => {
    const one = [{ dueOn: '2024-07-02', amountFen: 600_000 }];
    // One instalment of the whole fine is art. 72(1) as written.
    expect(scheduleLateFee(one, [], '2024-07-12', daysBetween)).toBe(lateFeeFen(600_000, 10));
    expect(scheduleLateFee(one, [{ amountFen: 600_000, paidOn: '2024-07-05' }], '2024-09-01', daysBetween)).toBe(
      lateFeeFen(600_000, 3),
    );
    const plan = [
      { dueOn: '2024-07-15', amountFen: 300_000 },
      { dueOn: '2024-08-15', amountFen: 300_000 },
    ];
    // The first instalment paid 2 days late, the second still open 10 days after its date.
    const paid = [{ amountFen: 300_000, paidOn: '2024-07-17' }];
    expect(scheduleLateFee(plan, paid, '2024-08-25', daysBetween)).toBe(18_000 + 90_000);
    // A payment larger than an instalment covers the next one too.
    expect(scheduleLateFee(plan, [{ amountFen: 600_000, paidOn: '2024-07-15' }], '2024-12-31', daysBetween)).toBe(0);
    // Years later each instalment's fee is capped at its amount: the total is the fine.
    expect(scheduleLateFee(plan, [], '2030-01-01', daysBetween)).toBe(600_000);
  });

  it('formats fen as yuan', () => {
    expect(formatFen(148_435_00)).toBe('148435.00');
    expect(formatFen(5)).toBe('0.05');
  });
});

describe('the ordinary-procedure lifecycle', () => {
  const plain = { major: false, discussion: false };
  const major = { major: true, discussion: true };

  it('skips 法制审核 and 集体讨论 unless the case needs them', () => {
    expect(nextStage('correcting', plain)).toBe('notifying');
    expect(nextStage('correcting', major)).toBe('legal_review');
    expect(nextStage('legal_review', major)).toBe('collective_discussion');
    expect(nextStage('legal_review', { major: true, discussion: false })).toBe('notifying');
    expect(nextStage('archived', plain)).toBeNull();
  });

  it('refuses an action from the wrong stage', () => {
    expect(enforcementTarget('filing', 'decide', plain)).toBeNull();
    expect(enforcementTarget('investigating', 'record_step', plain)).toBe('investigating');
    expect(enforcementTarget('legal_review', 'return_review', major)).toBe('investigating');
  });

  it('every action’s permission is held by at least one role', () => {
    const held = new Set(Object.values(ROLE_PERMISSIONS).flat());
    for (const t of Object.values(ENFORCEMENT_TRANSITIONS)) expect(held.has(t.permission)).toBe(true);
  });
});

describe('legal periods on the work calendar', () => {
  const calendar = new WorkCalendar(defaultWorkCalendarSpec());
  const working = (d: string) => calendar.isWorkingDay(d);

  it('counts 3 and 5 working days across 清明 2024 (4–6 April off, Sunday 7 April worked)', () => {
    expect(addWorkingDays(working, '2024-04-02', 3)).toBe('2024-04-08');
    expect(addWorkingDays(working, '2024-04-02', 5)).toBe('2024-04-10');
  });

  it('counts 7 working days across 劳动节 2024', () => {
    expect(addWorkingDays(working, '2024-04-28', 7)).toBe('2024-05-10');
  });

  it('moves a calendar-day period ending on a holiday to the next working day', () => {
    expect(addCalendarDays(working, '2024-03-12', 90)).toBe('2024-06-11'); // 10 June is 端午
    expect(addCalendarDays(working, '2024-04-30', 15)).toBe('2024-05-15');
    expect(addCalendarDays(working, '2024-04-20', 15)).toBe('2024-05-06'); // 5 May is in 劳动节
  });
});
