// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { api } from '../../api/client.ts';
import { fakeAuth, fakeFetch, fakeMe, withProviders } from '../../testing.tsx';
import type { AssetType } from './assets.api.ts';
import { TypeList } from './TypeList.tsx';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const schemaOf = (properties: Record<string, unknown>, required?: string[]) =>
  ({ type: 'object', properties, ...(required ? { required } : {}) }) as AssetType['attributeSchema'];

const STATION = {
  id: 't-st',
  code: 'SAN-ST',
  nameZh: '垃圾转运站',
  nameEn: 'Transfer station',
  line: 'sanitation',
  geometryKind: 'point',
  logUnit: 't',
  version: 1,
  attributeSchema: schemaOf(
    {
      capacityTpd: { type: 'number', title: '设计规模', titleEn: 'Design capacity', minimum: 0, unit: 't/d' },
      level: { type: 'string', title: '风险等级', titleEn: 'Risk level', enum: ['一般', '较重'] },
      sensor: { type: 'boolean', title: '已装水位计' },
    },
    ['capacityTpd'],
  ),
  workKinds: [],
  assetCount: 3,
  synthetic: false,
  updatedAt: '2024-01-01T00:00:00Z',
} as AssetType;

function setup(type: AssetType, routes: Parameters<typeof fakeFetch>[0] = {}, locale: 'zh-CN' | 'en' = 'zh-CN') {
  const server = fakeFetch(routes);
  vi.stubGlobal('fetch', server.impl);
  api.setCsrfToken('csrf-test');
  const reload = vi.fn();
  render(withProviders(<TypeList types={[type]} reload={reload} />, fakeAuth(fakeMe(['admin'])), locale));
  fireEvent.click(screen.getByTestId(`asset-type-edit-${type.code}`));
  return { server, reload };
}

