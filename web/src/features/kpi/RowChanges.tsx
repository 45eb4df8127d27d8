import { Flex, Tooltip } from 'antd';
import type { DateRange } from '../../../../common/domain/period-compare.ts';
import { useI18n } from '../../i18n/context.ts';
import { ChangeMark } from '../analysis/ChangeMark.tsx';

interface Props {
  current: number | null;
  previous: number | null;
  lastYear: number | null;
  ranges: { previous: DateRange; lastYear: DateRange };
  /** rates change in percentage points; the composite score in its points; counts in per cent */
  mode: 'count' | 'rate' | 'score';
  riseIsBad: boolean;
  /** shows a base value the way its column shows values ('87.5%', '3.2', '12') */
  format: (v: number | null) => string;
  testId: string;
}

/**
 * 环比 and 同比 of one figure of the KPI table (docs/analysis.md, "Comparison periods"): two small arrows under the
 * value, coloured by whether the change is good news, and a tooltip with the compared ranges, their values and how
 * the change is measured.
 */
export function RowChanges({ current, previous, lastYear, ranges, mode, riseIsBad, format, testId }: Props) {
  const { t } = useI18n();
  const line = (which: 'previous' | 'lastYear', base: number | null) =>
    t('kpiWeb.compare.tip', {
      label: t(`analysis.compare.${which}`),
      range: `${ranges[which].from}~${ranges[which].to}`,
      base: format(base),
      current: format(current),
    });
  const tip = (
    <Flex vertical gap={4}>
      <span>{line('previous', previous)}</span>
      <span>{line('lastYear', lastYear)}</span>
      <span style={{ opacity: 0.75 }}>{t('kpiWeb.compare.explain')}</span>
    </Flex>
  );
  const common = {
    current,
    rate: mode === 'rate',
    riseIsBad,
    nativeTitle: false,
    small: true,
    ...(mode === 'score' ? { deltaUnit: t('kpiWeb.compare.points') } : {}),
  };
  return (
    <Tooltip title={tip}>
      <Flex gap={6} justify="flex-end" wrap={false} data-testid={testId} tabIndex={0}>
        <ChangeMark label="previous" base={previous} testId={`${testId}-previous`} {...common} />
        <ChangeMark label="lastYear" base={lastYear} testId={`${testId}-lastYear`} {...common} />
      </Flex>
    </Tooltip>
  );
}
