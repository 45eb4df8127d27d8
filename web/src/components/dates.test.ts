import { describe, expect, it } from 'vitest';
import { dayjs, setDateLocale } from './dates.ts';

describe('date pickers', () => {
  it('start weeks on Monday in both languages, as the ISO weeks the console counts do', () => {
    for (const locale of ['zh-CN', 'en'] as const) {
      setDateLocale(locale);
      // 2026-12-06 is a Sunday: its week began on Monday 2026-11-30.
      expect(dayjs('2026-12-06').startOf('week').format('YYYY-MM-DD')).toBe('2026-11-30');
    }
    setDateLocale('zh-CN');
  });
});
