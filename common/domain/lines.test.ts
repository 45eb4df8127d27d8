import { describe, expect, it } from 'vitest';
import { canMoveIcStatus, fromHundredths, IC_STATUSES, toHundredths } from './illegal-construction.ts';
import { addDays, adReminders, floodSweepSince } from './outdoor-ads.ts';

describe('a site of illegal construction', () => {
  it('moves forward only: reported → stopped → demolished or legalised; the last two are final', () => {
    const allowed = IC_STATUSES.flatMap((from) =>
      IC_STATUSES.filter((to) => canMoveIcStatus(from, to)).map((to) => `${from}>${to}`),
    );
    expect(allowed).toEqual([
      'reported>stopped',
      'reported>demolished',
      'reported>legalised',
      'stopped>demolished',
      'stopped>legalised',
    ]);
  });

  it('keeps areas as whole hundredths of a m², so sums are exact', () => {
    expect(toHundredths(46574)).toBe(4_657_400);
    expect(toHundredths(0.1 + 0.2)).toBe(30);
    expect(fromHundredths(toHundredths(120.5) + toHundredths(0.25))).toBe(120.75);
  });
});

describe('outdoor sign reminders', () => {
  it('counts dates across month and year ends', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2023-12-31', 1)).toBe('2024-01-01');
    expect(addDays('2024-03-05', 180)).toBe('2024-09-01');
    expect(floodSweepSince(2024)).toBe('2024-03-01');
  });

  it('tells expired from expiring and overdue from due, on the edges of the window', () => {
    const today = '2024-03-12';
    expect(adReminders({ permitTo: '2024-03-11', nextInspectionOn: null }, today, 30)).toEqual([
      { kind: 'permit_expired', date: '2024-03-11' },
    ]);
    // the last valid day is today: expiring, not expired
    expect(adReminders({ permitTo: today, nextInspectionOn: null }, today, 30)[0]?.kind).toBe('permit_expiring');
    expect(adReminders({ permitTo: '2024-04-11', nextInspectionOn: null }, today, 30)).toHaveLength(1);
    expect(adReminders({ permitTo: '2024-04-12', nextInspectionOn: null }, today, 30)).toEqual([]);
    expect(adReminders({ permitTo: null, nextInspectionOn: '2024-03-01' }, today, 30)).toEqual([
      { kind: 'inspection_overdue', date: '2024-03-01' },
    ]);
    expect(adReminders({ permitTo: null, nextInspectionOn: '2024-03-20' }, today, 0)).toEqual([]);
  });
});
