import { describe, expect, it } from 'vitest';
import { COLUMNS, parseDeadline, validateRows, type CellValue, type Column } from './hotline-sheet.ts';

const TZ = 'Asia/Shanghai';
const row = (n: number, over: Partial<Record<Column, CellValue>>) => ({
  row: n,
  cells: {
    ...Object.fromEntries(COLUMNS.map((c) => [c, ''])),
    工单编号: `GD${n}`,
    诉求内容: '占道经营',
    ...over,
  } as Record<Column, CellValue>,
});

describe('parseDeadline', () => {
  it('reads local business time, dates as end of day, ISO with a zone and Excel dates', () => {
    expect(parseDeadline('2024-03-19 18:00', TZ)?.toISOString()).toBe('2024-03-19T10:00:00.000Z');
    expect(parseDeadline('2024/3/19', TZ)?.toISOString()).toBe('2024-03-19T15:59:59.000Z');
    expect(parseDeadline('2024年3月19日', TZ)?.toISOString()).toBe('2024-03-19T15:59:59.000Z');
    expect(parseDeadline('2024-03-19T18:00:00+08:00', TZ)?.toISOString()).toBe('2024-03-19T10:00:00.000Z');
    // exceljs hands Excel's zoneless wall time over as a UTC instant.
    expect(parseDeadline(new Date(Date.UTC(2024, 2, 19, 18, 0)), TZ)?.toISOString()).toBe('2024-03-19T10:00:00.000Z');
    expect(parseDeadline(new Date(Date.UTC(2024, 2, 19)), TZ)?.toISOString()).toBe('2024-03-19T15:59:59.000Z');
  });

  it('refuses what is not a real date', () => {
    for (const bad of ['2024-02-30', '2024-03-19 25:00', '下周一', '19/03/2024', ''])
      expect(parseDeadline(bad, TZ)).toBeNull();
  });
});

describe('validateRows', () => {
  it('reports every bad row with its column and keeps the good ones', () => {
    const { valid, errors } = validateRows(
      [
        row(2, { 紧急程度: '紧急', 办理时限: '2024-03-13 12:00', 联系电话: '138 0000 0000' }),
        row(3, { 工单编号: '', 诉求内容: '' }),
        row(4, { 工单编号: 'GD2', 联系电话: 'abc', 紧急程度: '很急', 办理时限: '明天' }),
        row(5, { 工单编号: 'GD2' }),
      ],
      TZ,
    );
    expect(valid.map((v) => [v.row, v.urgency, v.deadline])).toEqual([[2, 'urgent', '2024-03-13T04:00:00.000Z']]);
    expect(errors.map((e) => [e.row, e.field])).toEqual([
      [3, '工单编号'],
      [3, '诉求内容'],
      [4, '工单编号'],
      [4, '联系电话'],
      [4, '紧急程度'],
      [4, '办理时限'],
      [5, '工单编号'],
    ]);
    expect(errors.find((e) => e.row === 4 && e.field === '工单编号')?.message).toContain('第 2 行');
  });
});
