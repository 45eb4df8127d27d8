import { Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { KpiRow } from '../../../../common/contracts/kpi.ts';
import type { IndicatorKey } from '../../../../common/domain/kpi.ts';
import { decimalText } from '../../../../common/domain/number-format.ts';
import { useI18n } from '../../i18n/context.ts';
import { formatIndicator, GRADE_TAG_COLOR } from '../kpi/kpi-columns.ts';

/** The indicators of a county's own KPI page (the tenant row), in the ranking's columns. */
export const COUNTY_INDICATORS: readonly IndicatorKey[] = [
  'reports',
  'filed',
  'closeRate',
  'onTimeCloseRate',
  'reworkRate',
  'overdueCount',
];

const valueOf = (r: KpiRow, key: IndicatorKey) => r.indicators[key]?.value ?? null;
/** rows without a value sort last in either order */
const byNumber = (a: number | null, b: number | null) =>
  a === null && b === null ? 0 : a === null ? -1 : b === null ? 1 : a - b;

/** 县（市、区）排名: ranked by composite score on the server; any column sorts here (a province has ~100 counties). */
export function CountyRanking({ rows, loading }: { rows: KpiRow[]; loading: boolean }) {
  const { t } = useI18n();
  const columns: ColumnsType<KpiRow> = [
    {
      title: t('kpiWeb.col.rank'),
      key: 'rank',
      width: 64,
      render: (_, r) => r.rank ?? '—',
      sorter: (a, b) => byNumber(a.rank, b.rank),
    },
    {
      title: t('prefecture.ranking.county'),
      key: 'name',
      fixed: 'left',
      render: (_, r) => (
        <span data-testid={`prefecture-county-${r.id}`}>
          {r.name}
          <Typography.Text type="secondary" style={{ marginLeft: 6, fontSize: 12 }}>
            {r.id}
          </Typography.Text>
          {r.noData ? (
            <Tag style={{ marginLeft: 6 }} data-testid={`prefecture-nodata-${r.id}`}>
              {t('prefecture.ranking.noData')}
            </Tag>
          ) : null}
        </span>
      ),
      sorter: (a, b) => a.name.localeCompare(b.name, 'zh-CN'),
    },
    {
      title: t('kpiWeb.col.score'),
      key: 'score',
      render: (_, r) => (r.score === null ? '—' : decimalText(r.score)),
      sorter: (a, b) => byNumber(a.score, b.score),
    },
    {
      title: t('kpiWeb.col.grade'),
      key: 'grade',
      render: (_, r) => (r.grade ? <Tag color={GRADE_TAG_COLOR[r.grade]}>{r.grade}</Tag> : '—'),
    },
    ...COUNTY_INDICATORS.map((key) => ({
      title: t(`kpi.indicators.${key}`),
      key,
      align: 'right' as const,
      render: (_: unknown, r: KpiRow) => formatIndicator(key, valueOf(r, key)),
      sorter: (a: KpiRow, b: KpiRow) => byNumber(valueOf(a, key), valueOf(b, key)),
    })),
  ];
  return (
    <Table<KpiRow>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={rows}
      loading={loading}
      pagination={false}
      scroll={{ x: 'max-content' }}
      data-testid="prefecture-ranking"
    />
  );
}
