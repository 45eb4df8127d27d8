import { useCallback } from 'react';
import { Button, Progress, Select, Space, Typography, type TableColumnsType } from 'antd';
import { TARGET_STATUSES, type TargetStatus } from '../../../../common/domain/targets.ts';
import { ExportButton } from '../../components/ExportButton.tsx';
import { ListPage } from '../../components/ListPage.tsx';
import { useCrudList } from '../../components/useCrudList.ts';
import type { FetchPage } from '../../components/usePagedQuery.ts';
import { useI18n } from '../../i18n/context.ts';
import { useAuth } from '../auth/context.ts';
import { UnitSelect } from '../org/OrgSelects.tsx';
import { StatusTag, useMeasureText, useTargetText, useTargetTitle } from './target-format.tsx';
import { TargetForm } from './TargetForm.tsx';
import { targetsApi, type TargetView } from './targets.api.ts';

export interface TargetFilters {
  year?: number;
  unitId?: string;
  status?: TargetStatus;
}

/** The targets of a year: filters (unit, status), search, sort, paging, progress and status; a row opens beside. */
export function TargetList(props: {
  year: number;
  onOpen: (id: string) => void;
  onChanged: () => void;
  reloadKey: number;
}) {
  const { t } = useI18n();
  const titleOf = useTargetTitle();
  const list = useCrudList<TargetView, TargetFilters>({ filters: { year: props.year }, onChanged: props.onChanged });
  const canEdit = useAuth().can('targets.edit');
  const measure = useMeasureText();
  const targetText = useTargetText();
  const filters = { ...list.filters, year: props.year };
  const fetchPage = useCallback<FetchPage<TargetView, TargetFilters>>(
    (r, signal) => targetsApi.list({ ...r, year: props.year }, signal),
    // a change made in the drawer or another year shows here too
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [props.reloadKey, props.year],
  );
  const columns: TableColumnsType<TargetView> = [
    { title: t('targets.col.code'), key: 'code', sorter: true, width: 80, render: (_, r) => r.code },
    {
      title: t('targets.col.title'),
      key: 'title',
      sorter: true,
      render: (_, r) => (
        <Button
          type="link"
          style={{ padding: 0, whiteSpace: 'normal', textAlign: 'left', height: 'auto' }}
          onClick={() => props.onOpen(r.id)}
        >
          {titleOf(r)}
        </Button>
      ),
    },
    { title: t('targets.col.unit'), key: 'unit', responsive: ['lg'], render: (_, r) => r.unitName },
    {
      title: t('targets.col.measure'),
      key: 'measure',
      responsive: ['xxl'],
      render: (_, r) => r.figureLabel ?? t('targets.kind.manual'),
    },
    { title: t('targets.col.target'), key: 'target', render: (_, r) => targetText(r) },
    { title: t('targets.col.dueOn'), key: 'dueOn', sorter: true, responsive: ['xl'], render: (_, r) => r.dueOn },
    { title: t('targets.col.value'), key: 'value', align: 'right', render: (_, r) => measure(r, r.value) },
    {
      title: t('targets.col.share'),
      key: 'share',
      sorter: true,
      width: 170,
      render: (_, r) => (
        <Progress
          percent={Math.min(100, r.share ?? 0)}
          format={() => (r.share === null ? '—' : `${r.share}%`)}
          size="small"
          status={r.status === 'missed' ? 'exception' : r.status === 'done' ? 'success' : 'normal'}
        />
      ),
    },
    { title: t('targets.col.status'), key: 'status', sorter: true, render: (_, r) => <StatusTag status={r.status} /> },
    ...(canEdit
      ? [
          {
            title: t('targets.col.actions'),
            key: 'actions',
            render: (_: unknown, r: TargetView) => (
              <Button size="small" type="link" onClick={() => list.edit(r)} data-testid={`target-edit-${r.code}`}>
                {t('targets.edit')}
              </Button>
            ),
          },
        ]
      : []),
  ];
  return (
    <ListPage<TargetView, TargetFilters>
      list={{ ...list, filters }}
      testId="targets"
      fetchPage={fetchPage}
      columns={columns}
      rowKey={(r) => r.id}
      defaultSort={{ sort: 'code', order: 'asc' }}
      searchPlaceholder={t('targets.filter.search')}
      toolbar={
        <Space wrap>
          <UnitSelect
            value={list.filters.unitId ?? null}
            onChange={(v) => list.setFilter('unitId', v ?? undefined)}
            placeholder={t('targets.filter.unit')}
            allowClear
            data-testid="targets-unit"
            style={{ minWidth: 160 }}
          />
          <Select
            allowClear
            placeholder={t('targets.filter.status')}
            value={list.filters.status}
            onChange={(v: TargetStatus | undefined) => list.setFilter('status', v)}
            options={TARGET_STATUSES.map((s) => ({ value: s, label: t(`targets.status.${s}`) }))}
            style={{ minWidth: 110 }}
            data-testid="targets-status"
          />
        </Space>
      }
      exportPath="/api/exports/targets.xlsx"
      actions={<ExportButton path="/api/exports/targets.csv" query={filters} label="CSV" />}
      createLabel={canEdit ? t('targets.create') : undefined}
      renderCard={(r) => (
        <div onClick={() => props.onOpen(r.id)} role="button" tabIndex={0}>
          <Space style={{ justifyContent: 'space-between', width: '100%' }}>
            <strong>
              {r.code} {titleOf(r)}
            </strong>
            <StatusTag status={r.status} />
          </Space>
          <Typography.Text type="secondary">
            {r.unitName} · {targetText(r)} · {r.dueOn}
          </Typography.Text>
          <Progress percent={Math.min(100, r.share ?? 0)} size="small" />
        </div>
      )}
    >
      <TargetForm
        open={list.target !== null}
        target={list.target === 'new' ? null : list.target}
        year={props.year}
        onClose={list.close}
        onSaved={() => list.saved(t('targets.saved'))}
      />
    </ListPage>
  );
}
