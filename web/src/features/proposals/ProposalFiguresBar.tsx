import { Card, Col, Row, Statistic, Typography } from 'antd';
import { useResource } from '../../api/use-resource.ts';
import { useI18n } from '../../i18n/context.ts';
import { proposalsApi } from './proposals.api.ts';

const rate = (v: number | null | undefined) => (v === null || v === undefined ? null : Number(v.toFixed(1)));

/** The year's counts by body (主办 among them), 办结率, 满意率 and the unit tasks past their last day. */
export function ProposalFiguresBar({ year }: { year: number }) {
  const { t } = useI18n();
  const { data } = useResource((signal) => proposalsApi.figures(`${year}-01-01`, `${year}-12-31`, signal), [year]);
  const sub = (text: string) => (
    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
      {text}
    </Typography.Text>
  );
  const close = rate(data?.closeRate);
  const satisfaction = rate(data?.satisfactionRate);
  return (
    <Row gutter={[12, 12]} data-testid="proposals-figures">
      {(['npc', 'cppcc'] as const).map((body) => (
        <Col key={body} xs={12} md={8} xl={4}>
          <Card size="small">
            <Statistic title={t(`proposals.body.${body}`)} value={data?.[body].total ?? '—'} />
            {data ? sub(t('proposals.figures.leadOf', { lead: data[body].lead })) : null}
          </Card>
        </Col>
      ))}
      <Col xs={12} md={8} xl={5}>
        <Card size="small">
          <Statistic
            title={t('proposals.figures.closeRate')}
            value={close ?? t('proposals.figures.none')}
            suffix={close === null ? undefined : '%'}
          />
          {data ? sub(t('proposals.figures.repliedOf', { replied: data.replied, total: data.total })) : null}
        </Card>
      </Col>
      <Col xs={12} md={8} xl={6}>
        <Card size="small">
          <Statistic
            title={t('proposals.figures.satisfactionRate')}
            value={satisfaction ?? t('proposals.figures.none')}
            suffix={satisfaction === null ? undefined : '%'}
          />
          {data
            ? sub(t('proposals.figures.ratedOf', { good: data.satisfied + data.basically, rated: data.rated }))
            : null}
        </Card>
      </Col>
      <Col xs={12} md={8} xl={5}>
        <Card size="small">
          <Statistic
            title={t('proposals.figures.overdueTasks')}
            value={data?.overdueTasks ?? '—'}
            valueStyle={data?.overdueTasks ? { color: '#cf1322' } : undefined}
          />
        </Card>
      </Col>
    </Row>
  );
}
