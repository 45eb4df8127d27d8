// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { renderAsAdmin } from '../../testing.tsx';
import type { Asset, AssetType } from './assets.api.ts';
import { AssetFormModal } from './AssetFormModal.tsx';
import { TypeList } from './TypeList.tsx';

/**
 * Two people editing one asset or type (docs/conventions.md, "Concurrent edits"): the second save is refused 409,
 * the form says so in the person's language and offers the latest version, and the next save sends its version.
 */
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const LAMP: AssetType = {
  id: 't-lamp',
  code: 'MUN-LAMP',
  nameZh: '路灯',
  nameEn: 'Street lamp',
  line: 'municipal',
  geometryKind: 'point',
  logUnit: null,
  attributeSchema: { type: 'object', properties: {} },
  workKinds: [],
  assetCount: 1,
  synthetic: false,
  updatedAt: '2024-01-01T00:00:00Z',
  version: 2,
};
const ASSET: Asset = {
  id: 'a1',
  code: 'LD-001',
  name: '金湖大道路灯1',
  typeId: 't-lamp',
  typeCode: 'MUN-LAMP',
  typeNameZh: '路灯',
  typeNameEn: 'Street lamp',
  geometryKind: 'point',
  line: 'municipal',
  status: 'active',
  geometry: { type: 'Point', coordinates: [114.98, 30.1] },
  lng: 114.98,
  lat: 30.1,
  address: null,
  unitId: null,
  unitName: null,
  attributes: {},
  synthetic: false,
  createdAt: '2024-01-01T00:00:00Z',
  updatedAt: '2024-01-01T00:00:00Z',
  version: 4,
};
const STALE = (code: string) => ({
  status: 409,
  body: { error: { code, message: code, requestId: 'r1', details: { version: 5 } } },
});

describe('an asset saved by someone else first', () => {
  it('says so, loads the latest on request and saves it with the new version', async () => {
    const onSaved = vi.fn();
    let attempt = 0;
    const server = renderAsAdmin(
      <AssetFormModal target={ASSET} types={[LAMP]} onClose={() => undefined} onSaved={onSaved} />,
      {
        'PATCH /api/assets/items/a1': () => (++attempt === 1 ? STALE('ASSET_STALE') : { status: 200, body: ASSET }),
        'GET /api/assets/items/a1': () => ({ status: 200, body: { ...ASSET, name: '金湖大道路灯1号', version: 5 } }),
      },
    );
    fireEvent.change(await screen.findByTestId('asset-name'), { target: { value: '我的改名' } });
    fireEvent.click(screen.getByTestId('asset-submit'));
    expect((await screen.findByTestId('asset-stale')).textContent).toContain('该设施已被他人修改');
    expect(onSaved).not.toHaveBeenCalled();
    fireEvent.click(screen.getByTestId('asset-stale-reload'));
    await waitFor(() => expect((screen.getByTestId('asset-name') as HTMLInputElement).value).toBe('金湖大道路灯1号'));
    expect(screen.queryByTestId('asset-stale')).toBeNull();
    fireEvent.click(screen.getByTestId('asset-submit'));
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    const sent = server.calls.filter((c) => c.method === 'PATCH').map((c) => (c.body as { version: number }).version);
    expect(sent).toEqual([4, 5]);
  });

  it('speaks English', async () => {
    renderAsAdmin(
      <AssetFormModal target={ASSET} types={[LAMP]} onClose={() => undefined} onSaved={vi.fn()} />,
      { 'PATCH /api/assets/items/a1': () => STALE('ASSET_STALE') },
      'en',
    );
    fireEvent.click(await screen.findByTestId('asset-submit'));
    expect((await screen.findByTestId('asset-stale')).textContent).toContain('Someone else changed this facility');
    expect(screen.getByText('Load the latest')).toBeTruthy();
  });
});

describe('an asset type saved by someone else first', () => {
  it('says so and sends the version it read', async () => {
    const reload = vi.fn();
    const server = renderAsAdmin(<TypeList types={[LAMP]} reload={reload} />, {
      'PATCH /api/assets/types/t-lamp': () => STALE('ASSET_TYPE_STALE'),
    });
    fireEvent.click(await screen.findByTestId('asset-type-edit-MUN-LAMP'));
    fireEvent.click(await screen.findByTestId('asset-type-submit'));
    expect((await screen.findByTestId('asset-stale')).textContent).toContain('该设施类型已被他人修改');
    expect((server.calls.find((c) => c.method === 'PATCH')?.body as { version: number }).version).toBe(2);
    fireEvent.click(screen.getByTestId('asset-stale-reload'));
    expect(reload).toHaveBeenCalled();
  });
});
