// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { renderAsAdmin, type fakeFetch } from '../../testing.tsx';
import { formatOf, type Asset, type AssetType } from './assets.api.ts';
import { AssetFormModal } from './AssetFormModal.tsx';
import { attributeSummary } from './AttributeSchemaForm.tsx';
import { TypeList } from './TypeList.tsx';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const PIPE: AssetType = {
  id: 't-pipe',
  code: 'DRN-PIPE',
  nameZh: '排水管道',
  nameEn: 'Drain pipe',
  line: 'drainage',
  geometryKind: 'line',
  logUnit: null,
  attributeSchema: {
    type: 'object',
    properties: {
      diameterMm: { type: 'integer', title: '管径', titleEn: 'Diameter', minimum: 100, unit: 'mm' },
      material: { type: 'string', title: '材质', titleEn: 'Material', enum: ['砼', 'PE'] },
      builtOn: { type: 'string', title: '建成日期', titleEn: 'Built on', format: 'date' },
    },
    required: ['diameterMm'],
  },
  workKinds: [],
  assetCount: 1,
  createdAt: '2024-01-01T00:00:00Z',
  updatedAt: '2024-01-01T00:00:00Z',
} as unknown as AssetType;

const ASSET: Asset = {
  id: 'a1',
  code: 'PS-001',
  name: '东岳路管段',
  typeId: 't-pipe',
  typeCode: 'DRN-PIPE',
  typeNameZh: '排水管道',
  typeNameEn: 'Drain pipe',
  geometryKind: 'line',
  line: 'drainage',
  status: 'active',
  geometry: {
    type: 'LineString',
    coordinates: [
      [114.98, 30.1],
      [114.99, 30.1],
      [114.99, 30.11],
    ],
  },
  lng: 114.99,
  lat: 30.1,
  address: '东岳路',
  unitId: null,
  unitName: null,
  attributes: { diameterMm: 600, material: '砼', builtOn: '2019-06-30' },
  synthetic: false,
  createdAt: '2024-01-01T00:00:00Z',
  updatedAt: '2024-01-01T00:00:00Z',
  version: 3,
};

const text = () => screen.getByTestId('asset-geometry-text') as HTMLTextAreaElement;
const patches = (server: ReturnType<typeof fakeFetch>) => server.calls.filter((c) => c.method === 'PATCH');

