// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from 'antd';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { Page } from '../../../common/domain/paging.ts';
import { ApiError } from '../api/errors.ts';
import { fakeAuth, withProviders } from '../testing.tsx';
import { PagedTable } from './PagedTable.tsx';
import type { PageRequest } from './usePagedQuery.ts';

interface Row {
  id: string;
  name: string;
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

const rows = (n: number): Row[] => Array.from({ length: n }, (_, i) => ({ id: `r${i}`, name: `单位${i}` }));

function renderTable(
  fetchPage: (request: PageRequest) => Promise<Page<Row>>,
  extra: { filters?: object; exportPath?: string; initialSearch?: string } = {},
) {
  const spy = vi.fn(fetchPage);
  render(
    withProviders(
      <App>
        <PagedTable<Row, object>
          testId="things"
          fetchPage={(request) => spy(request)}
          filters={extra.filters ?? {}}
          exportPath={extra.exportPath}
          {...(extra.initialSearch ? { initialSearch: extra.initialSearch } : {})}
          rowKey={(r) => r.id}
          columns={[{ title: '名称', key: 'name', dataIndex: 'name', sorter: true }]}
        />
      </App>,
      fakeAuth(null),
    ),
  );
  return spy;
}

function search(text: string) {
  const box = screen.getByTestId('things-search').querySelector('input') as HTMLInputElement;
  fireEvent.change(box, { target: { value: text } });
  fireEvent.keyDown(box, { key: 'Enter', code: 'Enter', keyCode: 13 });
}

describe('PagedTable', () => {
  it('loads the first page and shows the total', async () => {
    const spy = renderTable(async (r) => ({ items: rows(3), total: 43, page: r.page, pageSize: r.pageSize }));
    expect(await screen.findByText('单位2')).toBeTruthy();
    expect(screen.getByText('共 43 条')).toBeTruthy();
    expect(spy).toHaveBeenCalledWith({ page: 1, pageSize: 20, sort: undefined, order: undefined });
  });

  it('says "more than" when the server capped its count', async () => {
    renderTable(async (r) => ({
      items: rows(3),
      total: 10_000,
      totalCapped: true,
      page: r.page,
      pageSize: r.pageSize,
    }));
    expect(await screen.findByText('单位2')).toBeTruthy();
    expect(screen.getByText('超过 10000 条')).toBeTruthy();
  });

  it('searches from page 1 and offers to clear a search that matched nothing', async () => {
    const spy = renderTable(async (r) =>
      r.q ? { items: [], total: 0, page: 1, pageSize: 20 } : { items: rows(2), total: 2, page: 1, pageSize: 20 },
    );
    await screen.findByText('单位1');
    search('井盖');
    expect(await screen.findByText('没有与“井盖”匹配的记录')).toBeTruthy();
    expect(spy).toHaveBeenLastCalledWith(expect.objectContaining({ q: '井盖', page: 1 }));
    fireEvent.click(screen.getByText(/清除搜索条件|清 除/));
    expect(await screen.findByText('单位1')).toBeTruthy();
  });

  it('starts with the search it is given (a link to one record), shown in its box', async () => {
    const spy = renderTable(async () => ({ items: rows(1), total: 1, page: 1, pageSize: 20 }), {
      initialSearch: 'XS202600007',
    });
    await screen.findByText('单位0');
    expect(spy).toHaveBeenCalledTimes(1);
    expect(spy).toHaveBeenCalledWith(expect.objectContaining({ q: 'XS202600007', page: 1 }));
    const box = screen.getByTestId('things-search').querySelector('input') as HTMLInputElement;
    expect(box.value).toBe('XS202600007');
  });

  it('asks the server to sort when a sortable header is clicked', async () => {
    const spy = renderTable(async () => ({ items: rows(2), total: 2, page: 1, pageSize: 20 }));
    await screen.findByText('单位1');
    fireEvent.click(screen.getByRole('columnheader', { name: /名称/ }));
    await waitFor(() => expect(spy).toHaveBeenLastCalledWith(expect.objectContaining({ sort: 'name', order: 'asc' })));
  });

  it('shows the empty state, and an error with a retry', async () => {
    let fail = true;
    renderTable(async () => {
      if (fail) throw new ApiError({ status: 0, code: 'NETWORK', message: 'x' });
      return { items: [], total: 0, page: 1, pageSize: 20 };
    });
    const alert = await screen.findByTestId('things-error');
    expect(alert.textContent).toContain('网络连接失败');
    fail = false;
    fireEvent.click(screen.getByTestId('things-retry'));
    expect(await screen.findByTestId('things-empty')).toBeTruthy();
    expect(screen.getByTestId('things-empty').textContent).toContain('暂无数据');
  });

  it('has no export button unless given an export route', async () => {
    renderTable(async () => ({ items: rows(1), total: 1, page: 1, pageSize: 20 }));
    await screen.findByText('单位0');
    expect(screen.queryByTestId('things-export')).toBeNull();
  });

  it('exports what the table shows: its filters, the search it ran and its sort, not the page', async () => {
    const urls: string[] = [];
    vi.stubGlobal('fetch', async (url: string) => {
      urls.push(url);
      return new Response(new Blob(['PK']), {
        status: 200,
        headers: { 'content-disposition': 'attachment; filename="things.xlsx"' },
      });
    });
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    renderTable(async (r) => ({ items: rows(2), total: 60, page: r.page, pageSize: r.pageSize }), {
      filters: { kind: 'street', active: false, unitId: undefined },
      exportPath: '/api/exports/things.xlsx',
    });
    await screen.findByText('单位1');
    search('李');
    await screen.findByText('单位1');
    fireEvent.click(screen.getByRole('columnheader', { name: /名称/ }));
    fireEvent.click(screen.getByTitle('2'));
    await waitFor(() => expect(screen.getByTitle('2').className).toContain('active'));
    fireEvent.click(screen.getByTestId('things-export'));
    await waitFor(() => expect(click).toHaveBeenCalledTimes(1));
    expect(urls).toEqual(['/api/exports/things.xlsx?kind=street&active=false&q=%E6%9D%8E&sort=name&order=asc']);
  });
});
