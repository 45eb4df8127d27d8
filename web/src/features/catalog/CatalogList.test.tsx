// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { CatalogEntry } from '../../../../common/contracts/catalog.ts';
import { api } from '../../api/client.ts';
import { confirmPopup, fakeAuth, fakeFetch, fakeMe, withProviders } from '../../testing.tsx';
import { CatalogList } from './CatalogList.tsx';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const entry = (over: Partial<CatalogEntry>): CatalogEntry => ({
  kind: 'matter',
  code: '09006',
  name: '占道经营',
  majorCode: '09',
  majorName: '街面秩序类',
  oldCode: '0406',
  pinyinInitials: 'zdjy',
  pinyin: 'zhandaojingying',
  source: 'national',
  active: true,
  updatedAt: '2024-01-01T00:00:00Z',
  ...over,
});
const national = entry({});
const local = entry({
  kind: 'component',
  code: '03099',
  name: '智能垃圾桶',
  majorCode: '03',
  majorName: '市容环卫设施',
  oldCode: null,
  pinyinInitials: 'znljt',
  source: 'local',
});

function show(roles: Parameters<typeof fakeMe>[0], locale: 'zh-CN' | 'en' = 'zh-CN') {
  const server = fakeFetch({
    'GET /api/catalog/entries': () => ({
      status: 200,
      body: { items: [national, local], total: 2, page: 1, pageSize: 20 },
    }),
    'PATCH /api/catalog/entries/09006': () => ({ status: 200, body: { ...national, active: false } }),
  });
  vi.stubGlobal('fetch', server.impl);
  api.setCsrfToken('csrf-test');
  render(withProviders(<CatalogList />, fakeAuth(fakeMe(roles)), locale));
  return server;
}

describe('catalog list', () => {
  it('searches by pinyin initials and names the major classes in the UI language', async () => {
    const server = show(['admin'], 'en');
    expect(await screen.findByText('占道经营')).toBeTruthy();
    expect(screen.getByText('09 Street order')).toBeTruthy();
    expect(screen.getByText('03 Sanitation facilities')).toBeTruthy();
    const search = screen.getByTestId('catalog-search').querySelector('input');
    if (!search) throw new Error('no search box');
    fireEvent.change(search, { target: { value: 'zdjy' } });
    fireEvent.keyDown(search, { key: 'Enter', code: 'Enter', keyCode: 13 });
    await waitFor(() => expect(server.calls.some((c) => c.url.includes('q=zdjy'))).toBe(true));
  });

  it('lets an administrator rename only local extensions, and deactivates an entry of the right kind', async () => {
    const server = show(['admin']);
    await screen.findByText('占道经营');
    expect(screen.getByTestId('catalog-rename-component-03099')).toBeTruthy();
    expect(screen.queryByTestId('catalog-rename-matter-09006')).toBeNull();
    fireEvent.click(screen.getByTestId('catalog-deactivate-matter-09006'));
    await confirmPopup(/停\s?用/);
    await waitFor(() =>
      expect(server.calls.find((c) => c.method === 'PATCH')?.url).toBe('/api/catalog/entries/09006?kind=matter'),
    );
    expect(server.calls.find((c) => c.method === 'PATCH')?.body).toEqual({ active: false });
  });

  it('offers no changes to a user without settings.manage', async () => {
    show(['leader']);
    await screen.findByText('占道经营');
    expect(screen.queryByTestId('catalog-create')).toBeNull();
    expect(screen.queryByTestId('catalog-deactivate-matter-09006')).toBeNull();
  });
});