describe('the asset edit form', () => {
  it('opens with the asset, its attributes drawn from the type schema, and sends a PATCH of what changed', async () => {
    const onSaved = vi.fn();
    const server = renderAsAdmin(
      <AssetFormModal target={ASSET} types={[PIPE]} onClose={() => undefined} onSaved={onSaved} />,
      {
        'PATCH /api/assets/items/a1': () => ({ status: 200, body: ASSET }),
      },
    );
    const name = (await screen.findByTestId('asset-name')) as HTMLInputElement;
    expect(name.value).toBe('东岳路管段');
    expect((screen.getByTestId('asset-code') as HTMLInputElement).disabled).toBe(true);
    expect((screen.getByTestId('asset-attr-diameterMm') as HTMLInputElement).value).toBe('600');
    expect(screen.getByText('管径（mm）')).toBeTruthy();
    // the line drawn from its three points; undo drops the last, the text follows
    fireEvent.click(screen.getByText('坐标文本'));
    await waitFor(() => expect(text().value).toBe('[[114.98,30.1],[114.99,30.1],[114.99,30.11]]'));
    fireEvent.click(screen.getByTestId('asset-geometry-undo'));
    await waitFor(() => expect(text().value).toBe('[[114.98,30.1],[114.99,30.1]]'));
    fireEvent.change(name, { target: { value: '东岳路管段（改）' } });
    fireEvent.click(screen.getByTestId('asset-submit'));
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(patches(server)[0]?.body).toEqual({
      name: '东岳路管段（改）',
      status: 'active',
      address: '东岳路',
      unitId: null,
      geometry: {
        type: 'LineString',
        coordinates: [
          [114.98, 30.1],
          [114.99, 30.1],
        ],
      },
      attributes: { diameterMm: 600, material: '砼', builtOn: '2019-06-30' },
      version: 3,
    });
  });

  it('edits a date attribute with a date picker and sends it as YYYY-MM-DD', async () => {
    const server = renderAsAdmin(
      <AssetFormModal target={ASSET} types={[PIPE]} onClose={() => undefined} onSaved={vi.fn()} />,
      {
        'PATCH /api/assets/items/a1': () => ({ status: 200, body: ASSET }),
      },
    );
    const picker = (await screen.findByTestId('asset-attr-builtOn')) as HTMLInputElement;
    expect(picker.closest('.ant-picker')).toBeTruthy();
    expect(picker.value).toBe('2019-06-30');
    // the calendar opens on the stored month; another day of it is picked
    fireEvent.mouseDown(picker);
    fireEvent.click(picker);
    fireEvent.click(await screen.findByTitle('2019-06-15'));
    await waitFor(() => expect(picker.value).toBe('2019-06-15'));
    fireEvent.click(screen.getByTestId('asset-submit'));
    await waitFor(() => expect(patches(server)).toHaveLength(1));
    expect((patches(server)[0]?.body as Asset).attributes).toEqual({
      diameterMm: 600,
      material: '砼',
      builtOn: '2019-06-15',
    });
  });

  it('takes pasted coordinates, says when they do not parse, and refuses a line of one point before sending', async () => {
    const server = renderAsAdmin(
      <AssetFormModal target={ASSET} types={[PIPE]} onClose={() => undefined} onSaved={vi.fn()} />,
      {},
    );
    fireEvent.click(await screen.findByText('坐标文本'));
    fireEvent.change(await screen.findByTestId('asset-geometry-text'), { target: { value: '[[114.98,30.1' } });
    expect(await screen.findByText('坐标文本不是有效的坐标数组')).toBeTruthy();
    fireEvent.change(text(), { target: { value: '[[114.98,30.1]]' } });
    fireEvent.click(screen.getByTestId('asset-submit'));
    expect(await screen.findByText('线至少需要 2 个点')).toBeTruthy();
    expect(patches(server)).toEqual([]);
  });

  it("puts the server's errors on their fields: an attribute, and a vertex outside the city on the geometry", async () => {
    const onSaved = vi.fn();
    renderAsAdmin(<AssetFormModal target={ASSET} types={[PIPE]} onClose={() => undefined} onSaved={onSaved} />, {
      'PATCH /api/assets/items/a1': () => ({
        status: 400,
        body: {
          error: {
            code: 'ASSET_OUTSIDE_TENANT',
            message: '位置不在本市辖区范围内',
            requestId: 'r1',
            details: [
              { field: 'body.geometry.coordinates.1', rule: 'tenant', message: '位置 116.4,39.9 不在本市辖区范围内' },
              { field: 'body.attributes.diameterMm', rule: 'minimum', message: '「管径」（diameterMm）不能小于 100mm' },
            ],
          },
        },
      }),
    });
    fireEvent.click(await screen.findByTestId('asset-submit'));
    expect(await screen.findByText('位置 116.4,39.9 不在本市辖区范围内')).toBeTruthy();
    expect(await screen.findByText('「管径」（diameterMm）不能小于 100mm')).toBeTruthy();
    expect(onSaved).not.toHaveBeenCalled();
  });

  it('speaks English', async () => {
    renderAsAdmin(
      <AssetFormModal target={ASSET} types={[PIPE]} onClose={() => undefined} onSaved={vi.fn()} />,
      {},
      'en',
    );
    expect(await screen.findByText('Edit asset · PS-001')).toBeTruthy();
    expect(screen.getByText('Diameter（mm）')).toBeTruthy();
    expect(screen.getByText('Coordinates as text')).toBeTruthy();
    expect(screen.getByText('Undo last point')).toBeTruthy();
  });
});

