// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import type { Feature } from 'geojson';
import type { LineSummary } from '../../../../common/contracts/lines.ts';
import { fakeAuth, fakeFetch, fakeMe, renderConsole, withProviders } from '../../testing.tsx';
import { DashboardScreen } from '../dashboard/DashboardScreen.tsx';
import { resetLinesCache } from './useLines.ts';

/**
 * The tenant's lines in the browser (docs/lines.md): the menu and the route of a switched-off line, and the 大屏's
 * switcher with a line's panel. The server's own refusals are tested in line-views.http.test.ts.
 */
const SETTING = { enabled: ['sanitation', 'drainage'], floodSeason: { from: '03-01', to: '10-31' } };
const DRAINAGE: LineSummary = {
  line: 'drainage',
  month: '2024-03',
  assets: 26,
  types: [
    { code: 'DRN-PUMP', nameZh: '排水泵站', nameEn: 'Pump station', logUnit: 'h', count: 19, monthQuantity: 310.5 },
    { code: 'DRN-FLOOD', nameZh: '易涝点', nameEn: 'Waterlogging point', logUnit: null, count: 5, monthQuantity: 0 },
  ],
  openOrders: 3,
  monthOrdersDone: 2,
  monthSpendFen: 1_250_000,
  shared: [],
  flood: {
    season: true,
    points: [
      {
        id: 'p1',
        code: 'DY-YL-01',
        name: '新冶大道下穿通道易涝点',
        thresholdCm: 30,
        waterCm: 34,
        readAt: '2024-03-12T00:00:00Z',
      },
      { id: 'p2', code: 'DY-YL-02', name: '金湖大道与建设路口易涝点', thresholdCm: 20, waterCm: null, readAt: null },
    ],
    today: { date: '2024-03-12', leader: '张科长', staff: ['李工', '王工'], phone: null, note: null, updatedAt: '' },
  },
};

class QuietEventSource {
  readyState = 0;
  onopen = null;
  onerror = null;
  addEventListener() {}
  removeEventListener() {}
  close() {}
}

beforeEach(() => resetLinesCache());
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('a switched-off line in the console', () => {
  it('leaves the menu and answers its page with 404, while a line that is on opens', async () => {
    const fetch = fakeFetch({
      'GET /api/lines/settings': () => ({ status: 200, body: SETTING }),
      'GET /api/lines/sanitation/summary': () => ({
        status: 200,
        body: { ...DRAINAGE, line: 'sanitation', flood: undefined },
      }),
      'GET /api/assets/types': () => ({ status: 200, body: { items: [] } }),
    });
    vi.stubGlobal('fetch', fetch.impl);
    renderConsole('/lines/muck', fakeAuth(fakeMe(['leader'])));
    expect(await screen.findByTestId('page-not-found')).toBeTruthy();
    await waitFor(() => expect(screen.queryByText('数字渣土')).toBeNull());
    expect(screen.getByText('数字环卫')).toBeTruthy();
    expect(screen.queryByText('燃气安全')).toBeNull();
    cleanup();
    renderConsole('/lines/sanitation', fakeAuth(fakeMe(['leader'])));
    expect(await screen.findByTestId('page-line-sanitation')).toBeTruthy();
  });
});

