// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { YearbookSectionWrite } from '../../../../common/contracts/yearbook.ts';
import { api } from '../../api/client.ts';
import { fakeAuth, fakeFetch, fakeMe, renderConsole } from '../../testing.tsx';
import { documentWith, FIGURES } from './yearbook-test-data.ts';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const BODY = '全年受理问题{{overview.reported|2023}}件，结案率{{overview.closeRate|2023}}。';

function show(permissions?: (all: string[]) => string[]) {
  let doc = documentWith(BODY);
  const server = fakeFetch({
    'GET /api/yearbook/documents': () => ({
      status: 200,
      body: [{ id: 'd1', year: 2023, title: doc.title, updatedAt: doc.updatedAt }],
    }),
    'GET /api/yearbook/documents/d1': () => ({ status: 200, body: doc }),
    'GET /api/yearbook/figures': () => ({ status: 200, body: FIGURES }),
    'PUT /api/yearbook/documents/d1/sections/s1': (_m, body) => {
      const b = body as YearbookSectionWrite;
      if (b.body.includes('nothing.here'))
        return {
          status: 400,
          body: {
            error: {
              code: 'YB_BAD_PLACEHOLDER',
              message: '工作总结中的数据占位符有误',
              requestId: 'r',
              details: [
                {
                  field: 'body.body',
                  rule: 'placeholder.unknown',
                  token: '{{nothing.here|2023}}',
                  message: '{{nothing.here|2023}}：统计报表中没有这个数据项',
                },
              ],
            },
          },
        };
      doc = documentWith(b.body);
      return { status: 200, body: doc };
    },
  });
  vi.stubGlobal('fetch', server.impl);
  api.setCsrfToken('csrf-test');
  const me = fakeMe(['leader']);
  if (permissions) me.permissions = permissions(me.permissions);
  renderConsole('/yearbook?year=2023', fakeAuth(me));
  return server;
}

const textarea = () => screen.getByTestId('section-body') as HTMLTextAreaElement;

// the whole console renders (routes, layout, lazy page): slow on a loaded machine
describe('年度工作总结 composer', { timeout: 60_000 }, () => {
  it('shows the figures in place with their binding, and the panel with each drill-down', async () => {
    show();
    const section = await screen.findByTestId('section-s1');
    const marks = within(section).getAllByTestId('yearbook-figure');
    expect(marks.map((m) => [m.textContent, m.getAttribute('data-figure')])).toEqual([
      ['46574', 'overview.reported|2023'],
      ['98.5%', 'overview.closeRate|2023'],
    ]);
    expect(section.textContent).toContain('全年受理问题46574件，结案率98.5%。');
    const panel = screen.getByTestId('figure-panel');
    const reported = within(panel).getByTestId('panel-figure-overview.reported-2023');
    expect(reported.textContent).toContain('受理问题数');
    expect(within(reported).getByTestId('panel-figure-drill').getAttribute('href')).toBe(FIGURES[0]!.link);
    expect(within(panel).getByTestId('panel-figure-overview.closeRate-2023').textContent).toContain('无明细页面');
    expect(screen.getByTestId('yearbook-part-problems').textContent).toContain('（本节还没有正文）');
  });

  it('inserts a figure at the cursor without splitting a placeholder, and saves every binding', async () => {
    const server = show();
    fireEvent.click(await screen.findByTestId('section-edit-s1'));
    const el = textarea();
    expect(el.value).toBe(BODY);
    // the cursor inside {{overview.reported|2023}}: the new figure goes right after it
    const inside = BODY.indexOf('reported') + 3;
    el.setSelectionRange(inside, inside);
    fireEvent.click(screen.getByTestId('section-insert-figure'));
    fireEvent.change(await screen.findByPlaceholderText('按名称或编码查找'), { target: { value: '审批' } });
    await waitFor(() => expect(screen.queryByTestId('figure-option-overview.reported')).toBeNull());
    fireEvent.click(screen.getByTestId('figure-option-approvals.accepted'));
    const expected = BODY.replace(
      '{{overview.reported|2023}}',
      '{{overview.reported|2023}}{{approvals.accepted|2023}}',
    );
    await waitFor(() => expect(textarea().value).toBe(expected));
    fireEvent.change(textarea(), { target: { value: `${textarea().value}\n新的一段。` } });
    fireEvent.click(screen.getByTestId('section-save'));
    await waitFor(() => expect(screen.queryByTestId('section-body')).toBeNull());
    const put = server.calls.find((c) => c.method === 'PUT');
    expect((put?.body as YearbookSectionWrite).body).toBe(`${expected}\n新的一段。`);
    const marks = within(screen.getByTestId('section-s1')).getAllByTestId('yearbook-figure');
    expect(marks.map((m) => m.getAttribute('data-figure'))).toEqual([
      'overview.reported|2023',
      'approvals.accepted|2023',
      'overview.closeRate|2023',
    ]);
    expect(within(screen.getByTestId('figure-panel')).getByTestId('panel-figure-approvals.accepted-2023')).toBeTruthy();
  });

  it("shows the server's placeholder error on the field and keeps the text being edited", async () => {
    show();
    fireEvent.click(await screen.findByTestId('section-edit-s1'));
    const bad = `${BODY}拆除{{nothing.here|2023}}处`;
    fireEvent.change(textarea(), { target: { value: bad } });
    fireEvent.click(screen.getByTestId('section-save'));
    const error = await screen.findByTestId('section-body-error');
    expect(error.textContent).toBe('{{nothing.here|2023}}：统计报表中没有这个数据项');
    expect(textarea().value).toBe(bad);
  });

  it('lets a reader read and download, not edit', async () => {
    show((all) => all.filter((p) => p !== 'yearbook.edit'));
    await screen.findByTestId('section-s1');
    expect(screen.queryByTestId('section-edit-s1')).toBeNull();
    expect(screen.queryByTestId('yearbook-add-summary')).toBeNull();
    expect(screen.queryByTestId('yearbook-new-year')).toBeNull();
    expect(screen.getByText('只读：您可以查看和下载，不能修改')).toBeTruthy();
    expect((screen.getByTestId('yearbook-docx') as HTMLButtonElement).disabled).toBe(false);
  });

  it('offers to start the first year from the empty state, and opens it', async () => {
    const doc = documentWith(BODY);
    let created = false;
    const server = fakeFetch({
      'GET /api/yearbook/documents': () => ({
        status: 200,
        body: created ? [{ id: 'd1', year: 2023, title: doc.title, updatedAt: doc.updatedAt }] : [],
      }),
      'POST /api/yearbook/documents': () => {
        created = true;
        return { status: 201, body: doc };
      },
      'GET /api/yearbook/documents/d1': () => ({ status: 200, body: doc }),
    });
    vi.stubGlobal('fetch', server.impl);
    api.setCsrfToken('csrf-test');
    const { router } = renderConsole('/yearbook', fakeAuth(fakeMe(['leader'])));
    const empty = await screen.findByTestId('yearbook-empty');
    expect(empty.textContent).toContain('还没有任何年度的工作总结');
    fireEvent.click(within(empty).getByTestId('yearbook-new-year'));
    const input = await screen.findByTestId('yearbook-new-year-input');
    fireEvent.change(input, { target: { value: '2023' } });
    fireEvent.click(screen.getByTestId('yearbook-new-year-ok'));
    await screen.findByTestId('section-s1');
    expect(server.calls.find((c) => c.method === 'POST')?.body).toEqual({ year: 2023 });
    expect(router.state.location.search).toBe('?year=2023');
  });
});
