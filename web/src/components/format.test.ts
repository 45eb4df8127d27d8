import { afterEach, describe, expect, it } from 'vitest';
import { formatInstant, setDisplayTimeZone } from './format.ts';

afterEach(() => setDisplayTimeZone(null));

describe('instants on screen', () => {
  it("are shown in the city's zone, not the browser's: 16:30 UTC on 12-04 is 00:30 on 12-05 in 大冶", () => {
    setDisplayTimeZone('Asia/Shanghai');
    expect(formatInstant('2026-12-04T16:30:00Z')).toBe('2026-12-05 00:30');
    setDisplayTimeZone('Pacific/Honolulu');
    expect(formatInstant('2026-12-04T16:30:00Z')).toBe('2026-12-04 06:30');
    expect(formatInstant(null)).toBe('—');
  });
});
