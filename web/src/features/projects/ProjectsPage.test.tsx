// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { ProjectDetail } from '../../../../common/contracts/projects.ts';
import { api } from '../../api/client.ts';
import { fakeAuth, fakeFetch, fakeMe, renderConsole } from '../../testing.tsx';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const project: ProjectDetail = {
  id: 'p1',
  name: '大冶市2023年城市燃气管道等老化更新改造项目',
  shortName: '燃气老化管网改造项目',
  unitId: 'u1',
  unitName: '燃气管理处',
  startOn: '2023-03-01',
  endOn: '2024-12-31',
  budgetFen: 3_200_000_000,
  fundsFen: 1_841_000_000,
  subprojects: 2,
  subprojectsDone: 1,
  progressPct: 60,
  weightsComplete: true,
  lng: null,
  lat: null,
  updatedAt: '2024-03-01T00:00:00Z',
  description: null,
  funds: [
    { id: 'f1', source: 'central_budget', amountFen: 1_841_000_000, wonOn: '2023-06-20', documentNo: null, note: null },
  ],
  subprojectList: [
    {
      id: 's1',
      name: '墈头街片区燃气老化管道更新改造',
      weightBp: 5000,
      location: null,
      lng: null,
      lat: null,
      progressPct: 100,
      done: true,
      weightsComplete: true,
      milestones: [],
    },
    {
      id: 's2',
      name: '城区中压主干管网更新改造',
      weightBp: 5000,
      location: null,
      lng: null,
      lat: null,
      progressPct: 20,
      done: false,
      weightsComplete: true,
      milestones: [],
    },
  ],
  reports: [],
};

function show(roles: Parameters<typeof fakeMe>[0], path = '/projects?open=p1') {
  const server = fakeFetch({
    'GET /api/projects': () => ({ status: 200, body: { items: [project], total: 1, page: 1, pageSize: 20 } }),
    'GET /api/projects/figures': () => ({
      status: 200,
      body: {
        from: '2000-01-01',
        to: '2024-03-12',
        fundsFen: 2_641_000_000,
        bySource: [{ source: 'central_budget', amountFen: 1_841_000_000, count: 1 }],
        projectsFunded: 2,
        subprojects: 2,
        subprojectsDone: 1,
        projects: [
          {
            id: 'p1',
            name: project.name,
            shortName: project.shortName,
            subprojects: 2,
            subprojectsDone: 1,
            progressPct: 60,
          },
        ],
      },
    }),
    'GET /api/projects/p1': () => ({ status: 200, body: project }),
    'POST /api/projects/p1/subprojects': () => ({
      status: 400,
      body: {
        error: {
          code: 'VALIDATION_FAILED',
          message: 'bad',
          requestId: 'r',
          details: [
            { field: 'body.weightBp', rule: 'sum', message: '同级权重合计将达150%，超过100%；本项最多还可分配0%' },
          ],
        },
      },
    }),
  });
  vi.stubGlobal('fetch', server.impl);
  api.setCsrfToken('csrf-test');
  renderConsole(path, fakeAuth(fakeMe(roles)));
  return server;
}

// the whole console renders (routes, layout, lazy page): slow on a loaded machine
describe('项目与资金 page', { timeout: 60_000 }, () => {
  it('shows the figures, the list and a project with its funds and subprojects', async () => {
    show(['admin']);
    const detail = await screen.findByTestId('project-detail');
    expect(within(detail).getByText('燃气管理处')).toBeTruthy();
    expect(within(detail).getByText('中央预算内')).toBeTruthy();
    expect(within(detail).getByText('城区中压主干管网更新改造')).toBeTruthy();
    expect(within(detail).getByText('已完工')).toBeTruthy();
    const figures = screen.getByTestId('projects-figures');
    expect(within(figures).getByText('2,641')).toBeTruthy();
    expect(within(figures).getByText('燃气老化管网改造项目总体进度')).toBeTruthy();
  });

  it('refuses an amount that is not yuan with two decimals, before sending anything', async () => {
    const server = show(['admin']);
    fireEvent.click(await screen.findByTestId('project-fund-add'));
    fireEvent.change(await screen.findByTestId('project-fund-amount'), { target: { value: '-5' } });
    fireEvent.click(screen.getByTestId('project-fund-submit'));
    expect(await screen.findByText('请输入金额（元），最多两位小数')).toBeTruthy();
    expect(server.calls.some((c) => c.method === 'POST')).toBe(false);
  });

  it('puts the server’s weight message on the weight field', async () => {
    const server = show(['admin']);
    fireEvent.click(await screen.findByTestId('project-sub-add'));
    fireEvent.change(await screen.findByLabelText('子项目名称'), { target: { value: '新子项目' } });
    fireEvent.change(screen.getByLabelText('权重（%）'), { target: { value: '50' } });
    fireEvent.click(screen.getByTestId('project-plan-submit'));
    await waitFor(() => expect(server.calls.some((c) => c.method === 'POST')).toBe(true));
    expect((await screen.findAllByText('同级权重合计将达150%，超过100%；本项最多还可分配0%')).length).toBeGreaterThan(
      0,
    );
  });

  it('offers a leader no editing', async () => {
    show(['leader']);
    await screen.findByTestId('project-detail');
    expect(screen.queryByTestId('project-fund-add')).toBeNull();
    expect(screen.queryByTestId('project-sub-add')).toBeNull();
    expect(screen.queryByTestId('projects-create')).toBeNull();
  });
});
