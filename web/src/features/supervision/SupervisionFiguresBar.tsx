import { Card, Col, Row, Statistic } from 'antd';
import { useResource } from '../../api/use-resource.ts';
import { useI18n } from '../../i18n/context.ts';
import { supervisionApi } from './supervision.api.ts';

/** 督办数 and 按期回复率 of the period, above the list. */
export function SupervisionFiguresBar({ from, to }: { from: string; to: string }) {
  const { t } = useI18n();
  const { data } = useResource((signal) => supervisionApi.figures(from, to, signal), [from, to]);
  const rate = data?.onTimeRate;
  return (
    <Row gutter={[12, 12]} data-testid="supervision-figures">
      <Col xs={12} md={6}>
        <Card size="small">
          <Statistic title={t('supervision.figures.issued')} value={data?.issued ?? '—'} />
        </Card>
      </Col>
      <Col xs={12} md={6}>
        <Card size="small">
          <Statistic
            title={t('supervision.figures.onTimeRate')}
            value={rate === null || rate === undefined ? t('supervision.figures.none') : (rate * 100).toFixed(1)}
            suffix={rate === null || rate === undefined ? undefined : '%'}
          />
          {data ? (
            <span style={{ fontSize: 12, color: '#888' }}>
              {t('supervision.figures.onTimeOf', { onTime: data.onTime, decided: data.decided })}
            </span>
          ) : null}
        </Card>
      </Col>
      <Col xs={12} md={6}>
        <Card size="small">
          <Statistic title={t('supervision.figures.open')} value={data?.open ?? '—'} />
        </Card>
      </Col>
      <Col xs={12} md={6}>
        <Card size="small">
          <Statistic title={t('supervision.figures.escalated')} value={data?.escalated ?? '—'} />
        </Card>
      </Col>
    </Row>
  );
}
