import { useState } from 'react';
import { Empty, Flex, InputNumber, Table, Tag, Typography } from 'antd';
import type { AdReminder } from '../../../../common/contracts/outdoor-ads.ts';
import { useResource } from '../../api/use-resource.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { useI18n } from '../../i18n/context.ts';
import { oaApi } from './oa.api.ts';

const KIND_COLORS = {
  permit_expired: 'error',
  permit_expiring: 'warning',
  inspection_overdue: 'error',
  inspection_due: 'warning',
} as const;

/** Permits that ran out or run out soon and inspections late or due soon, the most urgent first. */
export function AdReminders() {
  const { t } = useI18n();
  const [days, setDays] = useState(30);
  const res = useResource((signal) => oaApi.reminders(days, signal), [days]);
  return (
    <Flex vertical gap={12}>
      <Flex gap={8} align="center">
        <span>{t('outdoorAds.withinDays')}</span>
        <InputNumber
          min={0}
          max={366}
          precision={0}
          value={days}
          onChange={(v) => v !== null && setDays(v)}
          data-testid="oa-reminders-days"
        />
        {res.data ? <Typography.Text type="secondary">{res.data.today}</Typography.Text> : null}
      </Flex>
      {res.error ? <LoadError error={res.error} onRetry={res.reload} /> : null}
      <Table<AdReminder>
        size="small"
        loading={res.loading}
        rowKey={(r) => `${r.ad.id}-${r.kind}`}
        dataSource={res.data?.items ?? []}
        locale={{ emptyText: <Empty description={t('outdoorAds.noReminders')} /> }}
        pagination={{ pageSize: 20, showSizeChanger: false }}
        data-testid="oa-reminders"
        columns={[
          {
            title: t('outdoorAds.field.kind'),
            key: 'kind',
            render: (_, r) => <Tag color={KIND_COLORS[r.kind]}>{t(`outdoorAds.reminder.${r.kind}`)}</Tag>,
          },
          { title: t('outdoorAds.field.date'), key: 'date', render: (_, r) => r.date },
          { title: t('outdoorAds.field.adType'), key: 'type', render: (_, r) => t(`outdoorAds.type.${r.ad.adType}`) },
          { title: t('outdoorAds.field.address'), key: 'address', render: (_, r) => r.ad.address },
          { title: t('outdoorAds.field.owner'), key: 'owner', render: (_, r) => r.ad.ownerName },
          { title: t('outdoorAds.field.ownerPhone'), key: 'phone', render: (_, r) => r.ad.ownerPhone ?? '—' },
          { title: t('outdoorAds.field.permitNo'), key: 'permit', render: (_, r) => r.ad.permitNo ?? '—' },
        ]}
      />
    </Flex>
  );
}
