import { ExportButton } from '../../components/ExportButton.tsx';
import { useCallback, useState } from 'react';
import { Tag, type TableColumnsType } from 'antd';
import { PagedTable } from '../../components/PagedTable.tsx';
import type { FetchPage } from '../../components/usePagedQuery.ts';
import { useI18n } from '../../i18n/context.ts';
import { TownshipSelect } from '../illegal-construction/fields.tsx';
import { frApi, type Inspection } from './fr.api.ts';

interface Filters {
  regionId?: string;
}

/** A score's colour: the default red-list bar and black-list bar (docs/frontage.md). */
export const scoreColor = (score: number) => (score >= 90 ? 'green' : score < 60 ? 'red' : 'default');

/** Every inspection with its score, newest first; filter by street or township, search by shop. */
export function InspectionsTab() {
  const { t } = useI18n();
  const [filters, setFilters] = useState<Filters>({});
  const fetchPage = useCallback<FetchPage<Inspection, Filters>>((r, signal) => frApi.inspections(r, signal), []);
  const columns: TableColumnsType<Inspection> = [
    { title: t('frontage.field.inspectedOn'), key: 'inspectedOn', sorter: true, render: (_, i) => i.inspectedOn },
    { title: t('frontage.field.agreementNo'), key: 'agreementNo', render: (_, i) => i.agreementNo },
    { title: t('frontage.field.shopName'), key: 'shopName', render: (_, i) => i.shopName },
    { title: t('frontage.field.region'), key: 'region', render: (_, i) => i.regionName ?? '—' },
    {
      title: t('frontage.field.score'),
      key: 'score',
      sorter: true,
      align: 'right',
      render: (_, i) => <Tag color={scoreColor(i.score)}>{i.score}</Tag>,
    },
    { title: t('frontage.field.findings'), key: 'findings', render: (_, i) => i.findings ?? '—' },
    {
      title: t('frontage.field.rectifyBy'),
      key: 'rectifyBy',
      responsive: ['lg'],
      render: (_, i) => i.rectifyBy ?? '—',
    },
    {
      title: t('frontage.field.inspector'),
      key: 'inspector',
      responsive: ['lg'],
      render: (_, i) => i.inspectorName ?? '—',
    },
  ];
  return (
    <PagedTable<Inspection, Filters>
      testId="fr-inspections"
      fetchPage={fetchPage}
      filters={filters}
      columns={columns}
      rowKey={(i) => i.id}
      defaultSort={{ sort: 'inspectedOn', order: 'desc' }}
      searchPlaceholder={t('frontage.search.inspections')}
      exportPath="/api/exports/frontage-inspections.xlsx"
      actions={
        <ExportButton
          path="/api/exports/frontage-inspections.csv"
          query={filters}
          label="CSV"
          testId="fr-inspections-csv"
        />
      }
      toolbar={
        <TownshipSelect
          placeholder={t('frontage.filter.region')}
          value={filters.regionId}
          onChange={(v) => setFilters({ regionId: v ?? undefined })}
          allowClear
          testId="fr-inspections-filter-region"
        />
      }
    />
  );
}
