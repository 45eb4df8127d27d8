// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { render } from '@testing-library/react';
import { App } from 'antd';
import { MemoryRouter } from 'react-router-dom';
import type { Locale } from '../../../../common/i18n/core.ts';
import { api } from '../../api/client.ts';
import { fakeAuth, fakeFetch, fakeMe, withProviders } from '../../testing.tsx';
import type { WorkOrder } from './assets.api.ts';
import { WorkOrderList } from './WorkOrderList.tsx';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const order = (over: Partial<WorkOrder> = {}): WorkOrder => ({
  id: 'wo1',
  orderNo: 'YH2024-00001',
  assetId: 'a1',
  assetCode: 'DY-ZZ-02',
  assetName: '东岳转运站',
  line: 'sanitation',
  caseId: null,
  caseNo: null,
  title: '压缩箱体焊补',
  kind: null,
  unitId: 'unit1',
  unitName: '环卫所',
  state: 'in_progress',
  dueAt: '2024-03-15T09:30:00Z',
  overdue: false,
  quantity: 10,
  quantityUnit: 'm2',
  costFen: null,
  beforePhotoIds: [],
  afterPhotoIds: [],
  note: null,
  startedAt: '2024-03-12T01:00:00Z',
  doneAt: null,
  acceptedAt: null,
  createdAt: '2024-03-12T00:00:00Z',
  updatedAt: '2024-03-12T01:00:00Z',
  ...over,
});

function show(routes: Parameters<typeof fakeFetch>[0], locale: Locale = 'zh-CN') {
  const server = fakeFetch({
    'GET /api/assets/work-orders': () => ({ status: 200, body: { items: [order()], total: 1, page: 1, pageSize: 20 } }),
    'GET /api/projects': () => ({ status: 200, body: { items: [], total: 0, page: 1, pageSize: 20 } }),
    ...routes,
  });
  vi.stubGlobal('fetch', server.impl);
  api.setCsrfToken('csrf-test');
  render(
    withProviders(
      <MemoryRouter>
        <App>
          <WorkOrderList types={[]} />
        </App>
      </MemoryRouter>,
      fakeAuth(fakeMe(['admin'])),
      locale,
    ),
  );
  return server;
}

const refusal = (code: string, details: { field: string; rule: string; message: string }[]) => ({
  status: 400,
  body: { error: { code, message: details[0]!.message, requestId: 'r', details } },
});

describe('finishing a work order in the console', { timeout: 60_000 }, () => {
  it('sends the quantity in the order’s unit, the cost in fen and the note', async () => {
    const server = show({
      'POST /api/assets/work-orders/wo1/steps': () => ({ status: 200, body: order({ state: 'done' }) }),
    });
    fireEvent.click(await screen.findByTestId('wo-finish-wo1'));
    const form = await screen.findByTestId('wo-finish-form');
    // the order's own figures are where the dialog starts
    expect((within(form).getByTestId('wo-finish-quantity') as HTMLInputElement).value).toBe('10');
    expect(within(form).getByText('平方米')).toBeTruthy();
    fireEvent.change(within(form).getByTestId('wo-finish-quantity'), { target: { value: '12.5' } });
    fireEvent.change(within(form).getByTestId('wo-finish-cost'), { target: { value: '1234.56' } });
    fireEvent.change(within(form).getByTestId('wo-finish-note'), { target: { value: ' 焊补两处 ' } });
    fireEvent.click(screen.getByTestId('wo-finish-submit'));
    await waitFor(() => expect(server.calls.some((c) => c.method === 'POST')).toBe(true));
    expect(server.calls.find((c) => c.method === 'POST')!.body).toEqual({
      action: 'finish',
      quantity: 12.5,
      quantityUnit: 'm2',
      costFen: 123_456,
      afterPhotoIds: [],
      note: '焊补两处',
    });
  });

  it('puts the server’s refusals on the quantity unit and the cost in yuan (English)', async () => {
    show(
      {
        'POST /api/assets/work-orders/wo1/steps': () =>
          refusal('VALIDATION_FAILED', [
            { field: 'body.quantityUnit', rule: 'required', message: 'must have property quantityUnit' },
            { field: 'body.costFen', rule: 'maximum', message: 'must be <= 10000000000' },
          ]),
      },
      'en',
    );
    fireEvent.click(await screen.findByTestId('wo-finish-wo1'));
    await screen.findByTestId('wo-finish-form');
    fireEvent.click(screen.getByTestId('wo-finish-submit'));
    const form = screen.getByTestId('wo-finish-form');
    await waitFor(() => expect(within(form).getByText('must be <= 10000000000')).toBeTruthy());
    const costItem = within(form).getByText('must be <= 10000000000').closest('.ant-form-item')!;
    expect(within(costItem as HTMLElement).getByText('Actual cost')).toBeTruthy();
    expect(form.querySelectorAll('.ant-form-item-has-error')).toHaveLength(2);
  });
});

describe('a work order’s detail', { timeout: 60_000 }, () => {
  it('shows the photos before and after, quantity, cost, case and project', async () => {
    show({
      'GET /api/assets/work-orders/wo1': () => ({
        status: 200,
        body: order({
          state: 'done',
          quantity: 12.5,
          costFen: 123_456,
          caseId: 'c1',
          caseNo: 'AJ2024-00007',
          projectId: 'p1',
          projectName: '转运站提升改造工程',
          beforePhotoIds: ['b1', 'b2'],
          afterPhotoIds: ['f1'],
        }),
      }),
    });
    fireEvent.click(await screen.findByTestId('wo-open-wo1'));
    const before = await screen.findByTestId('wo-detail-before');
    await waitFor(() => expect(before.querySelectorAll('img')).toHaveLength(2));
    expect(before.querySelector('img')!.getAttribute('src')).toBe('/api/photos/b1/thumb');
    expect(screen.getByTestId('wo-detail-after').querySelectorAll('img')).toHaveLength(1);
    expect(screen.getByTestId('wo-detail-quantity').textContent).toBe('12.5 平方米');
    expect(screen.getByTestId('wo-detail-cost').textContent).toBe('1234.56');
    expect(screen.getByText('AJ2024-00007').getAttribute('href')).toBe('/cases/c1');
    expect(screen.getByTestId('wo-detail-project').textContent).toBe('转运站提升改造工程');
  });
});

describe('the work-order list rows', { timeout: 60_000 }, () => {
  it("name each order's project with a link and count its photos before and after", async () => {
    show({
      'GET /api/assets/work-orders': () => ({
        status: 200,
        body: {
          items: [
            order({
              projectId: 'p1',
              projectName: '雨污分流改造',
              beforePhotoIds: ['b1', 'b2'],
              afterPhotoIds: ['f1'],
            }),
            order({ id: 'wo2', orderNo: 'YH2024-00002' }),
          ],
          total: 2,
          page: 1,
          pageSize: 20,
        },
      }),
    });
    const project = await screen.findByTestId('wo-project-wo1');
    expect(project.textContent).toBe('雨污分流改造');
    expect(project.getAttribute('href')).toBe('/projects?open=p1');
    expect(screen.getByTestId('wo-photos-wo1').textContent).toBe('前2 后1');
    expect(screen.getByTestId('wo-photos-wo2').textContent).toBe('前0 后0');
    expect(screen.queryByTestId('wo-project-wo2')).toBeNull();
  });
});
