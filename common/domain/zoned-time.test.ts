import { describe, expect, it } from 'vitest';
import { zonedDate, zonedDateTime } from './zoned-time.ts';

describe('instants in the tenant zone', () => {
  it('gives the Beijing date of a UTC evening: 16:30Z on 12-04 is 00:30 on 12-05', () => {
    expect(zonedDateTime('2026-12-04T16:30:00Z', 'Asia/Shanghai')).toBe('2026-12-05 00:30');
    expect(zonedDate(new Date('2026-12-04T16:30:00Z'), 'Asia/Shanghai')).toBe('2026-12-05');
    expect(zonedDate('2026-12-04T16:30:00Z', 'UTC')).toBe('2026-12-04');
  });

  it('writes midnight as 00, never 24, and leaves a non-date as it was', () => {
    expect(zonedDateTime('2026-01-01T16:00:00Z', 'Asia/Shanghai')).toBe('2026-01-02 00:00');
    expect(zonedDateTime('not a date', 'Asia/Shanghai')).toBe('not a date');
  });
});
