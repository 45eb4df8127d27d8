import { Card, Col, Empty, Flex, Row, Statistic, Tag, Typography } from 'antd';
import { decimalText, percentText } from '../../../../common/domain/number-format.ts';
import { useResource } from '../../api/use-resource.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { PageSection } from '../../components/PageSection.tsx';
import { useI18n } from '../../i18n/context.ts';
import { GRADE_TAG_COLOR } from '../kpi/kpi-columns.ts';
import { PeriodPicker } from '../kpi/PeriodPicker.tsx';
import { useKpiParams } from '../kpi/useKpiParams.ts';
import { CountyRanking } from './CountyRanking.tsx';
import { prefectureApi, type PrefectureKpi, type PrefectureRanking, type PrefectureTrend } from './prefecture.api.ts';
import { PrefectureTrend as TrendChart } from './PrefectureTrend.tsx';

/**
 * 地级市 view (docs/prefecture.md): the whole prefecture's KPI, the ranking of its counties and the monthly trend,
 * all computed on the server from the counties' roll-ups. Nothing here opens a case: there is no drill-down.
 */
export function PrefecturePage() {
  const { t } = useI18n();
  const { choice, period, setChoice } = useKpiParams('tenant');
  const key = JSON.stringify(period);
  const kpi = useResource<PrefectureKpi>(period ? (signal) => prefectureApi.kpi(period, signal) : null, [key]);
  const ranking = useResource<PrefectureRanking>(period ? (signal) => prefectureApi.ranking(period, signal) : null, [
    key,
  ]);
  const trend = useResource<PrefectureTrend>((signal) => prefectureApi.trend({ months: 12 }, signal), []);
  const data = kpi.data;
  const total = data?.total;
  const rate = (k: 'closeRate' | 'onTimeCloseRate') => {
    const v = total?.indicators[k]?.value;
    return v === null || v === undefined ? '—' : percentText(v);
  };
  const cards: { key: string; title: string; value: string; extra?: React.ReactNode }[] = [
    {
      key: 'score',
      title: t('prefecture.cards.score'),
      value: total && !total.noData && total.score !== null ? decimalText(total.score) : '—',
      extra: total?.grade ? <Tag color={GRADE_TAG_COLOR[total.grade]}>{total.grade}</Tag> : null,
    },
    { key: 'counties', title: t('prefecture.cards.counties'), value: String(data?.counties.length ?? '—') },
    { key: 'reports', title: t('prefecture.cards.reports'), value: String(total?.counts.reported ?? '—') },
    { key: 'filed', title: t('prefecture.cards.filed'), value: String(total?.counts.filed ?? '—') },
    { key: 'closeRate', title: t('prefecture.cards.closeRate'), value: rate('closeRate') },
    { key: 'onTimeCloseRate', title: t('prefecture.cards.onTimeCloseRate'), value: rate('onTimeCloseRate') },
  ];
  const noCounties = data !== null && data.counties.length === 0;

  return (
    <PageSection
      title={data ? t('prefecture.title', { name: data.prefecture.name }) : t('prefecture.nav')}
      testId="page-prefecture"
    >
      <Flex vertical gap={12}>
        <Flex gap={12} wrap align="center">
          <PeriodPicker value={choice} onChange={setChoice} testId="prefecture-period" />
          {data ? (
            <Typography.Text type="secondary">
              {data.period.from} ~ {data.period.to}
            </Typography.Text>
          ) : null}
        </Flex>
        <Typography.Text type="secondary">{t('prefecture.hint')}</Typography.Text>
        {kpi.error ? <LoadError error={kpi.error} onRetry={kpi.reload} testId="prefecture" /> : null}
        {noCounties ? (
          <Empty description={t('prefecture.empty')} data-testid="prefecture-empty">
            <Typography.Text type="secondary">{t('prefecture.emptyHint')}</Typography.Text>
          </Empty>
        ) : (
          <>
            <Row gutter={[12, 12]}>
              {cards.map((c) => (
                <Col key={c.key} xs={12} sm={8} lg={4}>
                  <Card size="small" data-testid={`prefecture-card-${c.key}`}>
                    <Statistic title={c.title} value={c.value} suffix={c.extra} />
                  </Card>
                </Col>
              ))}
            </Row>
            <Card size="small" title={t('prefecture.ranking.title')}>
              {ranking.error ? <LoadError error={ranking.error} onRetry={ranking.reload} /> : null}
              <CountyRanking rows={ranking.data?.rows ?? []} loading={ranking.loading} />
            </Card>
            <Card size="small" title={t('prefecture.trend.title')}>
              {trend.error ? <LoadError error={trend.error} onRetry={trend.reload} /> : null}
              {trend.data ? <TrendChart months={trend.data.months} /> : null}
            </Card>
          </>
        )}
      </Flex>
    </PageSection>
  );
}
