import { useState } from 'react';
import {
  Card,
  Col,
  DatePicker,
  Empty,
  Flex,
  Row,
  Segmented,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import { FlagFilled } from '@ant-design/icons';
import { decimalText } from '../../../../common/domain/number-format.ts';
import type { KpiRow, Ranking } from '../../../../common/contracts/kpi.ts';
import { dayjs, type Dayjs } from '../../components/dates.ts';
import { ExportButton } from '../../components/ExportButton.tsx';
import { PageSection } from '../../components/PageSection.tsx';
import { useResource } from '../../api/use-resource.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { useI18n } from '../../i18n/context.ts';
import { formatIndicator, GRADE_TAG_COLOR } from './kpi-columns.ts';
import { KPI_URL, kpiApi } from './kpi.api.ts';
import { CaseListCard } from './CaseListCard.tsx';

type RankSubject = 'unit' | 'street';

/** 排行榜: monthly ranking of units or streets, 流动红旗, the bottom list, overdue and 督办 lists; all exportable. */
export function RankingsPage() {
  const { t } = useI18n();
  const [month, setMonth] = useState<Dayjs>(() => dayjs().startOf('month'));
  const [subject, setSubject] = useState<RankSubject>('unit');
  const monthText = month.format('YYYY-MM');
  const {
    data: ranking,
    loading,
    error,
    reload,
  } = useResource<Ranking>((signal) => kpiApi.rankings({ month: monthText, subject }, signal), [monthText, subject]);

  const closeKey = subject === 'unit' ? 'onTimeHandleRate' : 'onTimeCloseRate';
  const bottomIds = new Set((ranking?.bottom ?? []).map((r) => r.id));
  const flagIds = new Set((ranking?.redFlags ?? []).map((r) => r.id));
  const columns: TableColumnsType<KpiRow> = [
    { title: t('kpiWeb.col.rank'), key: 'rank', width: 64, render: (_, r) => r.rank ?? '—' },
    {
      title: t('kpiWeb.col.name'),
      key: 'name',
      render: (_, r) => (
        <Flex gap={6} align="center">
          {flagIds.has(r.id) ? (
            <FlagFilled style={{ color: '#cf1322' }} aria-label={t('kpiWeb.rankings.redFlag')} />
          ) : null}
          <span>{r.name}</span>
          {bottomIds.has(r.id) ? <Tag color="default">{t('kpiWeb.rankings.bottom')}</Tag> : null}
        </Flex>
      ),
    },
    { title: t('kpiWeb.indicator.filed'), key: 'filed', align: 'right', render: (_, r) => r.counts.filed ?? 0 },
    {
      title: t('kpiWeb.indicator.closeRate'),
      key: 'closeRate',
      align: 'right',
      render: (_, r) => formatIndicator('closeRate', r.indicators.closeRate?.value ?? null),
    },
    {
      title: t(`kpiWeb.indicator.${closeKey}`),
      key: closeKey,
      align: 'right',
      render: (_, r) => formatIndicator(closeKey, r.indicators[closeKey]?.value ?? null),
    },
    {
      title: t('kpiWeb.indicator.reworkRate'),
      key: 'reworkRate',
      align: 'right',
      responsive: ['md'],
      render: (_, r) => formatIndicator('reworkRate', r.indicators.reworkRate?.value ?? null),
    },
    {
      title: t('kpiWeb.col.score'),
      key: 'score',
      align: 'right',
      render: (_, r) =>
        r.score === null ? (
          <Typography.Text type="secondary">{t('kpiWeb.noData')}</Typography.Text>
        ) : (
          decimalText(r.score)
        ),
    },
    {
      title: t('kpiWeb.col.grade'),
      key: 'grade',
      render: (_, r) => (r.grade ? <Tag color={GRADE_TAG_COLOR[r.grade]}>{r.grade}</Tag> : '—'),
    },
  ];

  const flags = ranking?.redFlags ?? [];
  const flag = flags[0] ?? null;
  const rules = ranking?.rules;
  return (
    <PageSection title={t('kpiWeb.rankings.title')} testId="page-rankings">
      <Flex vertical gap={16}>
        <Flex gap={12} wrap align="center">
          <DatePicker
            picker="month"
            value={month}
            allowClear={false}
            disabledDate={(d) => d.isAfter(dayjs().endOf('month'))}
            onChange={(d) => d && setMonth(d.startOf('month'))}
            aria-label={t('kpiWeb.rankings.month')}
            data-testid="rankings-month"
          />
          <Segmented<RankSubject>
            value={subject}
            onChange={setSubject}
            options={(['unit', 'street'] as const).map((s) => ({ value: s, label: t(`kpiWeb.rankings.subject.${s}`) }))}
            data-testid="rankings-subject"
          />
          <ExportButton
            path={KPI_URL.rankingsXlsx}
            query={{ month: monthText, subject }}
            testId="rankings-export"
            label={t('kpiWeb.rankings.export')}
          />
        </Flex>
        {rules ? (
          <Typography.Text type="secondary" data-testid="rankings-rules">
            {t('kpiWeb.rankings.rules', {
              minCases: rules.minCases,
              flagMinScore: decimalText(rules.flagMinScore),
              topTie: t(`kpiWeb.rankings.topTie.${rules.topTie}`),
              bottomCount: rules.bottomCount,
            })}
          </Typography.Text>
        ) : null}
        {error ? <LoadError error={error} onRetry={reload} testId="rankings" /> : null}
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={8}>
            <Card
              size="small"
              data-testid="rankings-red-flag"
              style={{
                background: flag ? 'linear-gradient(135deg, #fff1f0, #ffccc7)' : undefined,
                borderColor: flag ? '#ff7875' : undefined,
                height: '100%',
              }}
            >
              <Flex gap={16} align="center">
                <FlagFilled style={{ fontSize: 44, color: flag ? '#cf1322' : '#d9d9d9' }} />
                <Flex vertical>
                  <Typography.Text type="secondary">
                    {t('kpiWeb.rankings.redFlag')} · {monthText}
                  </Typography.Text>
                  {flag ? (
                    <>
                      <Typography.Title level={3} style={{ margin: 0 }} data-testid="rankings-red-flag-name">
                        {flags.map((f) => f.name).join('、')}
                      </Typography.Title>
                      <Typography.Text>
                        {t('kpiWeb.col.score')}{' '}
                        {flag.score === null || flag.score === undefined ? '—' : decimalText(flag.score)} · {flag.grade}
                      </Typography.Text>
                    </>
                  ) : (
                    <Typography.Text>{t('kpiWeb.rankings.redFlagNone')}</Typography.Text>
                  )}
                </Flex>
              </Flex>
            </Card>
          </Col>
          <Col xs={24} lg={16}>
            <Card
              size="small"
              title={t('kpiWeb.rankings.bottom')}
              data-testid="rankings-bottom"
              style={{ height: '100%' }}
            >
              {ranking && ranking.bottom.length ? (
                <Flex gap={8} wrap>
                  {ranking.bottom.map((r) => (
                    <Tag key={r.id} color="default" style={{ fontSize: 14, padding: '4px 10px' }}>
                      {r.rank}. {r.name} · {r.score === null || r.score === undefined ? '—' : decimalText(r.score)}{' '}
                      {r.grade ?? ''}
                    </Tag>
                  ))}
                </Flex>
              ) : (
                <Typography.Text type="secondary">{t('kpiWeb.rankings.bottomNone')}</Typography.Text>
              )}
            </Card>
          </Col>
        </Row>
        <Card size="small" title={`${t('kpiWeb.rankings.ranking')} · ${ranking?.period.label ?? monthText}`}>
          {ranking && ranking.rows.length === 0 && ranking.unranked.length === 0 && !loading ? (
            <Empty description={t('kpiWeb.noDataHint')} />
          ) : (
            <Table<KpiRow>
              data-testid="rankings-table"
              rowKey={(r) => r.id}
              size="middle"
              columns={columns}
              dataSource={ranking?.rows ?? []}
              loading={loading}
              pagination={false}
              scroll={{ x: 'max-content' }}
              onRow={(r) => (flagIds.has(r.id) ? { style: { background: '#fff1f0' } } : {})}
            />
          )}
          {ranking && ranking.unranked.length ? (
            <Flex gap={8} wrap align="center" style={{ marginTop: 12 }} data-testid="rankings-unranked">
              <Typography.Text type="secondary">{t('kpiWeb.rankings.unranked')}:</Typography.Text>
              {ranking.unranked.map((r) => (
                <Tag key={r.id} color="default">
                  {r.name} · {t('kpiWeb.rankings.unrankedCases', { n: r.counts.filed ?? 0 })}
                </Tag>
              ))}
            </Flex>
          ) : null}
        </Card>
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={12}>
            <CaseListCard kind="overdue" />
          </Col>
          <Col xs={24} xl={12}>
            <CaseListCard kind="escalated" />
          </Col>
        </Row>
      </Flex>
    </PageSection>
  );
}
