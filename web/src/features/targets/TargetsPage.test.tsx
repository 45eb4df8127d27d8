// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { TargetDetail, TargetView } from '../../../../common/contracts/targets.ts';
import { api } from '../../api/client.ts';
import { fakeAuth, fakeFetch, fakeMe, renderConsole } from '../../testing.tsx';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const quarters = (values: (number | null)[], target: number) =>
  values.map((value, i) => ({
    quarter: i + 1,
    end: ['2024-03-31', '2024-06-30', '2024-09-30', '2024-12-31'][i] ?? '',
    value,
    share: value === null ? null : Math.round((value / target) * 1000) / 10,
  }));

const figure: TargetView = {
  id: 't1',
  year: 2024,
  code: 'T01',
  title: '查违控违：全年拆除违法建设面积不少于4万平方米',
  titleEn: null,
  unitId: 'u-enf',
  unitName: '城管执法大队',
  kind: 'figure',
  figureKey: 'illegalConstruction.bureauAreaM2',
  figureLabel: '局组织拆除面积',
  figureUnit: 'm2',
  comparison: 'gte',
  measureUnit: null,
  targetValue: 40000,
  dueOn: '2024-12-31',
  notes: null,
  value: 8000,
  asOf: '2024-03-12',
  share: 20,
  elapsed: 19.4,
  status: 'onTrack',
  quarters: quarters([8000, null, null, null], 40000),
  canReport: false,
  updatedAt: '2024-03-01T00:00:00Z',
};
const manual: TargetDetail = {
  ...figure,
  id: 't6',
  code: 'T06',
  title: '创建垃圾分类示范小区和示范湾组10个',
  unitId: 'u-san',
  unitName: '环卫所',
  kind: 'manual',
  figureKey: null,
  figureLabel: null,
  figureUnit: null,
  measureUnit: '个',
  targetValue: 10,
  value: 1,
  share: 10,
  status: 'behind',
  quarters: quarters([1, null, null, null], 10),
  canReport: true,
  reports: [
    {
      id: 'r1',
      value: 1,
      reportedOn: '2024-02-28',
      note: '东岳路街道创建1个示范小区',
      photoIds: [],
      createdByName: '赵所长',
      createdAt: '2024-02-28T02:00:00Z',
    },
  ],
};

function show(roles: Parameters<typeof fakeMe>[0], path = '/targets?year=2024') {
  const server = fakeFetch({
    'GET /api/targets': () => ({ status: 200, body: { items: [figure, manual], total: 2, page: 1, pageSize: 20 } }),
    'GET /api/targets/t6': () => ({ status: 200, body: manual }),
    'POST /api/targets/t6/reports': () => ({ status: 201, body: { ...manual, value: 4, share: 40 } }),
  });
  vi.stubGlobal('fetch', server.impl);
  api.setCsrfToken('csrf-test');
  renderConsole(path, fakeAuth(fakeMe(roles)));
  return server;
}

// the whole console renders (routes, layout, lazy page): slow on a loaded machine
describe('目标任务 page', { timeout: 60_000 }, () => {
  it('lists the year’s targets with progress and status, and the quarterly view', async () => {
    const server = show(['leader']);
    const table = await screen.findByTestId('targets-table');
    expect(await within(table).findByText(figure.title)).toBeTruthy();
    expect(within(table).getByText('≥ 40000平方米')).toBeTruthy();
    expect(within(table).getByText('8000平方米')).toBeTruthy();
    expect(within(table).getByText('进行中')).toBeTruthy();
    expect(within(table).getByText('滞后')).toBeTruthy();
    expect(server.calls.some((c) => c.url.includes('/api/targets?') && c.url.includes('year=2024'))).toBe(true);
    // a leader sets targets
    expect(screen.getByTestId('targets-create')).toBeTruthy();
    fireEvent.click(screen.getByText('季度进度'));
    const quarterly = await screen.findByTestId('targets-quarterly');
    expect((await within(quarterly).findAllByText('第1季度末')).length).toBeGreaterThan(0);
    expect(within(quarterly).getAllByText('20%').length).toBeGreaterThan(0);
  });

  it('lets the owner unit report progress with a value and a date', async () => {
    const server = show(['unitManager'], '/targets?year=2024&open=t6');
    const detail = await screen.findByTestId('target-detail');
    expect(within(detail).getByText('东岳路街道创建1个示范小区')).toBeTruthy();
    expect(screen.queryByTestId('targets-create')).toBeNull();
    fireEvent.click(within(detail).getByTestId('target-report-add'));
    fireEvent.change(await screen.findByTestId('target-report-value'), { target: { value: '4' } });
    fireEvent.click(screen.getByTestId('target-report-submit'));
    // the date is required: nothing is sent without it
    expect((await screen.findAllByText('此项为必填项')).length).toBeGreaterThan(0);
    expect(server.calls.some((c) => c.method === 'POST')).toBe(false);
    await waitFor(() => expect(screen.getByTestId('target-report-value')).toBeTruthy());
  });
});
