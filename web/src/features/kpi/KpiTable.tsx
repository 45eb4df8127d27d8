import { Button, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { decimalText } from '../../../../common/domain/number-format.ts';
import type { KpiResult, KpiRow } from '../../../../common/contracts/kpi.ts';
import type { IndicatorKey } from '../../../../common/domain/kpi.ts';
import { useI18n } from '../../i18n/context.ts';
import { countersOf, formatIndicator, GRADE_TAG_COLOR, SUBJECT_INDICATORS } from './kpi-columns.ts';

export interface DrillTarget {
  row: KpiRow;
  indicator: IndicatorKey;
}

interface Props {
  result: KpiResult;
  loading?: boolean;
  onDrill: (target: DrillTarget) => void;
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
export function KpiTable({ result, loading, onDrill }: Props) {
  const { t } = useI18n();
  const subject = result.subject;
  const keys = SUBJECT_INDICATORS[subject] ?? [];

  const cell = (row: KpiRow, key: IndicatorKey, testKey: string) => {
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
      render: (_, r) => (r.id === TOTAL_KEY ? <strong>{t('kpiWeb.col.total')}</strong> : r.name),
    },
    ...keys.map((key) => ({
      title: t(`kpiWeb.indicator.${key}`),
      key,
      align: 'right' as const,
      render: (_: unknown, r: KpiRow) =>
        r.id === TOTAL_KEY ? cell(result.total, key, 'total') : cell(r, key, r.id || 'tenant'),
    })),
    {
      title: t('kpiWeb.col.score'),
      key: 'score',
      align: 'right',
      render: (_, r) =>
        r.noData || r.score === null ? (
          <Typography.Text type="secondary">{t('kpiWeb.noData')}</Typography.Text>
        ) : (
          decimalText(r.score)
        ),
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

  const rows = [...rankRows(result.rows), { ...result.total, id: TOTAL_KEY }];
  return (
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
    />
  );
}