describe('a line view with GPS vehicles', () => {
  const VEHICLE = {
    id: 'v-1',
    code: 'SS-01',
    plate: '鄂B·SS001（示例）',
    kind: 'sprinkler',
    unitId: null,
    unitName: '环卫所',
    company: null,
    permitAssetId: null,
    route: null,
    windowFrom: null,
    windowTo: null,
    speedLimitKmh: null,
    keyFingerprint: 'ab',
    topic: 'cityloop/420281/SS-01/gps',
    active: true,
    synthetic: true,
    lastAt: '2024-03-12T01:00:00Z',
    lastLng: 114.97,
    lastLat: 30.1,
    lastSpeedKmh: 12,
    version: 1,
  };
  const routes = () =>
    fakeFetch({
      'GET /api/lines/settings': () => ({ status: 200, body: SETTING }),
      'GET /api/lines/sanitation/summary': () => ({
        status: 200,
        body: { ...DRAINAGE, line: 'sanitation', flood: undefined },
      }),
      'GET /api/assets/types': () => ({ status: 200, body: { items: [] } }),
      'GET /api/vehicles': () => ({ status: 200, body: { items: [VEHICLE], total: 1, page: 1, pageSize: 20 } }),
    });

  it('lists 环卫 sprinklers and sweepers from the GPS register, each linked to its replay', async () => {
    const fetch = routes();
    vi.stubGlobal('fetch', fetch.impl);
    renderConsole('/lines/sanitation', fakeAuth(fakeMe(['leader'])));
    fireEvent.click(await screen.findByTestId('line-tab-vehicles'));
    const link = await screen.findByRole('link', { name: /鄂B·SS001/ });
    expect(link.getAttribute('href')).toBe('/vehicles?vehicle=v-1');
    const asked = () => fetch.calls.filter((c) => c.url.startsWith('/api/vehicles')).map((c) => c.url);
    await waitFor(() => expect(asked().some((u) => u.includes('kind=sprinkler'))).toBe(true));
    fireEvent.click(screen.getByText('清扫车'));
    await waitFor(() => expect(asked().some((u) => u.includes('kind=sweeper'))).toBe(true));
  });

  it('has no vehicles tab for a role that may not read vehicles', async () => {
    const fetch = routes();
    vi.stubGlobal('fetch', fetch.impl);
    renderConsole('/lines/sanitation', fakeAuth(fakeMe(['unitManager'])));
    expect(await screen.findByTestId('page-line-sanitation')).toBeTruthy();
    await waitFor(() => expect(fetch.calls.some((c) => c.url.startsWith('/api/assets/types'))).toBe(true));
    expect(screen.queryByTestId('line-tab-vehicles')).toBeNull();
    expect(fetch.calls.some((c) => c.url.startsWith('/api/vehicles'))).toBe(false);
  });
});

describe('the 大屏 line switcher', () => {
  it('offers the overview and the lines that are on, and shows a line panel with its figures and flood duty', async () => {
    vi.stubGlobal('EventSource', QuietEventSource);
    const fetch = fakeFetch({
      'GET /api/lines/settings': () => ({ status: 200, body: SETTING }),
      'GET /api/lines/drainage/summary': () => ({ status: 200, body: DRAINAGE }),
    });
    vi.stubGlobal('fetch', fetch.impl);
    render(
      withProviders(
        <MemoryRouter>
          <DashboardScreen />
        </MemoryRouter>,
        fakeAuth(fakeMe(['leader'])),
      ),
    );
    const switcher = await screen.findByTestId('dash-line-switcher');
    expect([...switcher.querySelectorAll('button')].map((b) => b.textContent)).toEqual([
      '综合',
      '数字环卫',
      '数字排水',
    ]);
    fireEvent.click(screen.getByTestId('dash-line-drainage'));
    expect(await screen.findByTestId('dash-line-panel-drainage')).toBeTruthy();
    await waitFor(() => expect(screen.getByTestId('dash-line-assets').textContent).toBe('26'));
    expect(screen.getByTestId('dash-duty').textContent).toContain('张科长');
    const points = screen.getAllByTestId('dash-flood-point');
    expect(points.map((p) => p.querySelector('.n')!.textContent)).toEqual(['34.0 cm', '—']);
    expect(points[0]!.querySelector('.n')!.className).toContain('over');
    fireEvent.click(screen.getByTestId('dash-line-overview'));
    expect(screen.queryByTestId('dash-line-panel-drainage')).toBeNull();
  });

  it('shows no switcher to a role that does not read the registers', async () => {
    vi.stubGlobal('EventSource', QuietEventSource);
    const fetch = fakeFetch({ 'GET /api/lines/settings': () => ({ status: 200, body: SETTING }) });
    vi.stubGlobal('fetch', fetch.impl);
    render(
      withProviders(
        <MemoryRouter>
          <DashboardScreen />
        </MemoryRouter>,
        fakeAuth(fakeMe(['shiftLeader'])),
      ),
    );
    await waitFor(() => expect(fetch.calls.length).toBeGreaterThan(0));
    expect(screen.queryByTestId('dash-line-switcher')).toBeNull();
    expect(fetch.calls.some((c) => c.url.startsWith('/api/lines'))).toBe(false);
  });
});

