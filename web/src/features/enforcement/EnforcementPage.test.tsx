// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { App } from 'antd';
import { MemoryRouter } from 'react-router-dom';
import type { EnforcementCaseDetail, EnforcementCaseSummary } from '../../../../common/contracts/enforcement.ts';
import { fakeAuth, fakeFetch, fakeMe, withProviders } from '../../testing.tsx';
import { CaseEnforcementCard } from './CaseEnforcementCard.tsx';
import { EnforcementPage } from './EnforcementPage.tsx';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const SUMMARY: EnforcementCaseSummary = {
  id: 'e1',
  caseNo: 'ZF202400001',
  procedure: 'ordinary',
  source: 'city_case',
  stage: 'executing',
  violationCode: 'wfjs',
  partyKind: 'person',
  partyName: '张三',
  partyIdentifier: '110**************X',
  fineFen: 600_000,
  decisionNo: '大城管罚决字〔2024〕第1号',
  decisionDue: '2024-06-11',
  createdAt: '2024-03-12T02:00:00.000Z',
};

const DETAIL: EnforcementCaseDetail = {
  ...SUMMARY,
  version: 9,
  sourceCaseId: 'c1',
  sourceCaseNo: '420281-20240312-00001',
  sourceRef: null,
  major: true,
  discussion: true,
  facts: '未取得建设工程规划许可证擅自搭建',
  address: null,
  violationOn: '2024-03-10',
  partyUnmasked: false,
  basisId: 'b1',
  bandId: 'band1',
  proposedFineFen: 600_000,
  decisionKind: 'fine',
  bandExceptionReason: null,
  decidedOn: '2024-04-28',
  filedOn: '2024-03-12',
  extensionDays: 0,
  hearing: true,
  statementDue: '2024-04-08',
  hearingDue: '2024-04-10',
  serviceDue: '2024-05-10',
  servedOn: '2024-04-30',
  paymentDue: '2024-05-15',
  paidFen: 0,
  lateFeeFen: 90_000,
  outstandingFen: 690_000,
  closedOn: null,
  archivedOn: null,
  officers: [{ userId: 'u1', name: '黄队员', certNo: '42028100101' }],
  allowedActions: [],
  events: [
    {
      id: 'ev1',
      action: 'decide',
      fromStage: 'deciding',
      toStage: 'serving',
      actorId: 'u2',
      note: null,
      officers: [],
      data: null,
      at: '2024-04-28T02:00:00.000Z',
    },
  ],
  evidence: [],
  payments: [],
};

function renderPage(locale: 'zh-CN' | 'en' = 'zh-CN') {
  const fetch = fakeFetch({
    'GET /api/enforcement/cases': () => ({ status: 200, body: { items: [SUMMARY], total: 1, page: 1, pageSize: 20 } }),
    'GET /api/enforcement/cases/e1': () => ({ status: 200, body: DETAIL }),
  });
  vi.stubGlobal('fetch', fetch.impl);
  render(
    withProviders(
      <MemoryRouter>
        <App>
          <EnforcementPage />
        </App>
      </MemoryRouter>,
      fakeAuth(fakeMe(['bureauLeader'])),
      locale,
    ),
  );
}

describe('enforcement cases', () => {
  it('lists cases with stage and fine, and opens one with its clocks, money and link to the city case', async () => {
    renderPage();
    fireEvent.click(await screen.findByTestId('enforcement-row-ZF202400001'));
    const drawer = await screen.findByTestId('enforcement-drawer');
    expect(await within(drawer).findByText('大城管罚决字〔2024〕第1号')).toBeTruthy();
    expect(within(drawer).getByTestId('enforcement-outstanding').textContent).toBe('¥6900.00');
    expect(within(drawer).getByTestId('enforcement-party-identifier').textContent).toBe('110**************X');
    expect(within(drawer).getByText('已脱敏（仅本案执法人员可见完整号码）')).toBeTruthy();
    expect(within(drawer).getByTestId('enforcement-city-case').getAttribute('href')).toBe('/cases/c1');
    expect(within(drawer).getByText('作出处罚决定')).toBeTruthy();
  });

  it('speaks English', async () => {
    renderPage('en');
    expect(await screen.findByText('Administrative penalty cases')).toBeTruthy();
    expect(await screen.findByText('Execution')).toBeTruthy();
  });
});

describe('the link back on a city case', () => {
  const renderCard = (roles: Parameters<typeof fakeMe>[0]) => {
    const fetch = fakeFetch({
      'GET /api/enforcement/by-case/c1': () => ({ status: 200, body: { items: [SUMMARY] } }),
      'GET /api/enforcement/cases/e1': () => ({ status: 200, body: DETAIL }),
    });
    vi.stubGlobal('fetch', fetch.impl);
    render(
      withProviders(
        <MemoryRouter>
          <App>
            <CaseEnforcementCard caseId="c1" />
          </App>
        </MemoryRouter>,
        fakeAuth(fakeMe(roles)),
      ),
    );
    return fetch;
  };

  it('lists the enforcement cases opened from the case and opens one', async () => {
    renderCard(['squadLeader']);
    fireEvent.click(await screen.findByTestId('case-enforcement-ZF202400001'));
    expect(await screen.findByTestId('enforcement-drawer')).toBeTruthy();
  });

  it('asks nothing for a user who does not read enforcement cases', async () => {
    const fetch = renderCard(['inspector']);
    expect(fetch.calls.filter((c) => c.url.includes('/api/enforcement/'))).toEqual([]);
    expect(screen.queryByTestId('case-enforcement')).toBeNull();
  });
});
