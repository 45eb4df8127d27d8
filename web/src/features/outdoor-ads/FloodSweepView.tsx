import { useState } from 'react';
import { Flex, InputNumber, Table, Typography } from 'antd';
import type { OutdoorAd } from '../../../../common/contracts/outdoor-ads.ts';
import { useResource } from '../../api/use-resource.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { useI18n } from '../../i18n/context.ts';
import { ResultTag } from './AdInventory.tsx';
import { oaApi } from './oa.api.ts';

/** 汛前安全排查: the wind-exposed signs still to inspect before the flood season, largest first. */
export function FloodSweepView({ initialYear }: { initialYear: number }) {
  const { t } = useI18n();
  const [year, setYear] = useState(initialYear);
  const res = useResource((signal) => oaApi.floodSweep(year, signal), [year]);
  return (
    <Flex vertical gap={12}>
      <Flex gap={8} align="center">
        <span>{t('outdoorAds.sweepYear')}</span>
        <InputNumber min={2000} max={2100} precision={0} value={year} onChange={(v) => v && setYear(v)} />
      </Flex>
      {res.error ? <LoadError error={res.error} onRetry={res.reload} /> : null}
      {res.data ? (
        <Typography.Paragraph data-testid="oa-sweep-intro">
          {t('outdoorAds.sweepIntro', { since: res.data.since, count: res.data.items.length })}
        </Typography.Paragraph>
      ) : null}
      <Table<OutdoorAd>
        size="small"
        loading={res.loading}
        rowKey={(a) => a.id}
        dataSource={res.data?.items ?? []}
        pagination={{ pageSize: 20, showSizeChanger: false }}
        data-testid="oa-sweep"
        columns={[
          { title: t('outdoorAds.field.adType'), key: 'type', render: (_, a) => t(`outdoorAds.type.${a.adType}`) },
          { title: t('outdoorAds.field.sizeM2'), key: 'size', align: 'right', render: (_, a) => a.sizeM2 },
          { title: t('outdoorAds.field.township'), key: 'region', render: (_, a) => a.regionName ?? '—' },
          { title: t('outdoorAds.field.address'), key: 'address', render: (_, a) => a.address },
          { title: t('outdoorAds.field.owner'), key: 'owner', render: (_, a) => a.ownerName },
          { title: t('outdoorAds.field.lastInspectedOn'), key: 'last', render: (_, a) => a.lastInspectedOn ?? '—' },
          {
            title: t('outdoorAds.field.lastResult'),
            key: 'result',
            render: (_, a) => <ResultTag result={a.lastResult} />,
          },
        ]}
      />
    </Flex>
  );
}