describe("another line's type in a line view", () => {
  const type = (code: string, line: 'municipal' | 'drainage', nameZh: string) => ({
    id: `t-${code}`,
    code,
    nameZh,
    nameEn: code,
    line,
    geometryKind: 'point',
    attributeSchema: { type: 'object', properties: {} },
    logUnit: null,
    workKinds: [],
    assetCount: 3,
    synthetic: true,
    updatedAt: '',
  });
  const MANHOLE = {
    id: 'a-1',
    code: 'DY-JC-001',
    name: '检查井001',
    typeId: 't-DRN-MANHOLE',
    typeCode: 'DRN-MANHOLE',
    typeNameZh: '检查井',
    typeNameEn: 'Manhole',
    geometryKind: 'point',
    line: 'drainage',
    status: 'active',
    geometry: { type: 'Point', coordinates: [114.97, 30.1] },
    lng: 114.97,
    lat: 30.1,
    address: null,
    unitId: null,
    unitName: null,
    attributes: {},
    synthetic: true,
    createdAt: '',
    updatedAt: '',
  };

  it("shows 排水's 检查井 as a tab of 市政, marked as 排水's, its rows from the 市政 view's items", async () => {
    const fetch = fakeFetch({
      'GET /api/lines/settings': () => ({ status: 200, body: { ...SETTING, enabled: ['municipal', 'drainage'] } }),
      'GET /api/lines/municipal/summary': () => ({
        status: 200,
        body: {
          ...DRAINAGE,
          line: 'municipal',
          flood: undefined,
          types: [{ code: 'MUN-ROAD', nameZh: '道路', nameEn: 'Road', logUnit: null, count: 2, monthQuantity: 0 }],
          shared: [{ code: 'DRN-MANHOLE', nameZh: '检查井', nameEn: 'Manhole', line: 'drainage', count: 8 }],
        },
      }),
      'GET /api/assets/types': () => ({
        status: 200,
        body: {
          items: [
            type('MUN-ROAD', 'municipal', '道路'),
            type('DRN-MANHOLE', 'drainage', '检查井'),
            type('DRN-FLOOD', 'drainage', '易涝点'),
          ],
        },
      }),
      'GET /api/lines/municipal/items': () => ({
        status: 200,
        body: {
          items: [MANHOLE],
          total: 1,
          page: 1,
          pageSize: 20,
          figures: [{ id: 'a-1', monthQuantity: 0, spendFen: 0, openOrders: 1, waterCm: null, readAt: null }],
        },
      }),
    });
    vi.stubGlobal('fetch', fetch.impl);
    renderConsole('/lines/municipal', fakeAuth(fakeMe(['leader'])));
    const tab = await screen.findByTestId('line-tab-DRN-MANHOLE');
    expect(tab.textContent).toContain('检查井');
    expect(tab.textContent).toContain('8');
    expect(tab.textContent).toContain('属排水');
    expect(screen.queryByTestId('line-tab-DRN-FLOOD')).toBeNull();
    fireEvent.click(tab);
    expect((await screen.findByTestId('line-shared-note')).textContent).toContain('只计入排水条线');
    expect(await screen.findByText('检查井001')).toBeTruthy();
    expect(fetch.calls.some((c) => c.url.includes('/api/lines/municipal/items') && c.url.includes('DRN-MANHOLE'))).toBe(
      true,
    );
  });
});

describe('一张图 line layers', () => {
  const feature = (line: string, code: string): Feature => ({
    type: 'Feature',
    geometry: { type: 'Point', coordinates: [114.97, 30.1] },
    properties: { line, code },
  });
  const manhole = feature('drainage', 'DY-JC-001');
  const lamp = feature('municipal', 'DY-LD-001');

  it('draws a shared type once: by its own line while that layer is on, else by the line that shows it', async () => {
    const { ownedOrAlone } = await import('./LineMapLayers.tsx');
    const both = new Set(['municipal', 'drainage']);
    expect(ownedOrAlone(manhole, 'municipal', both)).toBe(false);
    expect(ownedOrAlone(manhole, 'drainage', both)).toBe(true);
    expect(ownedOrAlone(lamp, 'municipal', both)).toBe(true);
    expect(ownedOrAlone(manhole, 'municipal', new Set(['municipal']))).toBe(true);
  });
});
