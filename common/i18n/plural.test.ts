import { describe, expect, it } from 'vitest';
import { t } from './index.ts';
import { formatPlurals } from './plural.ts';

describe('plural arguments', () => {
  const msg = '{count, plural, =0 {no cases} one {# case} other {# cases}} for {name}';

  it("picks the branch by the locale's plural rules, with exact matches first", () => {
    expect(formatPlurals(msg, 'en', { count: 1, name: 'x' })).toBe('1 case for {name}');
    expect(formatPlurals(msg, 'en', { count: 2 })).toBe('2 cases for {name}');
    expect(formatPlurals(msg, 'en', { count: 0 })).toBe('no cases for {name}');
    expect(formatPlurals(msg, 'en', { count: '1' })).toBe('1 case for {name}');
    expect(formatPlurals(msg, 'en', { count: 1.5 })).toBe('1.5 cases for {name}');
    // Chinese has only `other`
    expect(formatPlurals('{n, plural, one {一} other {#件}}', 'zh-CN', { n: 1 })).toBe('1件');
  });

  it('leaves malformed arguments and missing values alone, and reads a non-number with `other`', () => {
    expect(formatPlurals('{count, plural, one {# case}}', 'en', { count: 1 })).toBe('{count, plural, one {# case}}');
    expect(formatPlurals('{count, plural, one {# case} other {# cases}', 'en', { count: 1 })).toBe(
      '{count, plural, one {# case} other {# cases}',
    );
    expect(formatPlurals(msg, 'en', {})).toBe(msg);
    expect(formatPlurals('{h, plural, one {# hour} other {# hours}}', 'en', { h: '—' })).toBe('— hours');
  });

  it('works through t, branches keeping ordinary placeholders', () => {
    expect(t('en', 'cases.timeline.photos', { count: 1 })).toBe('1 photo');
    expect(t('en', 'cases.timeline.photos', { count: 3 })).toBe('3 photos');
    expect(t('en', 'public.track.reopenCount', { count: 1 })).toBe('Reopened once');
    expect(t('en', 'public.track.reopenCount', { count: 4 })).toBe('Reopened 4 times');
    expect(t('zh-CN', 'cases.timeline.photos', { count: 1 })).not.toContain('plural');
  });
});
