import { describe, expect, it } from 'vitest';
import { addMonths, courtRefusal, courtWindow } from './enforcement-court.ts';

const weekdays = (d: string) => ![0, 6].includes(new Date(`${d}T00:00:00Z`).getUTCDay());

describe('court enforcement periods', () => {
  it('counts months to the same-numbered day, or the last day of a shorter month', () => {
    expect(addMonths('2024-06-17', 6)).toBe('2024-12-17');
    expect(addMonths('2024-08-31', 6)).toBe('2025-02-28');
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
    expect(addMonths('2024-11-30', 3)).toBe('2025-02-28');
    expect(addMonths('2023-11-15', 2)).toBe('2024-01-15');
  });

  it('moves a period ending on a day off to the next working day', () => {
    // 6 months from 15 June 2024 end on Sunday 15 December: Monday 16 December.
    const w = courtWindow(weekdays, '2024-06-15', '2024-11-01');
    expect(w).toEqual({
      demandEnds: '2024-11-11',
      reconsiderationEnds: '2024-08-14',
      litigationEnds: '2024-12-16',
      closesOn: '2025-03-17',
    });
    expect(courtRefusal(w, '2024-12-16')).toEqual({ reason: 'reviewPeriod', date: '2024-12-16' });
    expect(courtRefusal(w, '2024-12-17')).toBeNull();
    expect(courtRefusal(w, '2025-03-17')).toBeNull();
    expect(courtRefusal(w, '2025-03-18')).toEqual({ reason: 'late', date: '2025-03-17' });
  });
});
