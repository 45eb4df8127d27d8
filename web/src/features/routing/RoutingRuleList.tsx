import { useCallback } from 'react';
import { Alert, Button, Flex, Popconfirm, Space, Tag, Typography, type TableColumnsType } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { tryT } from '../../../../common/i18n/core.ts';
import { useResource } from '../../api/use-resource.ts';
import { BooleanSelect } from '../../components/BooleanSelect.tsx';
import { ListPage } from '../../components/ListPage.tsx';
import { useCrudList } from '../../components/useCrudList.ts';
import type { FetchPage } from '../../components/usePagedQuery.ts';
import { useI18n } from '../../i18n/context.ts';
import { useAuth } from '../auth/context.ts';
import { UnitPicker } from '../cases/CaseSelects.tsx';
import { routingApi, type RoutingRule } from './routing.api.ts';
import { RoutingRuleModal } from './RoutingRuleModal.tsx';

interface Filters {
  unitId?: string;
  active?: boolean;
}

/** 处置责任分解表 as data: rules with their match level; the fallback rule stands out (and is missed when absent). */
export function RoutingRuleList({ onChanged }: { onChanged?: () => void }) {
  const { t, locale } = useI18n();
  const list = useCrudList<RoutingRule, Filters>({ onChanged });
  const canManage = useAuth().can('settings.manage');

  const fetchPage = useCallback<FetchPage<RoutingRule, Filters>>(
    (request, signal) => routingApi.rules(request, signal),
    [],
  );

  // The default order ('code') puts the fallback rule (no matter, no class) first.
  const hasFallback = useResource(
    (signal) =>
      routingApi
        .rules({ pageSize: 1, sort: 'code', order: 'asc' }, signal)
        .then((page) => page.items[0]?.level === 'fallback'),
    [list.reloadKey],
  ).data;

  const remove = (rule: RoutingRule) => list.act(() => routingApi.deleteRule(rule.id), t('common.deleted'));

  const levelLabel = (level: string) => tryT(locale, `routing.level.${level}`) ?? level;
  const columns: TableColumnsType<RoutingRule> = [
    {
      title: t('routing.field.level'),
      key: 'level',
      render: (_, r) =>
        r.level === 'fallback' ? (
          <Tag color="gold" icon={<SafetyCertificateOutlined />} data-testid="routing-fallback">
            {t('routing.fallback')}
          </Tag>
        ) : (
          <Tag color="blue">{levelLabel(r.level)}</Tag>
        ),
    },
    {
      title: t('routing.field.scope'),
      key: 'code',
      sorter: true,
      render: (_, r) =>
        r.matterCode ? (
          `${r.matterCode} ${r.matterName ?? ''}`
        ) : r.majorCode ? (
          `${r.majorCode} ${r.majorName ?? tryT(locale, `catalog.majors.matter.${r.majorCode}`) ?? ''}`
        ) : (
          <Typography.Text type="secondary">{r.level === 'fallback' ? t('routing.fallbackHint') : '—'}</Typography.Text>
        ),
    },
    { title: t('routing.field.region'), key: 'region', render: (_, r) => r.regionName ?? t('routing.anyRegion') },
    {
      title: t('routing.field.unit'),
      key: 'unitName',
      sorter: true,
      render: (_, r) => (r.level === 'fallback' ? <Typography.Text strong>{r.unitName}</Typography.Text> : r.unitName),
    },
    { title: t('routing.field.priority'), key: 'priority', sorter: true, align: 'right', render: (_, r) => r.priority },
    {
      title: t('routing.field.active'),
      key: 'active',
      render: (_, r) =>
        r.active ? <Tag color="success">{t('common.enabled')}</Tag> : <Tag>{t('common.disabled')}</Tag>,
    },
    { title: t('routing.field.note'), key: 'note', responsive: ['xl'], render: (_, r) => r.note ?? '—' },
    ...(canManage
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            fixed: 'right' as const,
            render: (_: unknown, r: RoutingRule) => (
              <Space size={0}>
                <Button type="link" size="small" onClick={() => list.edit(r)} data-testid={`routing-edit-${r.id}`}>
                  {t('common.edit')}
                </Button>
                <Popconfirm
                  title={t('routing.deleteConfirm')}
                  okText={t('common.delete')}
                  cancelText={t('common.cancel')}
                  okButtonProps={{ danger: true }}
                  onConfirm={() => remove(r)}
                >
                  <Button type="link" size="small" danger data-testid={`routing-delete-${r.id}`}>
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
    <Flex vertical gap={12}>
      {hasFallback === false ? (
        <Alert type="warning" showIcon title={t('routing.fallbackMissing')} data-testid="routing-no-fallback" />
      ) : null}
      <ListPage<RoutingRule, Filters>
        list={list}
        testId="routing"
        fetchPage={fetchPage}
        columns={columns}
        rowKey={(r) => r.id}
        defaultSort={{ sort: 'code', order: 'asc' }}
        toolbar={
          <>
            <UnitPicker
              placeholder={t('routing.filterUnit')}
              value={list.filters.unitId}
              onChange={(unitId) => list.setFilters((f) => ({ ...f, unitId: unitId ?? undefined }))}
              style={{ width: 200 }}
              data-testid="routing-filter-unit"
            />
            <BooleanSelect
              placeholder={t('routing.filterActive')}
              trueLabel={t('common.enabled')}
              falseLabel={t('common.disabled')}
              value={list.filters.active}
              onChange={(active) => list.setFilters((f) => ({ ...f, active }))}
              data-testid="routing-filter-active"
            />
          </>
        }
        exportPath="/api/exports/routing-rules.xlsx"
        createLabel={canManage ? t('routing.create') : undefined}
      >
        <RoutingRuleModal
          target={list.target}
          fallbackExists={hasFallback === true}
          onClose={list.close}
          onSaved={() => list.saved()}
        />
      </ListPage>
    </Flex>
  );
}
