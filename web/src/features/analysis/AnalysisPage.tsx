import { Card, Col, Empty, Flex, Row, Statistic, Tabs, Typography } from 'antd';
import { HEADLINE_KEYS, type ComparedCount } from '../../../../common/contracts/analysis.ts';
import { decimalText } from '../../../../common/domain/number-format.ts';
import { useResource } from '../../api/use-resource.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { PageSection } from '../../components/PageSection.tsx';
import { useI18n } from '../../i18n/context.ts';
import { useAuth } from '../auth/context.ts';
import { PeriodPicker } from '../kpi/PeriodPicker.tsx';
import { useKpiParams } from '../kpi/useKpiParams.ts';
import { analysisApi, type AnalysisOverview } from './analysis.api.ts';
import { ChangeMark } from './ChangeMark.tsx';
import { GovernancePanel } from './GovernancePanel.tsx';
import { HeatmapPanel } from './HeatmapPanel.tsx';
import { HourBars, TopTable } from './TopTables.tsx';

const RATES = new Set(['closeRate', 'onTimeCloseRate']);
const RISE_IS_BAD = new Set(['reported', 'filed', 'publicReported']);

function Headline({ data }: { data: AnalysisOverview }) {
  const { t } = useI18n();
  return (
    <Row gutter={[12, 12]} data-testid="analysis-headline">
      {HEADLINE_KEYS.map((key) => {
        const c = data.headline[key] as ComparedCount;
        const rate = RATES.has(key);
        return (
          <Col key={key} xs={12} md={8} xl={4}>
            <Card size="small">
              <Statistic
                title={t(`analysis.headline.${key}`)}
                value={c.value === null ? t('analysis.compare.none') : rate ? `${decimalText(c.value)}%` : c.value}
              />
              <Flex vertical>
                {(['previous', 'lastYear'] as const).map((label) => (
                  <ChangeMark
                    key={label}
                    label={label}
                    current={c.value}
                    base={c[label]}
                    rate={rate}
                    riseIsBad={RISE_IS_BAD.has(key)}
                    testId={`change-${key}-${label}`}
                  />
                ))}
              </Flex>
            </Card>
          </Col>
        );
      })}
    </Row>
  );
}

/** 综合分析: what keeps coming back, where and when, compared with the previous period and last year. */
export function AnalysisPage() {
  const { t } = useI18n();
  const auth = useAuth();
  const { choice, period, setChoice } = useKpiParams('tenant');
  const periodKey = JSON.stringify(period);
  const { data, loading, error, reload } = useResource<AnalysisOverview>(
    period ? (signal) => analysisApi.overview({ ...period, top: 10 }, signal) : null,
    [periodKey],
  );
  const empty = data ? data.headline.reported?.value === 0 : false;
  const range = (r: { from: string; to: string }) => `${r.from} ~ ${r.to}`;
  return (
    <PageSection title={t('analysis.title')} testId="page-analysis">
      <Flex vertical gap={12}>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {t('analysis.intro')}
        </Typography.Paragraph>
        <PeriodPicker value={choice} onChange={setChoice} testId="analysis-period" />
        {data ? (
          <Typography.Text type="secondary" data-testid="analysis-ranges">
            {t('analysis.compare.ranges', {
              current: range(data.current),
              previous: range(data.previous),
              lastYear: range(data.lastYear),
            })}
          </Typography.Text>
        ) : null}
        {error ? <LoadError error={error} onRetry={reload} testId="analysis" /> : null}
        {data ? <Headline data={data} /> : null}
        <Tabs
          destroyOnHidden
          items={[
            {
              key: 'top',
              label: t('analysis.tabs.top'),
              children:
                data && !empty ? (
                  <Row gutter={[16, 16]}>
                    <Col xs={24} xl={12}>
                      <TopTable
                        title={t('analysis.top.matters')}
                        items={data.topMatters}
                        loading={loading}
                        testId="top-matters"
                      />
                    </Col>
                    <Col xs={24} xl={12}>
                      <TopTable
                        title={t('analysis.top.streets')}
                        items={data.topStreets}
                        loading={loading}
                        testId="top-streets"
                      />
                    </Col>
                  </Row>
                ) : (
                  <Empty description={t('analysis.empty')} data-testid="analysis-empty" />
                ),
            },
            {
              key: 'hours',
              label: t('analysis.tabs.hours'),
              children: data && !empty ? <HourBars hours={data.hours} /> : <Empty description={t('analysis.empty')} />,
            },
            {
              key: 'components',
              label: t('analysis.tabs.components'),
              children:
                data && data.componentTypes.length ? (
                  <TopTable items={data.componentTypes} loading={loading} testId="top-components" />
                ) : (
                  <Empty description={t('analysis.emptyComponents')} />
                ),
            },
            { key: 'heatmap', label: t('analysis.tabs.heatmap'), children: <HeatmapPanel /> },
            {
              key: 'tasks',
              label: t('analysis.tabs.tasks'),
              children: (
                <GovernancePanel canManage={auth.can('governance.manage')} canListUsers={auth.can('user.read')} />
              ),
            },
          ]}
        />
      </Flex>
    </PageSection>
  );
}
