import { useCallback } from 'react';
import { Button, Popconfirm, Select, Space, Tag, Typography, type TableColumnsType } from 'antd';
import type { CatalogKind } from '../../../../common/domain/catalog.ts';
import { BooleanSelect } from '../../components/BooleanSelect.tsx';
import { ListPage } from '../../components/ListPage.tsx';
import { useCrudList } from '../../components/useCrudList.ts';
import type { FetchPage } from '../../components/usePagedQuery.ts';
import { useI18n } from '../../i18n/context.ts';
import { useAuth } from '../auth/context.ts';
import { catalogApi, type CatalogEntry } from './catalog.api.ts';
import { CatalogEntryModal } from './CatalogEntryModal.tsx';
import { catalogKindLabel, catalogKindOptions, majorLabel, majorOptions } from './labels.ts';

interface Filters {
  kind?: CatalogKind;
  majorCode?: string;
  local?: boolean;
  active?: boolean;
}

/** GB/T 47678.5 components and matters plus local extensions: search (code, name, pinyin initials), filter, extend. */
export function CatalogList() {
  const { t, locale } = useI18n();
  const list = useCrudList<CatalogEntry, Filters>();
  const canManage = useAuth().can('settings.manage');

  const fetchPage = useCallback<FetchPage<CatalogEntry, Filters>>(
    (request, signal) => catalogApi.entries(request, signal),
    [],
  );

  const setActive = (entry: CatalogEntry, active: boolean) =>
    list.act(() => catalogApi.updateEntry(entry.code, entry.kind, { active }), t('common.saved'));

  const columns: TableColumnsType<CatalogEntry> = [
    {
      title: t('catalog.field.code'),
      key: 'code',
      dataIndex: 'code',
      sorter: true,
      width: 90,
      render: (code: string) => <Typography.Text code>{code}</Typography.Text>,
    },
    { title: t('catalog.field.oldCode'), key: 'oldCode', width: 90, render: (_, e) => e.oldCode ?? '—' },
    {
      title: t('catalog.field.name'),
      key: 'name',
      sorter: true,
      render: (_, e) => (
        <Space size={6}>
          <span style={e.active ? undefined : { color: '#999', textDecoration: 'line-through' }}>{e.name}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {e.pinyinInitials}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: t('catalog.field.kind'),
      key: 'kind',
      render: (_, e) => (
        <Tag color={e.kind === 'component' ? 'geekblue' : 'purple'}>{catalogKindLabel(locale, e.kind)}</Tag>
      ),
    },
    {
      title: t('catalog.field.major'),
      key: 'major',
      render: (_, e) => `${e.majorCode} ${majorLabel(locale, e.kind, e.majorCode, e.majorName)}`,
    },
    {
      title: t('catalog.field.source'),
      key: 'source',
      render: (_, e) => (
        <Tag color={e.source === 'local' ? 'orange' : 'default'}>
          {t(e.source === 'local' ? 'catalog.source.local' : 'catalog.source.national')}
        </Tag>
      ),
    },
    {
      title: t('catalog.field.active'),
      key: 'active',
      render: (_, e) =>
        e.active ? <Tag color="green">{t('common.enabled')}</Tag> : <Tag>{t('catalog.inactive')}</Tag>,
    },
    ...(canManage
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            fixed: 'right' as const,
            render: (_: unknown, e: CatalogEntry) => (
              <Space size={0}>
                {e.source === 'local' ? (
                  <Button
                    type="link"
                    size="small"
                    onClick={() => list.edit(e)}
                    data-testid={`catalog-rename-${e.kind}-${e.code}`}
                  >
                    {t('catalog.rename')}
                  </Button>
                ) : null}
                {e.active ? (
                  <Popconfirm
                    title={t('catalog.deactivateConfirm', { name: e.name })}
                    okText={t('catalog.deactivate')}
                    cancelText={t('common.cancel')}
                    okButtonProps={{ danger: true }}
                    onConfirm={() => setActive(e, false)}
                  >
                    <Button type="link" size="small" danger data-testid={`catalog-deactivate-${e.kind}-${e.code}`}>
                      {t('catalog.deactivate')}
                    </Button>
                  </Popconfirm>
                ) : (
                  <Button
                    type="link"
                    size="small"
                    onClick={() => void setActive(e, true)}
                    data-testid={`catalog-activate-${e.kind}-${e.code}`}
                  >
                    {t('catalog.activate')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]
      : []),
  ];

  return (
    <ListPage<CatalogEntry, Filters>
      list={list}
      testId="catalog"
      fetchPage={fetchPage}
      columns={columns}
      rowKey={(e) => `${e.kind}-${e.code}`}
      defaultSort={{ sort: 'code', order: 'asc' }}
      searchPlaceholder={t('catalog.searchPlaceholder')}
      toolbar={
        <>
          <Select<CatalogKind>
            allowClear
            placeholder={t('catalog.filters.kind')}
            options={catalogKindOptions(locale)}
            value={list.filters.kind}
            onChange={(kind) =>
              list.setFilters((f) => ({
                ...f,
                kind,
                majorCode: kind === 'component' && f.majorCode && f.majorCode > '05' ? undefined : f.majorCode,
              }))
            }
            style={{ width: 120 }}
            data-testid="catalog-filter-kind"
          />
          <Select<string>
            allowClear
            placeholder={t('catalog.filters.major')}
            options={majorOptions(locale, list.filters.kind)}
            value={list.filters.majorCode}
            onChange={(majorCode) => list.setFilters((f) => ({ ...f, majorCode }))}
            style={{ width: 190 }}
            popupMatchSelectWidth={false}
            data-testid="catalog-filter-major"
          />
          <BooleanSelect
            value={list.filters.local}
            onChange={(local) => list.setFilters((f) => ({ ...f, local }))}
            trueLabel={t('catalog.source.local')}
            falseLabel={t('catalog.source.national')}
            placeholder={t('catalog.filters.source')}
            width={130}
            data-testid="catalog-filter-source"
          />
          <BooleanSelect
            value={list.filters.active}
            onChange={(active) => list.setFilters((f) => ({ ...f, active }))}
            trueLabel={t('common.enabled')}
            falseLabel={t('catalog.inactive')}
            placeholder={t('catalog.filters.active')}
            width={120}
            data-testid="catalog-filter-active"
          />
        </>
      }
      exportPath="/api/exports/catalog.xlsx"
      createLabel={canManage ? t('catalog.addLocal') : undefined}
    >
      <CatalogEntryModal
        target={list.target}
        onClose={list.close}
        onSaved={(entry, created) =>
          list.saved(created ? t('catalog.created', { code: entry.code, name: entry.name }) : undefined)
        }
      />
    </ListPage>
  );
}
