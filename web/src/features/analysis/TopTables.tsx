import { Flex, Table, Typography } from 'antd';
import type { ComparedCount, TopItem } from '../../../../common/contracts/analysis.ts';
import { useI18n } from '../../i18n/context.ts';
import { ChangeMark } from './ChangeMark.tsx';

/** 高发问题: a ranked list (equal counts share a rank) with 环比 and 同比 of each line. */
export function TopTable({
  title,
  items,
  loading,
  testId,
}: {
  title?: string;
  items: TopItem[];
  loading: boolean;
  testId: string;
}) {
  const { t } = useI18n();
  return (
    <Flex vertical gap={8}>
      {title ? <Typography.Text strong>{title}</Typography.Text> : null}
      <Table<TopItem>
        size="small"
        rowKey="id"
        loading={loading}
        pagination={false}
        dataSource={items}
        scroll={{ x: 'max-content' }}
        data-testid={testId}
        locale={{ emptyText: t('analysis.empty') }}
        columns={[
          { key: 'rank', title: t('analysis.cols.rank'), dataIndex: 'rank', width: 60 },
          { key: 'name', title: t('analysis.cols.name'), dataIndex: 'name' },
          { key: 'count', title: t('analysis.cols.count'), render: (_, r) => r.count.value },
          {
            key: 'previous',
            title: t('analysis.cols.previous'),
            render: (_, r) => (
              <ChangeMark
                label="previous"
                current={r.count.value}
                base={r.count.previous}
                riseIsBad
                showLabel={false}
              />
            ),
          },
          {
            key: 'lastYear',
            title: t('analysis.cols.lastYear'),
            render: (_, r) => (
              <ChangeMark
                label="lastYear"
                current={r.count.value}
                base={r.count.lastYear}
                riseIsBad
                showLabel={false}
              />
            ),
          },
        ]}
      />
    </Flex>
  );
}

/** Cases by the local hour of the report: a bar per hour, the previous period's figure beside it. */
export function HourBars({ hours }: { hours: { hour: string; count: ComparedCount }[] }) {
  const { t } = useI18n();
  const max = Math.max(1, ...hours.map((h) => Math.max(h.count.value ?? 0, h.count.previous ?? 0)));
  return (
    <Flex vertical gap={4} data-testid="hour-bars">
      {hours.map((h) => (
        <Flex key={h.hour} gap={8} align="center">
          <Typography.Text style={{ width: 96, flex: 'none' }} type="secondary">
            {t('analysis.hourLabel', { hour: h.hour })}
          </Typography.Text>
          <div style={{ flex: 1, minWidth: 60 }} title={`${h.count.value ?? 0}`}>
            <div
              style={{
                width: `${((h.count.value ?? 0) / max) * 100}%`,
                height: 10,
                background: '#1677ff',
                borderRadius: 2,
              }}
            />
            <div
              style={{
                width: `${((h.count.previous ?? 0) / max) * 100}%`,
                height: 4,
                marginTop: 2,
                background: '#bfbfbf',
                borderRadius: 2,
              }}
            />
          </div>
          <Typography.Text style={{ width: 40, flex: 'none', textAlign: 'right' }}>
            {h.count.value ?? 0}
          </Typography.Text>
          <span style={{ width: 110, flex: 'none' }}>
            <ChangeMark label="previous" current={h.count.value} base={h.count.previous} riseIsBad />
          </span>
        </Flex>
      ))}
    </Flex>
  );
}
