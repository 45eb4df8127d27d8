import type { ReactNode } from 'react';
import { Button, Flex, Pagination, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { decimalText } from '../../../../common/domain/number-format.ts';
import type { ComparedPair, KpiResult, KpiRow, KpiSortKey } from '../../../../common/contracts/kpi.ts';
import type { IndicatorKey } from '../../../../common/domain/kpi.ts';
import { useI18n } from '../../i18n/context.ts';
import { countersOf, formatIndicator, GRADE_TAG_COLOR, isRate, riseIsBad, SUBJECT_INDICATORS } from './kpi-columns.ts';
import { RowChanges } from './RowChanges.tsx';

export interface DrillTarget {
  row: KpiRow;
  indicator: IndicatorKey;
}

/** Server-side paging and sorting of the rows (the grids always come a page at a time). */
export interface KpiPaging {
  page: number;
  pageSize: number;
  sort?: KpiSortKey;
  order?: 'asc' | 'desc';
}

interface Props {
  result: KpiResult;
  loading?: boolean;
  onDrill: (target: DrillTarget) => void;
  /** given with a paged result: the table asks the server for another page or order instead of sorting itself */
  paging?: KpiPaging;
  onPaging?: (next: KpiPaging) => void;
  /** with a result asked for with compare=true: each figure shows its 环比 and 同比 under it (default on) */
  showChanges?: boolean;
}

const TOTAL_KEY = '__total__';

/**
 * Best first: by composite score, rows without data last (their order kept). The engine ranks only in the monthly
 * ranking; here a row it left unranked gets its place in this table (ties share a place).
 */
export function rankRows(rows: readonly KpiRow[]): KpiRow[] {
  const scored = rows.filter((r) => r.score !== null && !r.noData).sort((a, b) => (b.score ?? 0) - (a.score ?? 0));
  const ranked = scored.map((r, i) => {
    const prev = scored[i - 1];
    const place = prev && prev.score === r.score ? scored.findIndex((x) => x.score === r.score) + 1 : i + 1;
    return { ...r, rank: r.rank ?? place };
  });
  return [...ranked, ...rows.filter((r) => r.score === null || r.noData)];
}

/** Indicator table: one row per subject plus the total; composite score with grade; every figure opens its cases. */
export function KpiTable({ result, loading, onDrill, paging, onPaging, showChanges = true }: Props) {
  const { t } = useI18n();
  const serverPaged = result.paging !== undefined && paging !== undefined && onPaging !== undefined;
  const sortOrder = (key: string) =>
    serverPaged && (paging.sort ?? result.paging?.sort) === key
      ? (paging.order ?? (key === 'name' ? 'asc' : 'desc')) === 'asc'
        ? ('ascend' as const)
        : ('descend' as const)
      : null;
  const sortable = (key: string) =>
    serverPaged
      ? { sorter: true, sortOrder: sortOrder(key), sortDirections: ['descend' as const, 'ascend' as const] }
      : {};
  const subject = result.subject;
  const keys = SUBJECT_INDICATORS[subject] ?? [];

  const comparison = showChanges ? result.comparison : undefined;
  const pairOf = (row: KpiRow, total: boolean): ComparedPair | undefined =>
    total ? comparison?.total : comparison?.rows[row.id];
  /** the value with its 环比 / 同比 under it, when the answer carries a comparison */
  const withChanges = (
    value: ReactNode,
    testKey: string,
    key: IndicatorKey | 'score',
    current: number | null,
    pair: ComparedPair | undefined,
  ) => {
    if (!comparison || !pair) return value;
    const base = (which: 'previous' | 'lastYear') =>
      key === 'score' ? pair[which].score : (pair[which].indicators[key] ?? null);
    return (
      <Flex vertical align="flex-end" gap={2}>
        {value}
        <RowChanges
          current={current}
          previous={base('previous')}
          lastYear={base('lastYear')}
          ranges={comparison}
          mode={key === 'score' ? 'score' : isRate(key) ? 'rate' : 'count'}
          riseIsBad={key === 'score' ? false : riseIsBad(key, subject)}
          format={(v) => (key === 'score' ? (v === null ? '—' : decimalText(v)) : formatIndicator(key, v))}
          testId={`kpi-change-${testKey}-${key}`}
        />
      </Flex>
    );
  };

  const cell = (row: KpiRow, key: IndicatorKey, testKey: string, total: boolean) => {
    const v = row.indicators[key];
    return withChanges(valueCell(row, key, testKey), testKey, key, v?.value ?? null, pairOf(row, total));
  };

  const valueCell = (row: KpiRow, key: IndicatorKey, testKey: string) => {
    const v = row.indicators[key];
    const text = formatIndicator(key, v?.value ?? null);
    const drillable = countersOf(key).length > 0 && v !== undefined && (v.numerator > 0 || (v.denominator ?? 0) > 0);
    const tip = v && v.denominator !== null ? `${v.numerator} / ${v.denominator}` : undefined;
    if (!drillable) return <Typography.Text type={v?.value === null ? 'secondary' : undefined}>{text}</Typography.Text>;
    return (
      <Tooltip title={tip}>
        <Button
          type="link"
          size="small"
          style={{ padding: 0, height: 'auto' }}
          onClick={() => onDrill({ row, indicator: key })}
          data-testid={`kpi-cell-${testKey}-${key}`}
        >
          {text}
        </Button>
      </Tooltip>
    );
  };

  const columns: TableColumnsType<KpiRow> = [
    {
      title: t('kpiWeb.col.rank'),
      key: 'rank',
      width: 64,
      responsive: ['md'],
      render: (_, r) => (r.id === TOTAL_KEY ? '' : (r.rank ?? '—')),
    },
    {
      title: t('kpiWeb.col.name'),
      key: 'name',
      fixed: 'left',
      ...sortable('name'),
      render: (_, r) =>
        r.id === TOTAL_KEY ? (
          <strong>{t('kpiWeb.col.total')}</strong>
        ) : r.parentName ? (
          <Flex vertical>
            <span>{r.name}</span>
            <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid={`kpi-parent-${r.id}`}>
              {r.parentName}
            </Typography.Text>
          </Flex>
        ) : (
          r.name
        ),
    },
    ...keys.map((key) => ({
      title: t(`kpiWeb.indicator.${key}`),
      key,
      align: 'right' as const,
      ...sortable(key),
      render: (_: unknown, r: KpiRow) =>
        r.id === TOTAL_KEY ? cell(result.total, key, 'total', true) : cell(r, key, r.id || 'tenant', false),
    })),
    {
      title: t('kpiWeb.col.score'),
      key: 'score',
      align: 'right',
      ...sortable('score'),
      render: (_, r) => {
        const total = r.id === TOTAL_KEY;
        const value =
          r.noData || r.score === null ? (
            <Typography.Text type="secondary">{t('kpiWeb.noData')}</Typography.Text>
          ) : (
            decimalText(r.score)
          );
        const score = r.noData ? null : r.score;
        return withChanges(value, total ? 'total' : r.id || 'tenant', 'score', score, pairOf(r, total));
      },
    },
    {
      title: t('kpiWeb.col.grade'),
      key: 'grade',
      render: (_, r) =>
        r.grade ? (
          <Tag
            color={GRADE_TAG_COLOR[r.grade]}
            data-testid={`kpi-grade-${r.id === TOTAL_KEY ? 'total' : r.id || 'tenant'}`}
          >
            {r.grade}
          </Tag>
        ) : (
          '—'
        ),
    },
  ];

  // a server page comes sorted and ranked across every page: shown as it is
  const rows = [...(serverPaged ? result.rows : rankRows(result.rows)), { ...result.total, id: TOTAL_KEY }];
  const table = (
    <Table<KpiRow>
      data-testid="kpi-table"
      rowKey={(r) => r.id || r.name}
      columns={columns}
      dataSource={rows}
      loading={loading}
      pagination={false}
      size="middle"
      scroll={{ x: 'max-content' }}
      rowClassName={(r) => (r.id === TOTAL_KEY ? 'kpi-total-row' : '')}
      onChange={(_p, _f, sorter) => {
        if (!serverPaged) return;
        const one = Array.isArray(sorter) ? sorter[0] : sorter;
        const key = one?.order ? (String(one.columnKey) as KpiSortKey) : undefined;
        onPaging({
          ...paging,
          page: 1,
          sort: key,
          order: key ? (one?.order === 'ascend' ? 'asc' : 'desc') : undefined,
        });
      }}
    />
  );
  if (!serverPaged || !result.paging) return table;
  return (
    <Flex vertical gap={12}>
      {table}
      <Pagination
        align="end"
        current={result.paging.page}
        pageSize={result.paging.pageSize}
        total={result.paging.rowCount}
        showSizeChanger
        pageSizeOptions={[20, 50, 100, 200]}
        showTotal={(n) => t('kpiWeb.rowCount', { n })}
        onChange={(page, pageSize) => onPaging({ ...paging, page: pageSize === paging.pageSize ? page : 1, pageSize })}
        data-testid="kpi-pagination"
      />
    </Flex>
  );
}
