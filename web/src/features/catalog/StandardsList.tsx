import { useCallback, useState } from 'react';
import { App, Button, Popconfirm, Space, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { errorText } from '../../api/errors.ts';
import { PagedTable } from '../../components/PagedTable.tsx';
import type { FetchPage } from '../../components/usePagedQuery.ts';
import { useI18n } from '../../i18n/context.ts';
import { useAuth } from '../auth/context.ts';
import { UnitSelect } from '../org/OrgSelects.tsx';
import { catalogApi, exportHref, type FilingCondition } from './catalog.api.ts';
import { ConditionFormModal } from './ConditionFormModal.tsx';
import { ImportStandardsModal } from './ImportStandardsModal.tsx';
import { limitText } from './labels.ts';
import { MatterSelect } from './MatterSelect.tsx';

interface Filters {
  matterCode?: string;
  unitId?: string;
}

const limitColor: Record<string, string> = { emergency_hours: 'red', work_hours: 'orange', work_days: 'blue', calendar_days: 'default' };
const wrap = { whiteSpace: 'normal' as const, minWidth: 180, maxWidth: 360 };

/** 立结案标准: per matter its filing conditions with handling limit, closing condition and unit; Excel in and out. */
export function StandardsList() {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const canManage = useAuth().can('settings.manage');
  const [filters, setFilters] = useState<Filters>({});
  const [q, setQ] = useState<string | undefined>();
  const [target, setTarget] = useState<FilingCondition | 'new' | null>(null);
  const [importing, setImporting] = useState(false);
  const [reloadKey, setReloadKey] = useState(0);
  const reload = () => setReloadKey((k) => k + 1);

  const fetchPage = useCallback<FetchPage<FilingCondition, Filters>>((request, signal) => {
    setQ(request.q);
    return catalogApi.conditions(request, signal);
  }, []);

  const remove = async (condition: FilingCondition) => {
    try {
      await catalogApi.deleteCondition(condition.id);
      void message.success(t('common.deleted'));
      reload();
    } catch (error) {
      void message.error(errorText(error, locale));
    }
  };

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
    { title: t('catalog.condition.condition'), key: 'condition', render: (_, c) => <div style={wrap}>{c.condition}</div> },
    {
      title: t('catalog.condition.limit'),
      key: 'limit',
      width: 130,
      render: (_, c) => <Tag color={limitColor[c.handlingLimit.unit]}>{limitText(locale, c.handlingLimit)}</Tag>,
    },
    { title: t('catalog.condition.closing'), key: 'closing', render: (_, c) => <div style={{ ...wrap, minWidth: 120 }}>{c.closingCondition}</div> },
    {
      title: t('catalog.condition.unit'),
      key: 'unit',
      render: (_, c) => c.unitName ?? (
        <Tooltip title={t('catalog.condition.byLocation')}>
          <Typography.Text type="secondary">{t('catalog.condition.byLocationShort')}</Typography.Text>
        </Tooltip>
      ),
    },
    ...(canManage
      ? [{
          title: t('common.actions'),
          key: 'actions',
          fixed: 'right' as const,
          render: (_: unknown, c: FilingCondition) => (
            <Space size={0}>
              <Button type="link" size="small" onClick={() => setTarget(c)} data-testid={`condition-edit-${c.id}`}>{t('common.edit')}</Button>
              <Popconfirm
                title={t('catalog.condition.deleteConfirm', { name: c.matterName ?? c.matterCode })}
                okText={t('common.delete')}
                cancelText={t('common.cancel')}
                okButtonProps={{ danger: true }}
                onConfirm={() => remove(c)}
              >
                <Button type="link" size="small" danger data-testid={`condition-delete-${c.id}`}>{t('common.delete')}</Button>
              </Popconfirm>
            </Space>
          ),
        }]
      : []),
  ];

  return (
    <>
      <PagedTable<FilingCondition, Filters>
        testId="standards"
        fetchPage={fetchPage}
        filters={filters}
        columns={columns}
        rowKey={(c) => c.id}
        reloadKey={reloadKey}
        searchPlaceholder={t('catalog.condition.searchPlaceholder')}
        toolbar={
          <>
            <MatterSelect
              value={filters.matterCode}
              onChange={(matterCode) => setFilters((f) => ({ ...f, matterCode: matterCode ?? undefined }))}
              placeholder={t('catalog.condition.filterMatter')}
              style={{ width: 180 }}
              data-testid="standards-filter-matter"
            />
            <UnitSelect
              value={filters.unitId}
              onChange={(unitId) => setFilters((f) => ({ ...f, unitId: unitId ?? undefined }))}
              placeholder={t('catalog.condition.filterUnit')}
              style={{ width: 180 }}
              data-testid="standards-filter-unit"
            />
          </>
        }
        actions={
          <>
            <Button icon={<DownloadOutlined />} href={exportHref({ ...filters, q })} download data-testid="standards-export">
              {t('catalog.export')}
            </Button>
            {canManage ? (
              <>
                <Button icon={<UploadOutlined />} onClick={() => setImporting(true)} data-testid="standards-import">{t('catalog.import.open')}</Button>
                <Button type="primary" icon={<PlusOutlined />} onClick={() => setTarget('new')} data-testid="standards-create">
                  {t('catalog.condition.create')}
                </Button>
              </>
            ) : null}
          </>
        }
      />
      <ConditionFormModal
        target={target}
        onClose={() => setTarget(null)}
        onSaved={() => {
          void message.success(t('common.saved'));
          setTarget(null);
          reload();
        }}
      />
      <ImportStandardsModal
        open={importing}
        onClose={() => setImporting(false)}
        onImported={() => {
          setImporting(false);
          reload();
        }}
      />
    </>
  );
}