describe('the type edit form', () => {
  it('edits names and the schema; a bad JSON or a contradiction is caught here, the server’s words land on the row', async () => {
    const reload = vi.fn();
    let attempt = 0;
    const server = renderAsAdmin(<TypeList types={[PIPE]} reload={reload} />, {
      'PATCH /api/assets/types/t-pipe': () =>
        ++attempt === 1
          ? {
              status: 400,
              body: {
                error: {
                  code: 'ASSET_INVALID_SCHEMA',
                  message: '属性定义有误',
                  requestId: 'r2',
                  details: [
                    {
                      field: 'body.attributeSchema.properties.diameterMm',
                      rule: 'schema',
                      message: 'diameterMm: refused by the server',
                    },
                  ],
                },
              },
            }
          : { status: 200, body: PIPE },
    });
    fireEvent.click(await screen.findByTestId('asset-type-edit-DRN-PIPE'));
    fireEvent.click(await screen.findByText('JSON（高级）'));
    const schema = (await screen.findByTestId('asset-type-schema')) as HTMLTextAreaElement;
    expect(JSON.parse(schema.value)).toEqual(PIPE.attributeSchema);
    expect((screen.getByTestId('asset-type-code') as HTMLInputElement).disabled).toBe(true);
    fireEvent.change(schema, { target: { value: '{ "type": "object",' } });
    fireEvent.click(screen.getByTestId('asset-type-submit'));
    expect(await screen.findByText(/^不是有效的 JSON/)).toBeTruthy();
    expect(patches(server)).toEqual([]);

    const contradictory = {
      ...PIPE.attributeSchema,
      properties: { diameterMm: { type: 'integer', title: '管径', minimum: 9, maximum: 1 } },
    };
    fireEvent.change(schema, { target: { value: JSON.stringify(contradictory) } });
    fireEvent.click(screen.getByTestId('asset-type-submit'));
    expect(await screen.findByText('第 1 项（diameterMm）：最大值小于最小值')).toBeTruthy();
    expect(patches(server)).toEqual([]);

    const changed = {
      ...PIPE.attributeSchema,
      properties: { diameterMm: { type: 'integer', title: '管径', minimum: 100, maximum: 2000 } },
    };
    fireEvent.change(schema, { target: { value: JSON.stringify(changed) } });
    fireEvent.change(screen.getByTestId('asset-type-name-en'), { target: { value: 'Sewer' } });
    fireEvent.click(screen.getByTestId('asset-type-submit'));
    expect(await screen.findByText('第 1 项（diameterMm）：diameterMm: refused by the server')).toBeTruthy();
    expect(patches(server)[0]?.body).toEqual({
      nameZh: '排水管道',
      nameEn: 'Sewer',
      logUnit: null,
      attributeSchema: changed,
    });
    expect(reload).not.toHaveBeenCalled();
    fireEvent.click(screen.getByTestId('asset-type-submit'));
    await waitFor(() => expect(reload).toHaveBeenCalled());
  });
});

describe('the asset list', () => {
  it('shows a date attribute as the date, labelled in the reader’s language', () => {
    expect(attributeSummary(PIPE.attributeSchema, ASSET.attributes, 'zh-CN', ['是', '否'])).toBe(
      '管径 600 mm · 材质 砼 · 建成日期 2019-06-30',
    );
    expect(attributeSummary(PIPE.attributeSchema, { builtOn: '2019-06-30' }, 'en', ['Yes', 'No'])).toBe(
      'Built on 2019-06-30',
    );
  });
});

describe('an import from the console', () => {
  it('sends the kind its file name declares (the body travels without the name), none for another name', () => {
    expect(formatOf('台账.XLSX')).toEqual({ format: 'xlsx' });
    expect(formatOf('a.csv')).toEqual({ format: 'csv' });
    expect(formatOf('a.json')).toEqual({ format: 'geojson' });
    expect(formatOf('scan.pdf')).toEqual({});
  });
});
