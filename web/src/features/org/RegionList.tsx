import { useCallback } from 'react';
import { Button, Popconfirm, Select, Space, Tag, type TableColumnsType } from 'antd';
import type { Region } from '../../../../common/contracts/org.ts';
import type { RegionKind } from '../../../../common/domain/org.ts';
import { formatInstant } from '../../components/format.ts';
import { ListPage } from '../../components/ListPage.tsx';
import { useCrudList } from '../../components/useCrudList.ts';
import type { FetchPage } from '../../components/usePagedQuery.ts';
import { useI18n } from '../../i18n/context.ts';
import { useAuth } from '../auth/context.ts';
import { regionKindLabel, regionKindOptions } from './labels.ts';
import { orgApi } from './org.api.ts';
import { RegionFormModal } from './RegionFormModal.tsx';

interface Filters {
  kind?: RegionKind;
}

const kindColor: Record<string, string> = { street: 'blue', town: 'green', community: 'default' };

/** Streets, towns and communities of the tenant: search, filter by kind, sort; create, rename, delete. */
export function RegionList() {
  const { t, locale } = useI18n();
  const list = useCrudList<Region, Filters>();
  const canManage = useAuth().can('region.manage');

  const fetchPage = useCallback<FetchPage<Region, Filters>>((request, signal) => orgApi.regions(request, signal), []);

  const remove = (region: Region) => list.act(() => orgApi.deleteRegion(region.id), t('common.deleted'));

  const columns: TableColumnsType<Region> = [
    { title: t('org.region.code'), key: 'code', dataIndex: 'code', sorter: true, width: 90 },
    { title: t('org.region.fullCode'), key: 'fullCode', dataIndex: 'fullCode', width: 150 },
    {
      title: t('org.region.name'),
      key: 'name',
      sorter: true,
      render: (_, r) => (
        <Space size={4}>
          {r.name}
          {r.synthetic ? <Tag>{t('common.demoData')}</Tag> : null}
        </Space>
      ),
    },
    {
      title: t('org.region.kind'),
      key: 'kind',
      render: (_, r) => <Tag color={kindColor[r.kind]}>{regionKindLabel(locale, r.kind)}</Tag>,
    },
    { title: t('org.region.parent'), key: 'parentName', render: (_, r) => r.parentName ?? '—' },
    { title: t('common.updatedAt'), key: 'updatedAt', sorter: true, render: (_, r) => formatInstant(r.updatedAt) },
    ...(canManage
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            fixed: 'right' as const,
            render: (_: unknown, r: Region) => (
              <Space size={0}>
                <Button type="link" size="small" onClick={() => list.edit(r)} data-testid={`region-edit-${r.fullCode}`}>
                  {t('common.edit')}
                </Button>
                <Popconfirm
                  title={t('common.confirmDelete', { name: r.name })}
                  okText={t('common.delete')}
                  cancelText={t('common.cancel')}
                  okButtonProps={{ danger: true }}
                  onConfirm={() => remove(r)}
                >
                  <Button type="link" size="small" danger data-testid={`region-delete-${r.fullCode}`}>
                    {t('common.delete')}
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]
      : []),
  ];

  return (
    <ListPage<Region, Filters>
      list={list}
      testId="regions"
      fetchPage={fetchPage}
      columns={columns}
      rowKey={(r) => r.id}
      defaultSort={{ sort: 'code', order: 'asc' }}
      searchPlaceholder={t('org.region.searchPlaceholder')}
      toolbar={
        <Select<RegionKind>
          allowClear
          placeholder={t('org.filters.kind')}
          options={regionKindOptions(locale)}
          value={list.filters.kind}
          onChange={(kind) => list.setFilters({ kind })}
          style={{ width: 140 }}
          data-testid="regions-filter-kind"
        />
      }
      exportPath="/api/exports/regions.xlsx"
      createLabel={canManage ? t('org.region.create') : undefined}
    >
      <RegionFormModal target={list.target} onClose={list.close} onSaved={() => list.saved()} />
    </ListPage>
  );
}
