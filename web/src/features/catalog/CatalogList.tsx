import { useCallback, useState } from 'react';
import { App, Button, Popconfirm, Select, Space, Tag, Typography, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { CatalogKind } from '../../../../common/domain/catalog.ts';
import { errorText } from '../../api/errors.ts';
import { BooleanSelect } from '../../components/BooleanSelect.tsx';
import { PagedTable } from '../../components/PagedTable.tsx';
import type { FetchPage } from '../../components/usePagedQuery.ts';
import { useI18n } from '../../i18n/context.ts';
import { useAuth } from '../auth/context.ts';
import { catalogApi, type CatalogEntry } from './catalog.api.ts';
import { CatalogEntryModal } from './CatalogEntryModal.tsx';
import { catalogKindLabel, catalogKindOptions, majorLabel, majorOptions } from './labels.ts';
import { ExportButton } from '../../components/ExportButton.tsx';

interface Filters {
  kind?: CatalogKind;
  majorCode?: string;
  local?: boolean;
  active?: boolean;
}

/** GB/T 47678.5 components and matters plus local extensions: search (code, name, pinyin initials), filter, extend. */
export function CatalogList() {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const canManage = useAuth().can('settings.manage');
  const [filters, setFilters] = useState<Filters>({});
  const [target, setTarget] = useState<CatalogEntry | 'new' | null>(null);
  const [reloadKey, setReloadKey] = useState(0);
  const reload = () => setReloadKey((k) => k + 1);

  const fetchPage = useCallback<FetchPage<CatalogEntry, Filters>>((request, signal) => catalogApi.entries(request, signal), []);

  const setActive = async (entry: CatalogEntry, active: boolean) => {
    try {
      await catalogApi.updateEntry(entry.code, entry.kind, { active });
      void message.success(t('common.saved'));
      reload();
    } catch (error) {
      void message.error(errorText(error, locale));
    }
  };

  const columns: TableColumnsType<CatalogEntry> = [
    { title: t('catalog.field.code'), key: 'code', dataIndex: 'code', sorter: true, width: 90, render: (code: string) => <Typography.Text code>{code}</Typography.Text> },
    { title: t('catalog.field.oldCode'), key: 'oldCode', width: 90, render: (_, e) => e.oldCode ?? '—' },
    {
      title: t('catalog.field.name'),
      key: 'name',
      sorter: true,
      render: (_, e) => (
        <Space size={6}>
          <span style={e.active ? undefined : { color: '#999', textDecoration: 'line-through' }}>{e.name}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>{e.pinyinInitials}</Typography.Text>
        </Space>
      ),
    },
    { title: t('catalog.field.kind'), key: 'kind', render: (_, e) => <Tag color={e.kind === 'component' ? 'geekblue' : 'purple'}>{catalogKindLabel(locale, e.kind)}</Tag> },
    { title: t('catalog.field.major'), key: 'major', render: (_, e) => `${e.majorCode} ${majorLabel(locale, e.kind, e.majorCode, e.majorName)}` },
    {
      title: t('catalog.field.source'),
      key: 'source',
      render: (_, e) => <Tag color={e.source === 'local' ? 'orange' : 'default'}>{t(e.source === 'local' ? 'catalog.source.local' : 'catalog.source.national')}</Tag>,
    },
    {
      title: t('catalog.field.active'),
      key: 'active',
      render: (_, e) => (e.active ? <Tag color="green">{t('common.enabled')}</Tag> : <Tag>{t('catalog.inactive')}</Tag>),
    },
    ...(canManage
      ? [{
          title: t('common.actions'),
          key: 'actions',
          fixed: 'right' as const,
          render: (_: unknown, e: CatalogEntry) => (
            <Space size={0}>
              {e.source === 'local' ? (
                <Button type="link" size="small" onClick={() => setTarget(e)} data-testid={`catalog-rename-${e.kind}-${e.code}`}>{t('catalog.rename')}</Button>
              ) : null}
              {e.active ? (
                <Popconfirm
                  title={t('catalog.deactivateConfirm', { name: e.name })}
                  okText={t('catalog.deactivate')}
                  cancelText={t('common.cancel')}
                  okButtonProps={{ danger: true }}
                  onConfirm={() => setActive(e, false)}
                >
                  <Button type="link" size="small" danger data-testid={`catalog-deactivate-${e.kind}-${e.code}`}>{t('catalog.deactivate')}</Button>
                </Popconfirm>
              ) : (
                <Button type="link" size="small" onClick={() => void setActive(e, true)} data-testid={`catalog-activate-${e.kind}-${e.code}`}>
                  {t('catalog.activate')}
                </Button>
              )}
            </Space>
          ),
        }]
      : []),
  ];

  return (
    <>
      <PagedTable<CatalogEntry, Filters>
        testId="catalog"
        fetchPage={fetchPage}
        filters={filters}
        columns={columns}
        rowKey={(e) => `${e.kind}-${e.code}`}
        reloadKey={reloadKey}
        defaultSort={{ sort: 'code', order: 'asc' }}
        searchPlaceholder={t('catalog.searchPlaceholder')}
        toolbar={
          <>
            <Select<CatalogKind>
              allowClear
              placeholder={t('catalog.filters.kind')}
              options={catalogKindOptions(locale)}
              value={filters.kind}
              onChange={(kind) => setFilters((f) => ({ ...f, kind, majorCode: kind === 'component' && f.majorCode && f.majorCode > '05' ? undefined : f.majorCode }))}
              style={{ width: 120 }}
              data-testid="catalog-filter-kind"
            />
            <Select<string>
              allowClear
              placeholder={t('catalog.filters.major')}
              options={majorOptions(locale, filters.kind)}
              value={filters.majorCode}
              onChange={(majorCode) => setFilters((f) => ({ ...f, majorCode }))}
              style={{ width: 190 }}
              popupMatchSelectWidth={false}
              data-testid="catalog-filter-major"
            />
            <BooleanSelect
              value={filters.local}
              onChange={(local) => setFilters((f) => ({ ...f, local }))}
              trueLabel={t('catalog.source.local')}
              falseLabel={t('catalog.source.national')}
              placeholder={t('catalog.filters.source')}
              width={130}
              data-testid="catalog-filter-source"
            />
            <BooleanSelect
              value={filters.active}
              onChange={(active) => setFilters((f) => ({ ...f, active }))}
              trueLabel={t('common.enabled')}
              falseLabel={t('catalog.inactive')}
              placeholder={t('catalog.filters.active')}
              width={120}
              data-testid="catalog-filter-active"
            />
          </>
        }
        actions={<><ExportButton path="/api/exports/catalog.xlsx" filters={filters} tableTestId="catalog" testId="catalog-export" />
          {canManage ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setTarget('new')} data-testid="catalog-create">
              {t('catalog.addLocal')}
            </Button>
          ) : null}</>
        }
      />
      <CatalogEntryModal
        target={target}
        onClose={() => setTarget(null)}
        onSaved={(entry, created) => {
          void message.success(created ? t('catalog.created', { code: entry.code, name: entry.name }) : t('common.saved'));
          setTarget(null);
          reload();
        }}
      />
    </>
  );
}