const input = (testId: string) => {
  const el = screen.getByTestId(testId);
  return (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' ? el : el.querySelector('input')) as HTMLInputElement;
};
const type = (testId: string, value: string) => fireEvent.change(input(testId), { target: { value } });
const jsonText = () => screen.getByTestId('asset-type-schema') as HTMLTextAreaElement;
const json = () => JSON.parse(jsonText().value) as { properties: Record<string, unknown>; required?: string[] };
const patches = (server: ReturnType<typeof fakeFetch>) => server.calls.filter((c) => c.method === 'PATCH');
const keysShown = () => screen.getAllByTestId(/^schema-field-\d+-key$/).map((el) => (el as HTMLInputElement).value);
async function pickKind(index: number, label: string) {
  fireEvent.mouseDown(within(screen.getByTestId(`schema-field-${index}-kind`)).getByRole('combobox'));
  fireEvent.click((await screen.findAllByTitle(label)).at(-1) as HTMLElement);
}
const toJson = () => fireEvent.click(screen.getByTestId('schema-tab-json'));
const toFields = () => fireEvent.click(screen.getByTestId('schema-tab-fields'));

describe('the attribute schema as a field list', () => {
  it('opens on the fields with one card per attribute and the asset form they make as a preview', async () => {
    setup(STATION);
    expect(await screen.findByTestId('schema-field-0')).toBeTruthy();
    expect(keysShown()).toEqual(['capacityTpd', 'level', 'sensor']);
    expect(input('schema-field-0-title').value).toBe('设计规模');
    expect(input('schema-field-0-title-en').value).toBe('Design capacity');
    expect(input('schema-field-0-unit').value).toBe('t/d');
    expect(input('schema-field-0-minimum').value).toBe('0');
    expect((input('schema-field-0-required') as HTMLInputElement).checked).toBe(true);
    expect(within(screen.getByTestId('schema-field-1')).getByText('一般')).toBeTruthy();
    const preview = screen.getByTestId('schema-preview');
    // the asset edit screen's own renderer: the unit in the label, a switch for yes/no
    expect(within(preview).getByText('设计规模（t/d）')).toBeTruthy();
    expect(within(preview).getByTestId('asset-attr-sensor').getAttribute('role')).toBe('switch');
    toJson();
    expect(json()).toEqual(STATION.attributeSchema);
  });

  it('adds a row and fills it; the JSON and the preview follow', async () => {
    setup(STATION);
    fireEvent.click(await screen.findByTestId('schema-field-add'));
    type('schema-field-3-key', 'pumps');
    type('schema-field-3-title', '水泵台数');
    await pickKind(3, '整数');
    type('schema-field-3-minimum', '1');
    fireEvent.click(input('schema-field-3-required'));
    expect(within(screen.getByTestId('schema-preview')).getByText('水泵台数')).toBeTruthy();
    toJson();
    expect(Object.keys(json().properties)).toEqual(['capacityTpd', 'level', 'sensor', 'pumps']);
    expect(json().properties.pumps).toEqual({ type: 'integer', title: '水泵台数', minimum: 1 });
    expect(json().required).toEqual(['capacityTpd', 'pumps']);
  });

  it('moves and removes rows, and the PATCH carries the list’s order', async () => {
    const { server, reload } = setup(STATION, {
      'PATCH /api/assets/types/t-st': () => ({ status: 200, body: STATION }),
    });
    fireEvent.click(await screen.findByTestId('schema-field-2-up'));
    expect(keysShown()).toEqual(['capacityTpd', 'sensor', 'level']);
    fireEvent.click(screen.getByTestId('schema-field-0-down'));
    expect(keysShown()).toEqual(['sensor', 'capacityTpd', 'level']);
    fireEvent.click(screen.getByTestId('schema-field-2-remove'));
    expect(keysShown()).toEqual(['sensor', 'capacityTpd']);
    expect(within(screen.getByTestId('schema-preview')).queryByText('风险等级')).toBeNull();
    fireEvent.click(screen.getByTestId('asset-type-submit'));
    await waitFor(() => expect(reload).toHaveBeenCalled());
    const sent = (patches(server)[0]?.body as { attributeSchema: AssetType['attributeSchema'] }).attributeSchema;
    expect(Object.keys(sent.properties)).toEqual(['sensor', 'capacityTpd']);
    expect(sent).toEqual({
      type: 'object',
      properties: {
        sensor: STATION.attributeSchema.properties.sensor,
        capacityTpd: STATION.attributeSchema.properties.capacityTpd,
      },
      required: ['capacityTpd'],
    });
  });

  it('offers a date: the JSON carries the date format and the preview draws a date picker', async () => {
    setup(STATION);
    fireEvent.click(await screen.findByTestId('schema-field-add'));
    type('schema-field-3-key', 'builtOn');
    type('schema-field-3-title', '建成日期');
    await pickKind(3, '日期');
    expect(screen.getByTestId('schema-field-3-date-help').textContent).toContain('YYYY-MM-DD');
    expect(screen.queryByTestId('schema-field-3-maxLength')).toBeNull();
    const picker = within(screen.getByTestId('schema-preview')).getByTestId('asset-attr-builtOn');
    expect(picker.closest('.ant-picker')).toBeTruthy();
    toJson();
    expect(json().properties.builtOn).toEqual({ type: 'string', title: '建成日期', format: 'date' });
  });

  it('takes the options of a one-of list, and an edit of the JSON shows in the fields', async () => {
    setup(STATION);
    fireEvent.click(await screen.findByTestId('schema-field-add'));
    type('schema-field-3-key', 'material');
    type('schema-field-3-title', '材质');
    await pickKind(3, '单选（列出可选值）');
    type('schema-field-3-options', '砼，PE');
    toJson();
    expect(json().properties.material).toEqual({ type: 'string', title: '材质', enum: ['砼', 'PE'] });
    const edited = json();
    (edited.properties.material as { title: string }).title = '管材';
    fireEvent.change(jsonText(), { target: { value: JSON.stringify(edited) } });
    toFields();
    expect(input('schema-field-3-title').value).toBe('管材');
  });
});

describe('checks before sending', () => {
  it('names each problem on its input, sends nothing, and clears a message once fixed', async () => {
    const { server } = setup(STATION);
    fireEvent.click(await screen.findByTestId('schema-field-add'));
    type('schema-field-1-key', 'capacityTpd');
    expect(await screen.findByText('与第 1 项的属性名重复')).toBeTruthy();
    // the new row's empty inputs are not shouted at until saving
    expect(screen.queryByText('请填写属性名')).toBeNull();
    fireEvent.click(screen.getByTestId('asset-type-submit'));
    expect(await screen.findByText('属性定义有 3 处问题，请按提示修改')).toBeTruthy();
    expect(screen.getByText('请填写属性名')).toBeTruthy();
    expect(screen.getByText('请填写中文名称')).toBeTruthy();
    type('schema-field-3-key', '2nd');
    expect(await screen.findByText('只能含字母、数字和 _，以字母开头，最多 40 个字符')).toBeTruthy();
    type('schema-field-3-key', 'depth');
    type('schema-field-3-title', '深度');
    type('schema-field-1-key', 'level');
    await waitFor(() => expect(screen.queryByText(/处问题/)).toBeNull());
    expect(screen.queryByText('请填写中文名称')).toBeNull();
    expect(screen.queryByText('与第 1 项的属性名重复')).toBeNull();
    expect(patches(server)).toEqual([]);
  });

  it('checks a range and lists the field problems on the JSON tab too', async () => {
    const { server } = setup(STATION);
    await screen.findByTestId('schema-field-0');
    type('schema-field-0-maximum', '-1');
    expect(await screen.findByText('最大值小于最小值')).toBeTruthy();
    toJson();
    expect(
      within(screen.getByTestId('schema-json-problems')).getByText('第 1 项（capacityTpd）：最大值小于最小值'),
    ).toBeTruthy();
    fireEvent.change(jsonText(), { target: { value: '{ "type": "object",' } });
    expect(await screen.findByText(/^JSON 有误，字段列表保留上次有效的内容/)).toBeTruthy();
    fireEvent.click(screen.getByTestId('asset-type-submit'));
    expect(await screen.findByText(/^不是有效的 JSON：/)).toBeTruthy();
    expect(patches(server)).toEqual([]);
  });

  it("puts the server's problems on the rows they name and the others under the editor", async () => {
    const { server, reload } = setup(STATION, {
      'PATCH /api/assets/types/t-st': () => ({
        status: 400,
        body: {
          error: {
            code: 'ASSET_INVALID_SCHEMA',
            message: '属性定义有误',
            requestId: 'r1',
            details: [
              {
                field: 'body.attributeSchema.properties.level.figure',
                rule: 'schema',
                message: '属性「level」：不可统计',
              },
              { field: 'body.attributeSchema.required.0', rule: 'schema', message: '必填项「capacityTpd」有误' },
              { field: 'body.attributeSchema', rule: 'schema', message: '属性定义整体有误' },
            ],
          },
        },
      }),
    });
    await screen.findByTestId('schema-field-0');
    fireEvent.click(screen.getByTestId('asset-type-submit'));
    const level = await screen.findByTestId('schema-field-1');
    expect(await within(level).findByText('属性「level」：不可统计')).toBeTruthy();
    expect(within(screen.getByTestId('schema-field-0')).getByText('必填项「capacityTpd」有误')).toBeTruthy();
    expect(await screen.findByText('属性定义整体有误')).toBeTruthy();
    expect(patches(server)).toHaveLength(1);
    expect(reload).not.toHaveBeenCalled();
    // an edit of the row drops the server's word on it
    type('schema-field-1-title', '风险级别');
    await waitFor(() => expect(within(level).queryByText('属性「level」：不可统计')).toBeNull());
  });
});

describe('a schema the field list cannot show', () => {
  it('opens on the JSON with the reason, and the fields come back once the JSON is within the subset', async () => {
    const mailed = {
      ...STATION,
      attributeSchema: schemaOf({ contact: { type: 'string', title: '联系邮箱', format: 'email' } }),
    } as AssetType;
    setup(mailed);
    const notice = await screen.findByTestId('schema-unsupported');
    expect(notice.textContent).toContain('字段列表无法表示');
    expect(notice.textContent).toContain('contact.format');
    expect(json()).toEqual(mailed.attributeSchema);
    expect(screen.queryByTestId('schema-field-0')).toBeNull();
    fireEvent.change(jsonText(), {
      target: { value: JSON.stringify(schemaOf({ contact: { type: 'string', title: '联系邮箱' } })) },
    });
    await waitFor(() => expect(screen.queryByTestId('schema-unsupported')).toBeNull());
    toFields();
    expect(keysShown()).toEqual(['contact']);
  });
});

describe('the type list', () => {
  const DATED = {
    ...STATION,
    attributeSchema: schemaOf(
      {
        ...STATION.attributeSchema.properties,
        builtOn: { type: 'string', title: '建成日期', titleEn: 'Built on', format: 'date' },
      },
      ['capacityTpd'],
    ),
  } as AssetType;
  const summary = (locale: 'zh-CN' | 'en') => {
    render(withProviders(<TypeList types={[DATED]} reload={vi.fn()} />, fakeAuth(fakeMe(['admin'])), locale));
    return screen.getByTestId('asset-type-attributes-SAN-ST').textContent;
  };

  it('names each attribute by its kind: a list of values is 单选, not 文字, and a date is 日期', () => {
    expect(summary('zh-CN')).toBe(
      '设计规模（数字，t/d，必填）、风险等级（单选）、已装水位计（是/否）、建成日期（日期）',
    );
  });

  it('in English too, with the English labels where the type has them', () => {
    expect(summary('en')).toBe(
      'Design capacity (Number, t/d, Required); Risk level (One of a list); 已装水位计 (Yes/no); Built on (Date)',
    );
  });
});

describe('in English', () => {
  it('labels the editor and the preview in English', async () => {
    setup(STATION, {}, 'en');
    expect(await screen.findByText('Fields')).toBeTruthy();
    expect(screen.getByText('JSON (advanced)')).toBeTruthy();
    expect(screen.getAllByText('Attribute name (identifier)')).toHaveLength(3);
    expect(screen.getByText('1. Design capacity')).toBeTruthy();
    expect(within(screen.getByTestId('schema-preview')).getByText('Design capacity（t/d）')).toBeTruthy();
    expect(screen.getByText('Add attribute')).toBeTruthy();
  });
});
