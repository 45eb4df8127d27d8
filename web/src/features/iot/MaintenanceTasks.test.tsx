// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from 'antd';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { MaintenanceTask } from '../../../../common/contracts/iot.ts';
import { api } from '../../api/client.ts';
import { fakeAuth, fakeFetch, fakeMe, withProviders } from '../../testing.tsx';
import { MaintenanceTasks } from './MaintenanceTasks.tsx';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

const task: MaintenanceTask = {
  id: 'mt-1',
  deviceId: 'd-1',
  deviceCode: 'BIN-007',
  deviceName: '满溢传感器 7',
  deviceType: 'bin_fill',
  reason: 'low_battery',
  batteryPct: 9,
  thresholdPct: 20,
  currentBatteryPct: 9,
  raisedAt: '2026-12-01T02:00:00Z',
  state: 'open',
  doneAt: null,
  doneBy: null,
  doneReason: null,
  doneBatteryPct: null,
  note: null,
  version: 1,
};

describe('maintenance tasks tab', () => {
  it('exports what the list shows: the state filter, the search text and the sort', async () => {
    const server = fakeFetch({
      'GET /api/device-maintenance': () => ({ status: 200, body: { items: [task], total: 1, page: 1, pageSize: 20 } }),
      'GET /api/device-maintenance/settings': () => ({ status: 200, body: { lowBatteryPct: 20 } }),
      'GET /api/device-maintenance/export.csv': () => ({ status: 200, body: 'device_code' }),
    });
    vi.stubGlobal('fetch', server.impl);
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    api.setCsrfToken('csrf-test');
    render(
      withProviders(
        <App>
          <MaintenanceTasks />
        </App>,
        fakeAuth(fakeMe(['admin'])),
      ),
    );
    expect(await screen.findByText('BIN-007')).toBeTruthy();
    const box = screen.getByTestId('maintenance-search').querySelector('input') as HTMLInputElement;
    fireEvent.change(box, { target: { value: 'BIN-007' } });
    fireEvent.keyDown(box, { key: 'Enter', code: 'Enter', keyCode: 13 });
    await waitFor(() =>
      expect(
        server.calls.some((c) => c.url.startsWith('/api/device-maintenance?') && c.url.includes('q=BIN-007')),
      ).toBe(true),
    );
    const button = screen.getByTestId('maintenance-export');
    expect(button.textContent).toContain('导出 CSV');
    fireEvent.click(button);
    await waitFor(() => expect(server.calls.some((c) => c.url.includes('export.csv'))).toBe(true));
    const exported = server.calls.find((c) => c.url.includes('export.csv'))!.url;
    const listed = [...server.calls].reverse().find((c) => c.url.startsWith('/api/device-maintenance?'))!.url;
    const params = (url: string) => new URL(url, 'http://x').searchParams;
    expect(params(exported).get('q')).toBe('BIN-007');
    expect(params(exported).get('state')).toBe('open');
    expect(params(exported).get('sort')).toBe('raisedAt');
    expect(params(exported).get('order')).toBe('desc');
    // the same filters as the list's own request, without its page
    for (const key of ['q', 'state', 'sort', 'order']) expect(params(exported).get(key)).toBe(params(listed).get(key));
    expect(params(exported).get('page')).toBeNull();
  });
});
