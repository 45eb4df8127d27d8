// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { App } from 'antd';
import type { Zone } from '../../../../common/contracts/yellow-line.ts';
import { api } from '../../api/client.ts';
import { fakeAuth, fakeFetch, fakeMe, withProviders } from '../../testing.tsx';
import { YellowLinePage } from './YellowLinePage.tsx';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const zone: Zone = {
  id: 'z1',
  zoneNo: 'HX-0001',
  holderKind: 'shop',
  holderName: '建设路1号水果店',
  contactName: '张三',
  contactPhone: '139****5678',
  address: '建设路1号门前',
  regionName: '东岳路街道',
  geometry: {
    type: 'LineString',
    coordinates: [
      [114.95, 30.08],
      [114.9508, 30.08],
    ],
  },
  lng: 114.95,
  lat: 30.08,
  goods: ['水果', '饮料'],
  hoursFrom: '08:00',
  hoursTo: '21:00',
  validFrom: '2023-05-01',
  validTo: '2026-04-30',
  status: 'suspended',
  permitState: 'suspended',
  warnings: 3,
  approvalId: null,
  createdAt: '2024-01-01T00:00:00Z',
  updatedAt: '2024-03-05T00:00:00Z',
};

function show(roles: Parameters<typeof fakeMe>[0]) {
  const server = fakeFetch({
    'GET /api/yellow-line/zones': () => ({ status: 200, body: { items: [zone], total: 1, page: 1, pageSize: 20 } }),
    'GET /api/yellow-line/figures': () => ({
      status: 200,
      body: {
        zones: 420,
        shops: 300,
        stalls: 120,
        inspections: 60,
        failed: 3,
        warnings: 2,
        suspensions: 1,
        revocations: 0,
        passRate: 0.95,
      },
    }),
    'GET /api/yellow-line/settings': () => ({ status: 200, body: { suspendAfter: 3, revokeAfter: 5 } }),
  });
  vi.stubGlobal('fetch', server.impl);
  api.setCsrfToken('csrf-test');
  render(
    withProviders(
      <App>
        <YellowLinePage />
      </App>,
      fakeAuth(fakeMe(roles)),
    ),
  );
  return server;
}

describe('文明黄线 page', () => {
  it('shows the figures, and the register with goods, hours and the permit state; filters by kind', async () => {
    const server = show(['enforcementOfficer']);
    expect(await screen.findByText('建设路1号水果店')).toBeTruthy();
    expect(screen.getByText('水果、饮料')).toBeTruthy();
    expect(screen.getByText('08:00–21:00')).toBeTruthy();
    expect(screen.getAllByText('已暂停').length).toBeGreaterThan(0);
    expect(await screen.findByText('420')).toBeTruthy();
    expect(screen.getByText('95%')).toBeTruthy();
    expect(screen.getByTestId('yl-zones-create')).toBeTruthy();
    fireEvent.mouseDown(screen.getByTestId('yl-filter-kind').querySelector('[role="combobox"]')!);
    fireEvent.click(await screen.findByTitle('摊位'));
    await waitFor(() =>
      expect(server.calls.some((c) => c.method === 'GET' && c.url.includes('holderKind=stall'))).toBe(true),
    );
  });

  it('lets a leader read but not draw, and shows the repeat rules read-only', async () => {
    show(['leader']);
    expect(await screen.findByText('建设路1号水果店')).toBeTruthy();
    expect(screen.queryByTestId('yl-zones-create')).toBeNull();
    fireEvent.click(screen.getByRole('tab', { name: '处置规则' }));
    expect(await screen.findByText('重复违规处置规则')).toBeTruthy();
    expect(screen.queryByTestId('yl-settings-save')).toBeNull();
  });
});
