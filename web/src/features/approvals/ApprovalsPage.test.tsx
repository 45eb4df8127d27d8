// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { App } from 'antd';
import type { Application, ApplicationDetail, ApprovalType } from '../../../../common/contracts/approvals.ts';
import { api } from '../../api/client.ts';
import { fakeAuth, fakeFetch, fakeMe, withProviders } from '../../testing.tsx';
import { ApprovalsPage } from './ApprovalsPage.tsx';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const type: ApprovalType = {
  id: 't1',
  code: 'road_occupation',
  name: '临时占用城市道路',
  promisedDays: 3,
  statutoryDays: 20,
  materials: [
    { code: 'application_form', name: '申请表', required: true },
    { code: 'site_plan', name: '占道位置示意图', required: true },
  ],
  active: true,
  hasRegister: false,
};

const application: Application = {
  id: 'a1',
  applicationNo: 'SP2024-00001',
  typeId: 't1',
  typeCode: 'road_occupation',
  typeName: '临时占用城市道路',
  applicantName: '大冶市测试公司',
  applicantPhone: '139****5678',
  address: '新冶大道88号',
  summary: null,
  status: 'reviewing',
  decision: null,
  acceptedAt: '2024-03-12T02:00:00.000Z',
  dueAt: '2024-03-15T02:00:00.000Z',
  dueDate: '2024-03-15',
  pausedWorkingMs: 0,
  closedAt: null,
  permitNo: null,
};

const detail: ApplicationDetail = {
  ...application,
  materials: [
    { code: 'application_form', name: '申请表', required: true, received: true },
    { code: 'site_plan', name: '占道位置示意图', required: true, received: false },
  ],
  details: {},
  corrections: [],
  decisionNote: null,
  decidedAt: null,
  validFrom: null,
  validTo: null,
  register: null,
};

function show(roles: Parameters<typeof fakeMe>[0]) {
  const server = fakeFetch({
    'GET /api/approvals/figures': () => ({
      status: 200,
      body: {
        from: '2024-01-01',
        to: '2024-12-31',
        accepted: 121,
        closed: 121,
        early: 100,
        granted: 110,
        denied: 11,
        closedRate: 100,
        earlyRate: 82.6,
        consultations: 150,
        byType: [],
      },
    }),
    'GET /api/approvals/types': () => ({ status: 200, body: { items: [type] } }),
    'GET /api/approvals/applications': () => ({
      status: 200,
      body: { items: [application], total: 1, page: 1, pageSize: 20 },
    }),
    'GET /api/approvals/applications/a1': () => ({ status: 200, body: detail }),
  });
  vi.stubGlobal('fetch', server.impl);
  api.setCsrfToken('csrf-test');
  render(
    withProviders(
      <App>
        <ApprovalsPage />
      </App>,
      fakeAuth(fakeMe(roles)),
    ),
  );
  return server;
}

describe('行政审批 page', () => {
  it('shows the figures and the applications with their promised date', async () => {
    show(['operator']);
    expect(await screen.findByText('SP2024-00001')).toBeTruthy();
    expect(screen.getByText('2024-03-15')).toBeTruthy();
    expect(screen.getByText('审查中')).toBeTruthy();
    await waitFor(() => expect(screen.getByTestId('ap-kpi-earlyRate').textContent).toContain('82.6%'));
    expect(screen.getByTestId('ap-kpi-consultations').textContent).toContain('150');
  });

  it('opens an application with its checklist; a clerk may ask for materials but not decide', async () => {
    show(['operator']);
    fireEvent.click(await screen.findByTestId('ap-open-SP2024-00001'));
    expect(await screen.findByText('占道位置示意图')).toBeTruthy();
    expect(screen.getByText('未收')).toBeTruthy();
    expect(screen.getByText('一次性告知补正')).toBeTruthy();
    expect(screen.queryByTestId('ap-decide')).toBeNull();
  });

  it('will not log a consultation without its question', async () => {
    const server = show(['operator']);
    fireEvent.click(await screen.findByRole('tab', { name: '业务咨询' }));
    fireEvent.click(await screen.findByTestId('ap-consultations-create'));
    fireEvent.click(await screen.findByTestId('ap-consult-submit'));
    expect(await screen.findByText('此项为必填项')).toBeTruthy();
    expect(server.calls.some((c) => c.method === 'POST')).toBe(false);
  });

  it('lets an administrator edit a type, its code fixed', async () => {
    show(['admin']);
    fireEvent.click(await screen.findByRole('tab', { name: '事项与材料' }));
    expect(await screen.findByText('3个工作日')).toBeTruthy();
    fireEvent.click(await screen.findByTestId('ap-type-edit-road_occupation'));
    const code = (await screen.findByTestId('ap-type-code')) as HTMLInputElement;
    await waitFor(() => expect(code.value).toBe('road_occupation'));
    expect(code.disabled).toBe(true);
    expect((screen.getByTestId('ap-type-name') as HTMLInputElement).value).toBe('临时占用城市道路');
  });
});
