import { Card, Empty, Flex, List, Tag, Typography } from 'antd';
import type { LineSummary } from '../../../../common/contracts/lines.ts';
import { decimalText } from '../../../../common/domain/number-format.ts';
import { formatInstant } from '../../components/format.ts';
import { useI18n } from '../../i18n/context.ts';
import { useLinesSetting } from './useLines.ts';

type Flood = NonNullable<LineSummary['flood']>;

/** Whether a point's water stands at or above its alert depth. */
export const overAlert = (p: Flood['points'][number]) =>
  p.waterCm !== null && p.thresholdCm !== null && p.waterCm >= p.thresholdCm;

/** The 排水 line's flood panel (docs/lines.md): the season, today's duty and the water at each 易涝点. */
export function FloodPanel({ flood }: { flood: Flood }) {
  const { t } = useI18n();
  const season = useLinesSetting()?.floodSeason;
  const range = { from: season?.from ?? '—', to: season?.to ?? '—' };
  return (
    <Card
      size="small"
      title={t('lineViews.flood.title')}
      extra={
        <Tag color={flood.season ? 'red' : 'default'} data-testid="flood-season">
          {flood.season ? t('lineViews.flood.inSeason', range) : t('lineViews.flood.outSeason', range)}
        </Tag>
      }
      data-testid="flood-panel"
    >
      <Flex vertical gap={8}>
        <div data-testid="flood-today">
          <Typography.Text strong>{t('lineViews.flood.todayDuty')}：</Typography.Text>
          {flood.today ? (
            <span>
              {t('lineViews.flood.leader')} {flood.today.leader}
              {flood.today.staff.length ? ` · ${flood.today.staff.join('、')}` : ''}
              {flood.today.phone ? ` · ☎ ${flood.today.phone}` : ''}
            </span>
          ) : (
            <Typography.Text type="secondary">{t('lineViews.flood.noDuty')}</Typography.Text>
          )}
        </div>
        <Typography.Text strong>{t('lineViews.flood.points')}</Typography.Text>
        {flood.points.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
        ) : (
          <List
            size="small"
            dataSource={flood.points}
            renderItem={(p) => (
              <List.Item key={p.id} data-testid="flood-point">
                <span>{p.name}</span>
                {p.waterCm === null ? (
                  <Typography.Text type="secondary">{t('lineViews.noSensor')}</Typography.Text>
                ) : (
                  <span>
                    <Tag color={overAlert(p) ? 'red' : 'blue'}>
                      {decimalText(p.waterCm)} / {p.thresholdCm ?? '—'} cm
                    </Tag>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {formatInstant(p.readAt)}
                    </Typography.Text>
                  </span>
                )}
              </List.Item>
            )}
          />
        )}
      </Flex>
    </Card>
  );
}
