// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { App } from 'antd';
import type { Agreement, Figures } from '../../../../common/contracts/frontage.ts';
import { api } from '../../api/client.ts';
import { fakeAuth, fakeFetch, fakeMe, withProviders } from '../../testing.tsx';
import { FrontagePage } from './FrontagePage.tsx';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const figures: Figures = {
  from: '2024-01-01',
  to: '2024-03-12',
  agreementsSigned: 16,
  agreementsActive: 16,
  inspections: 27,
  averageScore: 77.8,
  excellentRate: 0.259,
  redListed: 7,
  blackListed: 5,
  volunteers: 5,
  hoursServed: 42,
  committees: 3,
  selfReports: 6,
  byRegion: [{ regionId: 'g1', regionName: '东岳路街道', agreements: 4, inspections: 7, committees: 1 }],
};

const agreement: Agreement = {
  id: 'a1',
  agreementNo: 'MQSB2024-0001',
  shopName: '惠民超市（新冶大道店）',
  creditCode: null,
  operatorName: '李志强',
  operatorPhone: '139****0000',
  address: '新冶大道10号',
  regionId: 'g1',
  regionName: '东岳路街道',
  lng: 114.97,
  lat: 30.1,
  area: null,
  areaM2: null,
  scope: '门店外墙至路沿石',
  periodFrom: '2024-01-01',
  periodTo: '2024-12-31',
  signedOn: '2024-01-02',
  status: 'active',
  inspections: 2,
  lastScore: 94,
  lastInspectedOn: '2024-03-09',
  createdAt: '2024-01-02T00:00:00Z',
  updatedAt: '2024-01-02T00:00:00Z',
};

function show(roles: Parameters<typeof fakeMe>[0]) {
  const server = fakeFetch({
    'GET /api/frontage/figures': () => ({ status: 200, body: figures }),
    'GET /api/frontage/agreements': () => ({
      status: 200,
      body: { items: [agreement], total: 1, page: 1, pageSize: 20 },
    }),
  });
  vi.stubGlobal('fetch', server.impl);
  api.setCsrfToken('csrf-test');
  render(
    withProviders(
      <App>
        <FrontagePage />
      </App>,
      fakeAuth(fakeMe(roles)),
    ),
  );
  return server;
}

describe('门前三包 page', () => {
  it('shows the figures of the period as cards and by street', async () => {
    show(['leader']);
    expect(await screen.findByText('27')).toBeTruthy();
    expect(screen.getByText('签订责任书（份）')).toBeTruthy();
    expect(screen.getByText('25.9%')).toBeTruthy();
    expect(screen.getByText('东岳路街道')).toBeTruthy();
  });

  it('lists agreements with the latest score; a reader sees no inspect button', async () => {
    show(['leader']);
    fireEvent.click(await screen.findByRole('tab', { name: '责任书' }));
    expect(await screen.findByText('惠民超市（新冶大道店）')).toBeTruthy();
    expect(screen.getByText('94（2024-03-09）')).toBeTruthy();
    expect(screen.queryByTestId('fr-inspect-a1')).toBeNull();
    expect(screen.getByTestId('fr-docx-a1')).toBeTruthy();
  });

  it('will not record an inspection without its score', async () => {
    const server = show(['squadLeader']);
    fireEvent.click(await screen.findByRole('tab', { name: '责任书' }));
    fireEvent.click(await screen.findByTestId('fr-inspect-a1'));
    fireEvent.click(await screen.findByTestId('fr-inspect-submit'));
    expect((await screen.findAllByText('此项为必填项')).length).toBeGreaterThan(0);
    expect(server.calls.some((c) => c.method === 'POST')).toBe(false);
  });
});
