import { useState } from 'react';
import { Card, Col, DatePicker, Empty, Row, Space, Statistic, Table } from 'antd';
import dayjs from 'dayjs';
import { useResource } from '../../api/use-resource.ts';
import { DATE_FORMAT } from '../../components/dates.ts';
import { cityToday } from '../../components/format.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { useI18n } from '../../i18n/context.ts';
import { frApi, type Figures } from './fr.api.ts';

/** The line's figures for a period (this year by default): the same numbers as the report's sentence. */
export function FiguresTab() {
  const { t } = useI18n();
  const today = cityToday();
  const [range, setRange] = useState<[string, string]>([`${today.slice(0, 4)}-01-01`, today]);
  const { data, error, reload } = useResource((signal) => frApi.figures(range[0], range[1], signal), [range]);
  const pct = (v: number | null | undefined) => (v === null || v === undefined ? '—' : `${(v * 100).toFixed(1)}%`);
  type Card =
    | 'signed'
    | 'active'
    | 'inspections'
    | 'average'
    | 'excellent'
    | 'red'
    | 'black'
    | 'volunteers'
    | 'hours'
    | 'committees'
    | 'selfReports';
  const cards: [Card, string | number][] = data
    ? [
        ['signed', data.agreementsSigned],
        ['active', data.agreementsActive],
        ['inspections', data.inspections],
        ['average', data.averageScore ?? '—'],
        ['excellent', pct(data.excellentRate)],
        ['red', data.redListed],
        ['black', data.blackListed],
        ['volunteers', data.volunteers],
        ['hours', data.hoursServed],
        ['committees', data.committees],
        ['selfReports', data.selfReports],
      ]
    : [];
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="fr-figures">
      <Space wrap>
        <span>{t('frontage.figures.period')}</span>
        <DatePicker.RangePicker
          allowClear={false}
          format={DATE_FORMAT}
          value={[dayjs(range[0]), dayjs(range[1])]}
          onChange={(v) => {
            if (v?.[0] && v[1]) setRange([v[0].format(DATE_FORMAT), v[1].format(DATE_FORMAT)]);
          }}
          data-testid="fr-figures-range"
        />
      </Space>
      {error ? <LoadError error={error} onRetry={reload} testId="fr-figures" /> : null}
      <Row gutter={[12, 12]}>
        {cards.map(([key, value]) => (
          <Col xs={12} md={8} lg={6} xl={4} key={key}>
            <Card size="small">
              <Statistic title={t(`frontage.figures.${key}`)} value={value} data-testid={`fr-figure-${key}`} />
            </Card>
          </Col>
        ))}
      </Row>
      <Card size="small" title={t('frontage.figures.byRegion')}>
        <Table<Figures['byRegion'][number]>
          rowKey="regionId"
          size="small"
          pagination={false}
          dataSource={data?.byRegion ?? []}
          locale={{ emptyText: <Empty description={t('frontage.figures.none')} /> }}
          columns={[
            { title: t('frontage.field.region'), dataIndex: 'regionName' },
            { title: t('frontage.figures.agreements'), dataIndex: 'agreements', align: 'right' },
            { title: t('frontage.field.inspections'), dataIndex: 'inspections', align: 'right' },
            { title: t('frontage.figures.committees'), dataIndex: 'committees', align: 'right' },
          ]}
        />
      </Card>
    </Space>
  );
}
