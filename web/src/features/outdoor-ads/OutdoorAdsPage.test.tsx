// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { App } from 'antd';
import type { OutdoorAd } from '../../../../common/contracts/outdoor-ads.ts';
import { api } from '../../api/client.ts';
import { fakeAuth, fakeFetch, fakeMe, withProviders } from '../../testing.tsx';
import { OutdoorAdsPage } from './OutdoorAdsPage.tsx';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const ad: OutdoorAd = {
  id: 'a1',
  adType: 'high',
  status: 'active',
  regionId: 'g1',
  regionName: '东岳路街道',
  address: '新冶大道1号楼顶',
  lng: 114.98,
  lat: 30.1,
  geometry: null,
  sizeM2: 96.5,
  content: '楼顶广告',
  ownerName: '大冶广告公司',
  ownerPhone: '139****5678',
  permitNo: '大城管广字〔2024〕第9号',
  permitFrom: '2023-04-01',
  permitTo: '2024-04-01',
  lastInspectedOn: '2024-03-05',
  lastResult: 'hazard',
  nextInspectionOn: '2024-09-01',
  createdAt: '2024-01-01T00:00:00Z',
  updatedAt: '2024-03-05T00:00:00Z',
};

function show(roles: Parameters<typeof fakeMe>[0]) {
  const server = fakeFetch({
    'GET /api/outdoor-ads/ads': () => ({ status: 200, body: { items: [ad], total: 1, page: 1, pageSize: 20 } }),
    'GET /api/outdoor-ads/reminders': () => ({
      status: 200,
      body: { today: '2024-03-12', items: [{ kind: 'permit_expiring', date: '2024-04-01', ad }] },
    }),
    'GET /api/outdoor-ads/flood-sweep': () => ({ status: 200, body: { year: 2024, since: '2024-03-01', items: [ad] } }),
  });
  vi.stubGlobal('fetch', server.impl);
  api.setCsrfToken('csrf-test');
  render(
    withProviders(
      <App>
        <OutdoorAdsPage />
      </App>,
      fakeAuth(fakeMe(roles)),
    ),
  );
  return server;
}

describe('户外广告 page', () => {
  it('lists the inventory with the masked phone and the latest inspection, and filters by type', async () => {
    const server = show(['admin']);
    expect(await screen.findByText('新冶大道1号楼顶')).toBeTruthy();
    expect(screen.getByText('有隐患')).toBeTruthy();
    expect(screen.getByText('高空广告')).toBeTruthy();
    expect(screen.getByTestId('oa-ads-export')).toBeTruthy();
    fireEvent.mouseDown(screen.getByTestId('oa-ads-filter-type').querySelector('[role="combobox"]')!);
    fireEvent.click(await screen.findByTitle('灯箱广告'));
    await waitFor(() =>
      expect(server.calls.some((c) => c.method === 'GET' && c.url.includes('adType=light_box'))).toBe(true),
    );
  });

  it('will not record a removal without its date', async () => {
    const server = show(['admin']);
    fireEvent.click(await screen.findByTestId('oa-remove-a1'));
    fireEvent.click(await screen.findByTestId('oa-remove-submit'));
    expect(await screen.findByText('此项为必填项')).toBeTruthy();
    expect(server.calls.some((c) => c.method === 'POST')).toBe(false);
  });

  it('shows reminders by kind and the pre-flood sweep list', async () => {
    show(['leader']);
    expect(await screen.findByText('新冶大道1号楼顶')).toBeTruthy();
    expect(screen.queryByTestId('oa-remove-a1')).toBeNull();
    fireEvent.click(screen.getByRole('tab', { name: '到期与检查提醒' }));
    expect(await screen.findByText('许可即将到期')).toBeTruthy();
    expect(screen.getByText('2024-04-01')).toBeTruthy();
    // the owner's phone as the server masked it
    expect(screen.getByText('139****5678')).toBeTruthy();
    fireEvent.click(screen.getByRole('tab', { name: '汛前安全排查' }));
    expect((await screen.findByTestId('oa-sweep-intro')).textContent).toContain('自2024-03-01起');
    expect(screen.getByTestId('oa-sweep-intro').textContent).toContain('共1处');
  });
});
