import type { FetchPage } from '../../components/usePagedQuery.ts';
import { ImportButton } from './ImportButton.tsx';
import { useCallback, useMemo } from 'react';
import { Button, Select, Tag, type TableColumnsType } from 'antd';
import { ASSET_LINES, ASSET_STATUSES, type AssetLine, type AssetStatus } from '../../../../common/domain/assets.ts';
import { ExportButton } from '../../components/ExportButton.tsx';
import { FilterSelect } from '../../components/FilterSelect.tsx';
import { ListPage } from '../../components/ListPage.tsx';
import { formatInstant } from '../../components/format.ts';
import { useCrudList } from '../../components/useCrudList.ts';
import { useI18n } from '../../i18n/context.ts';
import { useAuth } from '../auth/context.ts';
import { assetsApi, type Asset, type AssetType } from './assets.api.ts';
import { AssetFormModal } from './AssetFormModal.tsx';
import { attributeSummary } from './AttributeSchemaForm.tsx';

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
    ...(canManage
      ? [
          {
            title: '',
            key: 'actions',
            render: (_: unknown, a: Asset) => (
              <Button type="link" size="small" onClick={() => list.edit(a)} data-testid={`asset-edit-${a.code}`}>
                {t('common.edit')}
              </Button>
            ),
          },
        ]
      : []),
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
          <ExportButton
            path="/api/assets/export.xlsx"
            query={list.filters}
            label={t('assets.actions.exportXlsx')}
            testId="assets-export-xlsx"
          />
          {canManage ? (
            <ImportButton
              label={t('assets.actions.import')}
              accept=".xlsx,.csv,.geojson,.json"
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
      <AssetFormModal target={list.target} types={types} onClose={list.close} onSaved={() => list.saved()} />
    </ListPage>
  );
}
