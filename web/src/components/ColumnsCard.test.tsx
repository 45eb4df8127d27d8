// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import type { TableColumnsType } from 'antd';
import { ColumnsCard } from './ColumnsCard.tsx';

afterEach(cleanup);

interface Row {
  code: string;
  unit: { name: string } | null;
  battery: number | null;
}

const columns: TableColumnsType<Row> = [
  { title: '编码', key: 'code', dataIndex: 'code' },
  { title: '单位', key: 'unit', dataIndex: ['unit', 'name'] },
  { title: '电量', key: 'battery', dataIndex: 'battery', render: (v: number | null) => (v == null ? '未知' : `${v}%`) },
  { title: '隐藏', key: 'hidden', dataIndex: 'code', hidden: true },
  { key: 'actions', render: () => <button>处理</button> },
];

describe('ColumnsCard', () => {
  it('heads the card with the first column and lists the others by title through their own renderers', () => {
    render(
      <ColumnsCard<Row> columns={columns} row={{ code: 'DY-01', unit: { name: '环卫所' }, battery: 12 }} index={0} />,
    );
    expect(screen.getByText('DY-01').tagName).toBe('STRONG');
    expect(screen.getByText('单位').nextSibling?.textContent).toBe('环卫所');
    expect(screen.getByText('电量').nextSibling?.textContent).toBe('12%');
    expect(screen.getByRole('button', { name: '处理' })).toBeTruthy();
    expect(screen.queryByText('隐藏')).toBeNull();
  });

  it('shows a dash for a missing nested value and keeps what a renderer answers for null', () => {
    render(<ColumnsCard<Row> columns={columns} row={{ code: 'DY-02', unit: null, battery: null }} index={1} />);
    expect(screen.getByText('单位').nextSibling?.textContent).toBe('—');
    expect(screen.getByText('电量').nextSibling?.textContent).toBe('未知');
  });
});
