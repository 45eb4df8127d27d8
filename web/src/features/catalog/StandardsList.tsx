import { useCallback, useState } from 'react';
import { Button, Popconfirm, Space, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { ListPage } from '../../components/ListPage.tsx';
import { useCrudList } from '../../components/useCrudList.ts';
import type { FetchPage } from '../../components/usePagedQuery.ts';
import { useI18n } from '../../i18n/context.ts';
import { useAuth } from '../auth/context.ts';
import { UnitSelect } from '../org/OrgSelects.tsx';
import { catalogApi, EXPORT_PATH, type FilingCondition } from './catalog.api.ts';
import { ConditionFormModal } from './ConditionFormModal.tsx';
import { ImportStandardsModal } from './ImportStandardsModal.tsx';
import { limitText } from './labels.ts';
import { MatterSelect } from './MatterSelect.tsx';

interface Filters {
  matterCode?: string;
  unitId?: string;
}

const limitColor: Record<string, string> = {
  emergency_hours: 'red',
  work_hours: 'orange',
  work_days: 'blue',
  calendar_days: 'default',
};
const wrap = { whiteSpace: 'normal' as const, minWidth: 180, maxWidth: 360 };

/** 立结案标准: per matter its filing conditions with handling limit, closing condition and unit; Excel in and out. */
export function StandardsList() {
  const { t, locale } = useI18n();
  const list = useCrudList<FilingCondition, Filters>();
  const canManage = useAuth().can('settings.manage');
  const [importing, setImporting] = useState(false);

  const fetchPage = useCallback<FetchPage<FilingCondition, Filters>>(
    (request, signal) => catalogApi.conditions(request, signal),
    [],
  );

  const remove = (condition: FilingCondition) =>
    list.act(() => catalogApi.deleteCondition(condition.id), t('common.deleted'));

  const columns: TableColumnsType<FilingCondition> = [
    {
      title: t('catalog.condition.matter'),
      key: 'matterCode',
      sorter: true,
      width: 170,
      render: (_, c) => (
        <Space size={4} wrap>
          <Typography.Text code>{c.matterCode}</Typography.Text>
          {c.matterName ?? ''}
        </Space>
      ),
    },
    {
      title: t('catalog.condition.condition'),
      key: 'condition',
      render: (_, c) => <div style={wrap}>{c.condition}</div>,
    },
    {
      title: t('catalog.condition.limit'),
      key: 'limit',
      width: 130,
      render: (_, c) => <Tag color={limitColor[c.handlingLimit.unit]}>{limitText(locale, c.handlingLimit)}</Tag>,
    },
    {
      title: t('catalog.condition.closing'),
      key: 'closing',
      render: (_, c) => <div style={{ ...wrap, minWidth: 120 }}>{c.closingCondition}</div>,
    },
    {
      title: t('catalog.condition.unit'),
      key: 'unit',
      render: (_, c) =>
        c.unitName ?? (
          <Tooltip title={t('catalog.condition.byLocation')}>
            <Typography.Text type="secondary">{t('catalog.condition.byLocationShort')}</Typography.Text>
          </Tooltip>
        ),
    },
    ...(canManage
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            fixed: 'right' as const,
            render: (_: unknown, c: FilingCondition) => (
              <Space size={0}>
                <Button type="link" size="small" onClick={() => list.edit(c)} data-testid={`condition-edit-${c.id}`}>
                  {t('common.edit')}
                </Button>
                <Popconfirm
                  title={t('catalog.condition.deleteConfirm', { name: c.matterName ?? c.matterCode })}
                  okText={t('common.delete')}
                  cancelText={t('common.cancel')}
                  okButtonProps={{ danger: true }}
                  onConfirm={() => remove(c)}
                >
                  <Button type="link" size="small" danger data-testid={`condition-delete-${c.id}`}>
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
    <ListPage<FilingCondition, Filters>
      list={list}
      testId="standards"
      fetchPage={fetchPage}
      columns={columns}
      rowKey={(c) => c.id}
      searchPlaceholder={t('catalog.condition.searchPlaceholder')}
      toolbar={
        <>
          <MatterSelect
            value={list.filters.matterCode}
            onChange={(matterCode) => list.setFilters((f) => ({ ...f, matterCode: matterCode ?? undefined }))}
            placeholder={t('catalog.condition.filterMatter')}
            style={{ width: 180 }}
            data-testid="standards-filter-matter"
          />
          <UnitSelect
            value={list.filters.unitId}
            onChange={(unitId) => list.setFilters((f) => ({ ...f, unitId: unitId ?? undefined }))}
            placeholder={t('catalog.condition.filterUnit')}
            style={{ width: 180 }}
            data-testid="standards-filter-unit"
          />
        </>
      }
      exportPath={EXPORT_PATH}
      actions={
        canManage ? (
          <Button icon={<UploadOutlined />} onClick={() => setImporting(true)} data-testid="standards-import">
            {t('catalog.import.open')}
          </Button>
        ) : null
      }
      createLabel={canManage ? t('catalog.condition.create') : undefined}
    >
      <ConditionFormModal target={list.target} onClose={list.close} onSaved={() => list.saved()} />
      <ImportStandardsModal
        open={importing}
        onClose={() => setImporting(false)}
        onImported={() => {
          setImporting(false);
          list.reload();
        }}
      />
    </ListPage>
  );
}
