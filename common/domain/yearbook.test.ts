import { describe, expect, it } from 'vitest';
import { chineseNumber, issuesOf, placeholdersOf, rebind, segmentsOf } from './yearbook.ts';

describe('工作总结 placeholders', () => {
  it('splits prose and placeholders and keeps the text around them', () => {
    expect(segmentsOf('受理{{approvals.accepted|2023}}件，办结率{{ approvals.closedRate | 2023 }}。')).toEqual([
      { text: '受理' },
      { key: 'approvals.accepted', period: '2023' },
      { text: '件，办结率' },
      { key: 'approvals.closedRate', period: '2023' },
      { text: '。' },
    ]);
  });
  it('reports malformed keys, periods and unclosed braces', () => {
    expect(issuesOf('{{Bad key|2023}} {{overview.closed|23}} {{overview.closed|2023')).toEqual([
      { token: '{{Bad key|2023}}', problem: 'key' },
      { token: '{{overview.closed|23}}', problem: 'period' },
      { token: '{{overview.closed|2023', problem: 'unclosed' },
    ]);
    expect(issuesOf('{{overview.closed|2023-Q4}} {{assets.sanitation.quantityT|2023-03}}')).toEqual([]);
  });
  it('rebinds every placeholder to the new year, keeping quarters, months and relative years', () => {
    expect(rebind('{{a.b|2023}} {{a.b|2022}} {{a.c|2023-Q2}} {{a.d|2023-11}} 2023年', 1)).toBe(
      '{{a.b|2024}} {{a.b|2023}} {{a.c|2024-Q2}} {{a.d|2024-11}} 2023年',
    );
    expect(placeholdersOf(rebind('{{a.b|2023}}', 2)).map((p) => p.period)).toEqual(['2025']);
  });
  it('numbers in Chinese', () => {
    expect([1, 2, 9, 10, 11, 20, 23].map(chineseNumber)).toEqual(['一', '二', '九', '十', '十一', '二十', '二十三']);
  });
});
