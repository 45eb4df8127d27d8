// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
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
  unitId: 'squad1',
  leniency: null,
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
  demandServedOn: null,
  paymentDue: '2024-05-15',
  paidFen: 0,
  lateFeeFen: 90_000,
  outstandingFen: 690_000,
  closedOn: null,
  archivedOn: null,
  unitName: '执法一中队',
  priorCaseId: null,
  hearingRequestedOn: null,
  hearingHeldOn: null,
  hearingOutcome: null,
  statementOutcome: null,
  paymentPlan: null,
  courtAppliedOn: null,
  reconsiderationOutcome: null,
  litigationOutcome: null,
  warnings: [],
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

describe('立案 from a city case', () => {
  const BASES = [
    {
      id: 'b1',
      violationCode: 'wfjs',
      violationName: '违法建设',
      law: '城乡规划法',
      article: '第六十四条',
      provisionText: '示例',
      sample: true,
      bands: [],
    },
  ];
  const OFFICERS = [
    { userId: 'u1', name: '黄队员', unitName: '执法一中队' },
    { userId: 'u2', name: '吴队员', unitName: '执法一中队' },
  ];

  async function pick(testId: string, title: string) {
    fireEvent.mouseDown(within(screen.getByTestId(testId)).getByRole('combobox'));
    // An earlier dropdown stays in the document: the one just opened is the last.
    fireEvent.click((await screen.findAllByTitle(title)).at(-1)!);
  }
  const type = (testId: string, value: string) => {
    const el = screen.getByTestId(testId);
    fireEvent.change(el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' ? el : el.querySelector('input')!, {
      target: { value },
    });
  };

  it('sends the case link, the party and two officers; a bad ID number comes back on its field', async () => {
    let answer: { status: number; body: unknown } = {
      status: 400,
      body: {
        error: {
          code: 'ENFORCEMENT_INVALID_ID_NUMBER',
          message: 'bad',
          requestId: 'r',
          details: [{ field: 'body.party.idNumber', rule: 'idNumber.checkChar', message: 'bad' }],
        },
      },
    };
    const fetch = fakeFetch({
      'GET /api/enforcement/by-case/c1': () => ({ status: 200, body: { items: [] } }),
      'GET /api/enforcement/bases': () => ({ status: 200, body: { items: BASES } }),
      'GET /api/enforcement/officers': () => ({ status: 200, body: { items: OFFICERS } }),
      'POST /api/enforcement/cases': () => answer,
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
        fakeAuth(fakeMe(['enforcementOfficer'])),
      ),
    );
    fireEvent.click(await screen.findByTestId('case-enforcement-create'));
    await screen.findByTestId('enforcement-create-modal');
    await pick('enforcement-create-violation', '违法建设');
    type('enforcement-create-facts', '擅自搭建');
    type('enforcement-create-party-name', '张三');
    type('enforcement-create-id-number', '110105194912310021');
    await pick('enforcement-create-officer-0', '黄队员（执法一中队）');
    type('enforcement-create-cert-0', '42028100101');
    await pick('enforcement-create-officer-1', '吴队员（执法一中队）');
    type('enforcement-create-cert-1', '42028100102');
    fireEvent.click(screen.getByTestId('enforcement-create-submit'));
    expect(await screen.findAllByText('身份证号码无效（应为 18 位，校验码须符合 GB 11643）')).not.toHaveLength(0);
    const post = fetch.calls.find((c) => c.method === 'POST');
    expect(post?.body).toMatchObject({
      procedure: 'ordinary',
      source: 'city_case',
      sourceCaseId: 'c1',
      violationCode: 'wfjs',
      party: { kind: 'person', name: '张三', idNumber: '110105194912310021' },
      officers: [
        { userId: 'u1', certNo: '42028100101' },
        { userId: 'u2', certNo: '42028100102' },
      ],
    });

    answer = { status: 201, body: DETAIL };
    type('enforcement-create-id-number', '11010519491231002X');
    fireEvent.click(screen.getByTestId('enforcement-create-submit'));
    expect(await screen.findByTestId('enforcement-drawer')).toBeTruthy();
    await waitFor(() => expect(fetch.calls.filter((c) => c.method === 'POST')).toHaveLength(2));
  });
});
