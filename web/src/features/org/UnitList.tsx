import { useCallback } from 'react';
import { Button, Popconfirm, Select, Space, Tag, type TableColumnsType } from 'antd';
import type { Unit } from '../../../../common/contracts/org.ts';
import type { UnitKind } from '../../../../common/domain/org.ts';
import { BooleanSelect } from '../../components/BooleanSelect.tsx';
import { formatInstant } from '../../components/format.ts';
import { ListPage } from '../../components/ListPage.tsx';
import { useCrudList } from '../../components/useCrudList.ts';
import type { FetchPage } from '../../components/usePagedQuery.ts';
import { useI18n } from '../../i18n/context.ts';
import { useAuth } from '../auth/context.ts';
import { unitKindLabel, unitKindOptions } from './labels.ts';
import { orgApi } from './org.api.ts';
import { UnitFormModal } from './UnitFormModal.tsx';

interface Filters {
  kind?: UnitKind;
  active?: boolean;
}

/** Handling units and bureau sections: search, filter by kind and status, sort; create, edit, (de)activate. */
export function UnitList() {
  const { t, locale } = useI18n();
  const list = useCrudList<Unit, Filters>();
  const canManage = useAuth().can('unit.manage');

  const fetchPage = useCallback<FetchPage<Unit, Filters>>((request, signal) => orgApi.units(request, signal), []);

  const setActive = (unit: Unit, active: boolean) =>
    list.act(() => orgApi.updateUnit(unit.id, { active }), t('common.saved'));

  const columns: TableColumnsType<Unit> = [
    { title: t('org.unit.code'), key: 'code', dataIndex: 'code', sorter: true },
    {
      title: t('org.unit.name'),
      key: 'name',
      sorter: true,
      render: (_, u) => (
        <Space size={4}>
          {u.name}
          {u.synthetic ? <Tag>{t('common.demoData')}</Tag> : null}
        </Space>
      ),
    },
    {
      title: t('org.unit.kind'),
      key: 'kind',
      sorter: true,
      render: (_, u) => <Tag color="blue">{unitKindLabel(locale, u.kind)}</Tag>,
    },
    { title: t('org.unit.parent'), key: 'parentName', render: (_, u) => u.parentName ?? '—' },
    { title: t('org.unit.region'), key: 'regionName', render: (_, u) => u.regionName ?? '—' },
    { title: t('org.unit.phone'), key: 'phone', render: (_, u) => u.phone ?? '—' },
    {
      title: t('common.status'),
      key: 'active',
      render: (_, u) =>
        u.active ? <Tag color="success">{t('common.enabled')}</Tag> : <Tag>{t('common.disabled')}</Tag>,
    },
    {
      title: t('common.updatedAt'),
      key: 'updatedAt',
      sorter: true,
      responsive: ['xxl'],
      render: (_, u) => formatInstant(u.updatedAt),
    },
    ...(canManage
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            fixed: 'right' as const,
            render: (_: unknown, u: Unit) => (
              <Space size={0}>
                <Button type="link" size="small" onClick={() => list.edit(u)} data-testid={`unit-edit-${u.code}`}>
                  {t('common.edit')}
                </Button>
                {u.active ? (
                  <Popconfirm
                    title={t('org.unit.deactivateConfirm', { name: u.name })}
                    okText={t('org.unit.deactivate')}
                    cancelText={t('common.cancel')}
                    okButtonProps={{ danger: true }}
                    onConfirm={() => setActive(u, false)}
                  >
                    <Button type="link" size="small" danger data-testid={`unit-deactivate-${u.code}`}>
                      {t('org.unit.deactivate')}
                    </Button>
                  </Popconfirm>
                ) : (
                  <Button
                    type="link"
                    size="small"
                    onClick={() => void setActive(u, true)}
                    data-testid={`unit-activate-${u.code}`}
                  >
                    {t('org.unit.activate')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]
      : []),
  ];

  return (
    <ListPage<Unit, Filters>
      list={list}
      testId="units"
      fetchPage={fetchPage}
      columns={columns}
      rowKey={(u) => u.id}
      defaultSort={{ sort: 'code', order: 'asc' }}
      searchPlaceholder={t('org.unit.searchPlaceholder')}
      toolbar={
        <>
          <Select<UnitKind>
            allowClear
            placeholder={t('org.filters.kind')}
            options={unitKindOptions(locale)}
            value={list.filters.kind}
            onChange={(kind) => list.setFilters((f) => ({ ...f, kind }))}
            style={{ width: 160 }}
            data-testid="units-filter-kind"
          />
          <BooleanSelect
            placeholder={t('org.filters.status')}
            trueLabel={t('common.enabled')}
            falseLabel={t('common.disabled')}
            value={list.filters.active}
            onChange={(active) => list.setFilters((f) => ({ ...f, active }))}
            data-testid="units-filter-active"
          />
        </>
      }
      exportPath="/api/exports/units.xlsx"
      createLabel={canManage ? t('org.unit.create') : undefined}
    >
      <UnitFormModal target={list.target} onClose={list.close} onSaved={() => list.saved()} />
    </ListPage>
  );
}
