// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { App, Button, Popconfirm } from 'antd';
import type { Page } from '../../../common/domain/paging.ts';
import { fakeAuth, withProviders } from '../testing.tsx';
import { ListPage } from './ListPage.tsx';
import type { PageRequest } from './usePagedQuery.ts';
import { useCrudList } from './useCrudList.ts';

interface Row {
  id: string;
  name: string;
}
interface Filters {
  kind?: string;
}

afterEach(cleanup);

/** A list page as a feature writes one: a table, a filter, a row action and a form opened by "New" or "Edit". */
function Things({
  fetchPage,
  remove,
}: {
  fetchPage: (r: PageRequest & Filters) => Promise<Page<Row>>;
  remove: (row: Row) => Promise<void>;
}) {
  const list = useCrudList<Row, Filters>();
  return (
    <ListPage<Row, Filters>
      list={list}
      testId="things"
      fetchPage={fetchPage}
      rowKey={(r) => r.id}
      createLabel="新建"
      toolbar={
        <Button onClick={() => list.setFilter('kind', 'street')} data-testid="things-street">
          街道
        </Button>
      }
      columns={[
        { title: '名称', key: 'name', dataIndex: 'name' },
        {
          title: '操作',
          key: 'actions',
          render: (_, r) => (
            <>
              <Button onClick={() => list.edit(r)} data-testid={`edit-${r.id}`}>
                编辑
              </Button>
              <Popconfirm title="删除？" okText="确认删除" onConfirm={() => list.act(() => remove(r), '已删除')}>
                <Button data-testid={`delete-${r.id}`}>删除</Button>
              </Popconfirm>
            </>
          ),
        },
      ]}
    >
      {list.target ? (
        <div data-testid="form">
          {list.target === 'new' ? '新建表单' : `编辑 ${list.target.name}`}
          <Button onClick={() => list.saved()} data-testid="form-save">
            保存
          </Button>
        </div>
      ) : null}
    </ListPage>
  );
}

const rows = (from: number, n: number): Row[] =>
  Array.from({ length: n }, (_, i) => ({ id: `r${from + i}`, name: `单位${from + i}` }));

function show(
  fetchPage: (r: PageRequest & Filters) => Promise<Page<Row>>,
  remove: (row: Row) => Promise<void> = async () => undefined,
) {
  const spy = vi.fn(fetchPage);
  render(
    withProviders(
      <App>
        <Things fetchPage={(r) => spy(r)} remove={remove} />
      </App>,
      fakeAuth(null),
    ),
  );
  return spy;
}

describe('ListPage', () => {
  it('pages, searches from page 1, filters from page 1, and says when nothing matched', async () => {
    const spy = show(async (r) =>
      r.q === '无此'
        ? { items: [], total: 0, page: 1, pageSize: 20 }
        : { items: rows((r.page - 1) * 20, 20), total: 45, page: r.page, pageSize: 20 },
    );
    await screen.findByText('单位0');
    fireEvent.click(screen.getByTitle('3'));
    expect(await screen.findByText('单位40')).toBeTruthy();
    expect(spy).toHaveBeenLastCalledWith(expect.objectContaining({ page: 3 }));

    fireEvent.click(screen.getByTestId('things-street'));
    await waitFor(() => expect(spy).toHaveBeenLastCalledWith(expect.objectContaining({ kind: 'street', page: 1 })));

    const box = screen.getByTestId('things-search').querySelector('input') as HTMLInputElement;
    fireEvent.change(box, { target: { value: '无此' } });
    fireEvent.keyDown(box, { key: 'Enter', code: 'Enter', keyCode: 13 });
    expect((await screen.findByTestId('things-empty')).textContent).toContain('没有与“无此”匹配的记录');
    expect(spy).toHaveBeenLastCalledWith(expect.objectContaining({ kind: 'street', q: '无此', page: 1 }));
  });

  it('opens the form for a new or an existing row, and shows the change after a save', async () => {
    let names = ['甲'];
    const spy = show(async () => ({
      items: names.map((name, i) => ({ id: `r${i}`, name })),
      total: names.length,
      page: 1,
      pageSize: 20,
    }));
    await screen.findByText('甲');
    expect(screen.queryByTestId('form')).toBeNull();
    fireEvent.click(screen.getByTestId('things-create'));
    expect(screen.getByTestId('form').textContent).toContain('新建表单');
    names = ['甲', '乙'];
    fireEvent.click(screen.getByTestId('form-save'));
    expect(await screen.findByText('乙')).toBeTruthy();
    expect(screen.queryByTestId('form')).toBeNull();
    expect(await screen.findByText('已保存')).toBeTruthy();
    fireEvent.click(screen.getByTestId('edit-r1'));
    expect(screen.getByTestId('form').textContent).toContain('编辑 乙');
    expect(spy).toHaveBeenCalledTimes(2);
  });

  it('runs a row action, reloads when it worked and shows the reason when it did not', async () => {
    const remove = vi.fn(async (row: Row) => {
      if (row.id === 'r0') throw new Error('仍有下级单位');
    });
    const spy = show(async () => ({ items: rows(0, 2), total: 2, page: 1, pageSize: 20 }), remove);
    await screen.findByText('单位0');
    const confirm = async () => {
      const buttons = await screen.findAllByRole('button', { name: '确认删除' });
      fireEvent.click(buttons[buttons.length - 1] as HTMLElement);
    };
    fireEvent.click(screen.getByTestId('delete-r0'));
    await confirm();
    expect(await screen.findByText('仍有下级单位')).toBeTruthy();
    expect(spy).toHaveBeenCalledTimes(1);
    fireEvent.click(screen.getByTestId('delete-r1'));
    await confirm();
    expect(await screen.findByText('已删除')).toBeTruthy();
    await waitFor(() => expect(spy).toHaveBeenCalledTimes(2));
    expect(remove.mock.calls.map(([row]) => row.id)).toEqual(['r0', 'r1']);
  });
});
