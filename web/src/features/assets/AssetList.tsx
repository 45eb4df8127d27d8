import type { FetchPage } from '../../components/usePagedQuery.ts';
import { ImportButton } from './ImportButton.tsx';
import { useCallback, useEffect, useMemo } from 'react';
import { Form, Input, InputNumber, Select, Space, Tag, Typography, type TableColumnsType } from 'antd';
import { ASSET_LINES, ASSET_STATUSES, type AssetLine, type AssetStatus } from '../../../../common/domain/assets.ts';
import { ExportButton } from '../../components/ExportButton.tsx';
import { FilterSelect } from '../../components/FilterSelect.tsx';
import { FormModal } from '../../components/FormModal.tsx';
import { ListPage } from '../../components/ListPage.tsx';
import { formatInstant } from '../../components/format.ts';
import { useCrudList } from '../../components/useCrudList.ts';
import { useFormSubmit } from '../../components/useFormSubmit.ts';
import { useI18n } from '../../i18n/context.ts';
import { useAuth } from '../auth/context.ts';
import { UnitSelect } from '../org/OrgSelects.tsx';
import { assetsApi, type Asset, type AssetType } from './assets.api.ts';
import { attributeSummary, AttributeSchemaForm } from './AttributeSchemaForm.tsx';

interface AssetValues {
  code: string;
  name: string;
  typeCode: string;
  address?: string;
  unitId?: string | null;
  lng?: number;
  lat?: number;
  coordinates?: string;
  attributes?: Record<string, unknown>;
}
function AssetModal({
  open,
  types,
  onClose,
  onSaved,
}: {
  open: boolean;
  types: AssetType[];
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t, locale } = useI18n();
  const [form] = Form.useForm<AssetValues>();
  const typeCode = Form.useWatch('typeCode', form);
  const type = types.find((x) => x.code === typeCode);
  useEffect(() => {
    if (open) form.resetFields();
  }, [open, form]);
  const { submitting, run } = useFormSubmit(form, async (v: AssetValues) => {
    const kind = type?.geometryKind ?? 'point';
    const geometry =
      kind === 'point'
        ? { type: 'Point' as const, coordinates: [v.lng, v.lat] }
        : {
            type: kind === 'line' ? ('LineString' as const) : ('Polygon' as const),
            coordinates: JSON.parse(v.coordinates ?? '[]') as unknown,
          };
    const attributes = Object.fromEntries(
      Object.entries(v.attributes ?? {}).filter(([, x]) => x !== undefined && x !== null && x !== ''),
    );
    await assetsApi.create({
      code: v.code.trim(),
      name: v.name.trim(),
      typeCode: v.typeCode,
      geometry,
      address: v.address?.trim() || null,
      unitId: v.unitId ?? null,
      attributes,
    });
    onSaved();
  });
  const required = [{ required: true, message: t('validation.required') }];
  return (
    <FormModal
      open={open}
      title={t('assets.actions.create')}
      onSave={() => form.submit()}
      onClose={onClose}
      submitting={submitting}
      testId="asset-submit"
    >
      <Form<AssetValues> form={form} layout="vertical" name="asset" onFinish={(v) => void run(v)}>
        <Form.Item name="typeCode" label={t('assets.form.type')} rules={required}>
          <Select
            data-testid="asset-type"
            showSearch
            optionFilterProp="label"
            options={types.map((x) => ({
              value: x.code,
              label: `${t(`assets.lines.${x.line}`)} · ${locale === 'en' ? x.nameEn : x.nameZh}`,
            }))}
          />
        </Form.Item>
        <Form.Item
          name="code"
          label={t('assets.form.code')}
          rules={[
            ...required,
            { pattern: /^[A-Za-z0-9][A-Za-z0-9_.-]*$/, message: t('validation.pattern') },
            { max: 40 },
          ]}
        >
          <Input data-testid="asset-code" />
        </Form.Item>
        <Form.Item name="name" label={t('assets.form.name')} rules={[...required, { max: 80 }]}>
          <Input data-testid="asset-name" />
        </Form.Item>
        <Form.Item name="address" label={t('assets.form.address')} rules={[{ max: 120 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="unitId" label={t('assets.columns.unit')}>
          <UnitSelect allowClear />
        </Form.Item>
        {(type?.geometryKind ?? 'point') === 'point' ? (
          <Space.Compact block>
            <Form.Item name="lng" label={t('assets.form.lng')} rules={required} style={{ flex: 1 }}>
              <InputNumber min={-180} max={180} step={0.0001} style={{ width: '100%' }} data-testid="asset-lng" />
            </Form.Item>
            <Form.Item name="lat" label={t('assets.form.lat')} rules={required} style={{ flex: 1 }}>
              <InputNumber min={-90} max={90} step={0.0001} style={{ width: '100%' }} data-testid="asset-lat" />
            </Form.Item>
          </Space.Compact>
        ) : (
          <Form.Item name="coordinates" label={t('assets.form.coordinates')} rules={required}>
            <Input.TextArea
              rows={3}
              placeholder={
                type?.geometryKind === 'line'
                  ? '[[114.98,30.10],[114.99,30.10]]'
                  : '[[[114.98,30.10],[114.99,30.10],[114.99,30.11],[114.98,30.10]]]'
              }
            />
          </Form.Item>
        )}
        {type ? (
          <>
            <Typography.Text strong>{t('assets.form.attributes')}</Typography.Text>
            <AttributeSchemaForm schema={type.attributeSchema} />
          </>
        ) : null}
      </Form>
    </FormModal>
  );
}

export function AssetList({ types }: { types: AssetType[] }) {
  const { t, locale } = useI18n();
  const list = useCrudList<Asset, { line?: AssetLine; typeCode?: string; status?: AssetStatus }>();
  const canManage = useAuth().can('assets.manage');
  const fetchPage = useCallback<FetchPage<Asset, object>>((r, signal) => assetsApi.items(r, signal), []);
  const schemas = useMemo(() => new Map(types.map((x) => [x.code, x.attributeSchema])), [types]);
  const columns: TableColumnsType<Asset> = [
    { title: t('assets.columns.code'), key: 'code', sorter: true, render: (_, a) => a.code },
    { title: t('assets.columns.name'), key: 'name', sorter: true, render: (_, a) => a.name },
    { title: t('assets.columns.line'), key: 'line', render: (_, a) => t(`assets.lines.${a.line}`) },
    { title: t('assets.columns.type'), key: 'type', render: (_, a) => (locale === 'en' ? a.typeNameEn : a.typeNameZh) },
    {
      title: t('assets.columns.status'),
      key: 'status',
      sorter: true,
      render: (_, a) => (
        <Tag color={a.status === 'active' ? 'blue' : 'default'}>{t(`assets.statuses.${a.status}`)}</Tag>
      ),
    },
    { title: t('assets.columns.unit'), key: 'unit', responsive: ['lg'], render: (_, a) => a.unitName ?? '—' },
    {
      title: t('assets.columns.attributes'),
      key: 'attributes',
      responsive: ['xl'],
      render: (_, a) =>
        attributeSummary(schemas.get(a.typeCode), a.attributes, locale, [t('assets.yes'), t('assets.no')]),
    },
    {
      title: t('assets.columns.updatedAt'),
      key: 'updatedAt',
      sorter: true,
      responsive: ['lg'],
      render: (_, a) => (
        <>
          {formatInstant(a.updatedAt)} {a.synthetic ? <Tag>{t('assets.synthetic')}</Tag> : null}
        </>
      ),
    },
  ];
  return (
    <ListPage<Asset, { line?: AssetLine; typeCode?: string; status?: AssetStatus }>
      list={list}
      testId="assets-items"
      fetchPage={fetchPage}
      columns={columns}
      rowKey={(a) => a.id}
      defaultSort={{ sort: 'code', order: 'asc' }}
      searchPlaceholder={t('assets.filters.search')}
      toolbar={
        <>
          <FilterSelect
            list={list}
            name="line"
            codes={ASSET_LINES}
            label={(c) => t(`assets.lines.${c}`)}
            placeholder={t('assets.filters.line')}
            width={110}
            testId="assets-filter-line"
          />
          <Select
            allowClear
            placeholder={t('assets.filters.type')}
            style={{ width: 170 }}
            value={list.filters.typeCode}
            onChange={(v?: string) => list.setFilter('typeCode', v ?? undefined)}
            options={types
              .filter((x) => !list.filters.line || x.line === list.filters.line)
              .map((x) => ({ value: x.code, label: locale === 'en' ? x.nameEn : x.nameZh }))}
          />
          <FilterSelect
            list={list}
            name="status"
            codes={ASSET_STATUSES}
            label={(c) => t(`assets.statuses.${c}`)}
            placeholder={t('assets.columns.status')}
            width={110}
          />
        </>
      }
      actions={
        <>
          <ExportButton
            path="/api/assets/export.csv"
            query={list.filters}
            label={t('assets.actions.exportCsv')}
            testId="assets-export-csv"
          />
          <ExportButton
            path="/api/assets/export.geojson"
            query={list.filters}
            label={t('assets.actions.exportGeoJson')}
            testId="assets-export-geojson"
          />
          {canManage ? (
            <ImportButton
              label={t('assets.actions.import')}
              accept=".csv,.geojson,.json"
              testId="assets-import"
              run={async (f) => {
                const r = await assetsApi.importAssets(f);
                list.saved();
                return t('assets.import.done', r);
              }}
            />
          ) : null}
        </>
      }
      createLabel={canManage ? t('assets.actions.create') : undefined}
    >
      <AssetModal open={list.target === 'new'} types={types} onClose={list.close} onSaved={() => list.saved()} />
    </ListPage>
  );
}
