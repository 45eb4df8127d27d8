import { describe, expect, it } from 'vitest';
import { placeholdersOf } from '../../../../common/domain/yearbook.ts';
import { figureMatches, insertAt, periodOf } from './yearbook-prose.ts';

describe('editing the prose', () => {
  const body = '受理{{overview.reported|2023}}件';
  it('puts a placeholder at the cursor or over a selection', () => {
    expect(insertAt(body, 2, 2, '{{a.b|2023}}')).toEqual({
      body: '受理{{a.b|2023}}{{overview.reported|2023}}件',
      cursor: 14,
    });
    expect(insertAt('abcdef', 1, 3, 'X')).toEqual({ body: 'aXdef', cursor: 2 });
  });
  it('never splits a placeholder: a cursor inside one moves past it, and the bindings stay whole', () => {
    const r = insertAt(body, 8, 8, '{{approvals.accepted|2023-Q2}}');
    expect(placeholdersOf(r.body)).toEqual([
      { key: 'overview.reported', period: '2023' },
      { key: 'approvals.accepted', period: '2023-Q2' },
    ]);
    // a selection ending inside a placeholder replaces it whole rather than leaving half of it
    expect(placeholdersOf(insertAt(body, 0, 5, 'x').body)).toEqual([]);
  });
  it('writes periods as the server reads them, and finds figures by label or key', () => {
    expect([periodOf(2023, 'year', 1), periodOf(2023, 'quarter', 2), periodOf(2023, 'month', 3)]).toEqual([
      '2023',
      '2023-Q2',
      '2023-03',
    ]);
    expect(figureMatches({ key: 'approvals.accepted', label: '受理审批事项数' }, '审批')).toBe(true);
    expect(figureMatches({ key: 'approvals.accepted', label: '受理审批事项数' }, 'APPROVALS')).toBe(true);
    expect(figureMatches({ key: 'approvals.accepted', label: '受理审批事项数' }, '结案')).toBe(false);
  });
});
