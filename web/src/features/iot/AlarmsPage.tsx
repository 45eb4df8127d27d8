import { useEffect, useState } from 'react';
import { Badge, Flex, Typography } from 'antd';
import type { ConsumerStatus } from '../../../../common/contracts/iot.ts';
import { PageSection } from '../../components/PageSection.tsx';
import { useI18n } from '../../i18n/context.ts';
import { AlarmsTable } from './AlarmsTable.tsx';
import { iotApi } from './iot.api.ts';

/** 设备告警: open alarms first, with the state of this instance's message intake. */
export function AlarmsPage() {
  const { t } = useI18n();
  const [consumer, setConsumer] = useState<ConsumerStatus | null>(null);
  useEffect(() => {
    const ctl = new AbortController();
    iotApi.consumer(ctl.signal).then(setConsumer, () => setConsumer(null));
    return () => ctl.abort();
  }, []);
  return (
    <PageSection title={t('iot.alarms.title')} testId="page-alarms">
      <Flex vertical gap={12}>
        {consumer ? (
          <Flex gap={8} align="center" data-testid="alarms-consumer">
            <Typography.Text type="secondary">{t('iot.alarms.consumer')}</Typography.Text>
            <Badge
              status={consumer.connected ? 'success' : consumer.enabled ? 'error' : 'default'}
              text={
                consumer.connected
                  ? t('iot.alarms.connected')
                  : consumer.enabled
                    ? t('iot.alarms.disconnected')
                    : t('iot.alarms.disabled')
              }
            />
            {consumer.enabled ? (
              <Typography.Text type="secondary">
                {t('iot.alarms.counts', { received: consumer.received, accepted: consumer.accepted })}
              </Typography.Text>
            ) : null}
          </Flex>
        ) : null}
        <AlarmsTable testId="alarms" />
      </Flex>
    </PageSection>
  );
}
