// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { t } from '../../../../common/i18n/core.ts';
import { fakeAuth, fakeMe, withProviders } from '../../testing.tsx';
import { deadlineBefore, deadlineText, formatSpan } from './sla.ts';
import { SlaBadge } from './SlaBadge.tsx';

afterEach(cleanup);

const zh = (key: Parameters<typeof t>[1], params?: Parameters<typeof t>[2]) => t('zh-CN', key, params);
const en = (key: Parameters<typeof t>[1], params?: Parameters<typeof t>[2]) => t('en', key, params);
const NOW = Date.parse('2024-03-12T02:00:00Z');
const MIN = 60_000;
const HOUR = 60 * MIN;

describe('deadline text', () => {
  it('says how long is left, or how long overdue, coarser as the span grows', () => {
    expect(deadlineText(new Date(NOW + 2 * HOUR).toISOString(), 'green', NOW, zh)).toBe('剩余2小时');
    expect(deadlineText(new Date(NOW - 3 * HOUR).toISOString(), 'red', NOW, zh)).toBe('超期3小时');
    expect(deadlineText(new Date(NOW + 95 * MIN).toISOString(), 'yellow', NOW, zh)).toBe('剩余1小时35分钟');
    expect(deadlineText(new Date(NOW + 40 * MIN).toISOString(), 'yellow', NOW, zh)).toBe('剩余40分钟');
    expect(deadlineText(new Date(NOW + 20 * 1000).toISOString(), 'yellow', NOW, zh)).toBe('剩余不到1分钟');
    expect(deadlineText(new Date(NOW + 77 * HOUR).toISOString(), 'green', NOW, zh)).toBe('剩余3天5小时');
    expect(deadlineText(new Date(NOW - 72 * HOUR).toISOString(), 'red', NOW, en)).toBe('3 d overdue');
    expect(deadlineText(new Date(NOW + 2 * HOUR).toISOString(), 'green', NOW, en)).toBe('2 h left');
  });

  it('shows a paused clock and a missing deadline as such', () => {
    expect(deadlineText(new Date(NOW + HOUR).toISOString(), 'paused', NOW, zh)).toBe('已暂停计时');
    expect(deadlineText(null, 'none', NOW, zh)).toBe('—');
    expect(deadlineText('not a date', 'green', NOW, en)).toBe('—');
  });

  it('keeps long spans readable', () => {
    expect(formatSpan(12 * HOUR + 30 * MIN, zh)).toBe('12小时');
    expect(formatSpan(48 * HOUR, zh)).toBe('2天');
  });

  it('turns the quick filters into deadlineBefore instants', () => {
    const now = new Date(NOW);
    expect(deadlineBefore('past', now)).toBe(now.toISOString());
    expect(deadlineBefore('h2', now)).toBe(new Date(NOW + 2 * HOUR).toISOString());
    expect(Date.parse(deadlineBefore('today', now))).toBeGreaterThan(NOW);
  });
});

describe('SlaBadge', () => {
  const renderBadge = (
    level: 'green' | 'yellow' | 'red' | 'paused',
    offset: number,
    locale: 'zh-CN' | 'en' = 'zh-CN',
  ) =>
    render(
      withProviders(
        <SlaBadge sla={{ level, deadline: new Date(NOW + offset).toISOString() }} now={NOW} testId="sla" />,
        fakeAuth(fakeMe(['operator'])),
        locale,
      ),
    );

  it('shows the colour level and the relative deadline', () => {
    renderBadge('red', -3 * HOUR);
    const badge = screen.getByTestId('sla');
    expect(badge.getAttribute('data-level')).toBe('red');
    expect(badge.textContent).toContain('超期3小时');
    expect(screen.getByRole('img', { name: '已超时' })).toBeTruthy();
  });

  it('names the level in the UI language', () => {
    renderBadge('yellow', 30 * MIN, 'en');
    expect(screen.getByTestId('sla').textContent).toContain('30 min left');
    expect(screen.getByRole('img', { name: 'Due soon' })).toBeTruthy();
  });

  it('shows a paused clock in grey without a countdown', () => {
    renderBadge('paused', HOUR);
    expect(screen.getByTestId('sla').getAttribute('data-level')).toBe('paused');
    expect(screen.getByTestId('sla').textContent).toContain('已暂停计时');
  });
});
