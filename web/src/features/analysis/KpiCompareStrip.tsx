import { Flex, Typography } from 'antd';
import type { KpiResult } from '../../../../common/contracts/kpi.ts';
import { decimalText } from '../../../../common/domain/number-format.ts';
import { useI18n } from '../../i18n/context.ts';
import { ChangeMark } from './ChangeMark.tsx';

/** Counts whose rise is bad news, and rates (shown in percentage points), of the strip. */
const FIGURES = [
  { key: 'reported', kind: 'count', riseIsBad: true },
  { key: 'filed', kind: 'count', riseIsBad: true },
  { key: 'closeRate', kind: 'rate', riseIsBad: false },
  { key: 'onTimeCloseRate', kind: 'rate', riseIsBad: false },
] as const;

/** 环比 / 同比 of the headline figures of a KPI answer (its total over every member in scope). */
export function KpiCompareStrip({ result }: { result: KpiResult }) {
  const { t } = useI18n();
  const c = result.comparison;
  if (!c) return null;
  return (
    <Flex gap={16} wrap align="center" data-testid="kpi-compare">
      <Typography.Text
        type="secondary"
        title={`${c.previous.from}~${c.previous.to} / ${c.lastYear.from}~${c.lastYear.to}`}
      >
        {t('analysis.compare.title')}
      </Typography.Text>
      {FIGURES.map((f) => {
        const value =
          f.kind === 'rate' ? (result.total.indicators[f.key]?.value ?? null) : (result.total.counts[f.key] ?? 0);
        const base = (which: 'previous' | 'lastYear') =>
          f.kind === 'rate' ? (c.total[which].indicators[f.key] ?? null) : (c.total[which].counts[f.key] ?? 0);
        return (
          <Flex key={f.key} gap={6} wrap align="baseline">
            <Typography.Text strong>
              {t(`analysis.headline.${f.key}`)}{' '}
              {value === null ? '—' : f.kind === 'rate' ? `${decimalText(value)}%` : value}
            </Typography.Text>
            <ChangeMark
              label="previous"
              current={value}
              base={base('previous')}
              rate={f.kind === 'rate'}
              riseIsBad={f.riseIsBad}
            />
            <ChangeMark
              label="lastYear"
              current={value}
              base={base('lastYear')}
              rate={f.kind === 'rate'}
              riseIsBad={f.riseIsBad}
            />
          </Flex>
        );
      })}
    </Flex>
  );
}
