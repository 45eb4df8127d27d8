import { useCallback, useState } from 'react';
import { Input, Select, Tag, Typography, type TableColumnsType } from 'antd';
import { Link } from 'react-router-dom';
import { COMPONENT_STATES, type Component, type ComponentQuery } from '../../../../common/contracts/components.ts';
import type { Page } from '../../../../common/domain/paging.ts';
import { api, type Query } from '../../api/client.ts';
import { PageSection } from '../../components/PageSection.tsx';
import { PagedTable } from '../../components/PagedTable.tsx';
import type { FetchPage } from '../../components/usePagedQuery.ts';
import { useI18n } from '../../i18n/context.ts';

export interface ComponentFilters {
  classCode?: string;
  state?: Component['state'];
}

const STATE_COLOURS: Record<Component['state'], string> = {
  intact: 'green',
  damaged: 'orange',
  lost: 'red',
  abandoned: 'default',
  removed: 'default',
};

export const fetchComponents = (query: ComponentQuery, signal?: AbortSignal) =>
  api.get<Page<Component>>('/api/components', { query: query as unknown as Query, signal });

/** The map (一张图) at a component: its code and WGS84 position travel in the address. */
export const mapLinkOf = (c: Pick<Component, 'code' | 'lng' | 'lat'>) =>
  `/map?component=${encodeURIComponent(c.code)}&lng=${c.lng}&lat=${c.lat}`;

/** 基础数据 › 部件台账: the component registry with filters, a link to each one on the map, and the Excel export. */
export function ComponentsPage({
  fetchPage: fetchOverride,
}: { fetchPage?: FetchPage<Component, ComponentFilters> } = {}) {
  const { t } = useI18n();
  const [filters, setFilters] = useState<ComponentFilters>({});
  const [classText, setClassText] = useState('');
  const fetchPage = useCallback<FetchPage<Component, ComponentFilters>>(
    (request, signal) => (fetchOverride ? fetchOverride(request, signal) : fetchComponents(request, signal)),
    [fetchOverride],
  );

  const columns: TableColumnsType<Component> = [
    { title: t('component.code'), key: 'code', render: (_, c) => <Typography.Text code>{c.code}</Typography.Text> },
    { title: t('component.name'), key: 'name', dataIndex: 'name' },
    { title: t('component.class'), key: 'class', render: (_, c) => `${c.classCode} ${c.className ?? ''}` },
    {
      title: t('component.state'),
      key: 'state',
      render: (_, c) => <Tag color={STATE_COLOURS[c.state]}>{t(`component.states.${c.state}`)}</Tag>,
    },
    { title: t('component.dept'), key: 'dept', dataIndex: 'deptName' },
    { title: t('component.community'), key: 'community', render: (_, c) => c.communityName ?? '—' },
    { title: t('component.grid'), key: 'grid', render: (_, c) => c.gridCode ?? '—' },
    {
      title: '',
      key: 'map',
      render: (_, c) => (
        <Link to={mapLinkOf(c)} data-testid={`component-map-${c.code}`}>
          {t('component.list.onMap')}
        </Link>
      ),
    },
  ];

  return (
    <PageSection title={t('nav.components')} testId="page-components">
      <PagedTable<Component, ComponentFilters>
        testId="components"
        fetchPage={fetchPage}
        filters={filters}
        columns={columns}
        rowKey={(c) => c.id}
        searchPlaceholder={t('component.list.search')}
        toolbar={
          <>
            <Input
              allowClear
              placeholder={t('component.list.filterClass')}
              value={classText}
              maxLength={5}
              style={{ width: 170 }}
              onChange={(e) => {
                const v = e.target.value.replace(/\D/g, '');
                setClassText(v);
                if (v.length === 5 || v.length === 0) setFilters((f) => ({ ...f, classCode: v || undefined }));
              }}
              data-testid="components-filter-class"
            />
            <Select<Component['state']>
              allowClear
              placeholder={t('component.list.filterState')}
              options={COMPONENT_STATES.map((s) => ({ value: s, label: t(`component.states.${s}`) }))}
              value={filters.state}
              onChange={(state) => setFilters((f) => ({ ...f, state }))}
              style={{ width: 120 }}
              data-testid="components-filter-state"
            />
          </>
        }
        exportPath="/api/components/export.xlsx"
      />
    </PageSection>
  );
}
