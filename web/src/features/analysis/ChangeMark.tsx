import { Typography } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, MinusOutlined } from '@ant-design/icons';
import { changeOf } from '../../../../common/domain/period-compare.ts';
import { decimalText } from '../../../../common/domain/number-format.ts';
import { useI18n } from '../../i18n/context.ts';

interface Props {
  label: 'previous' | 'lastYear';
  current: number | null;
  base: number | null;
  /** a rate changes in percentage points, a count in per cent of the base */
  rate?: boolean;
  /** true when a rise is bad news (cases, overdue); the arrow is then red */
  riseIsBad?: boolean;
  testId?: string;
  /** false under a column headed 环比 / 同比 */
  showLabel?: boolean;
  /** the unit of a change given as a difference (rates: 'pp'; a composite score: its points) */
  deltaUnit?: string;
  /** false when an enclosing tooltip already explains the figure (no second, native tooltip) */
  nativeTitle?: boolean;
  small?: boolean;
}

/**
 * 环比 / 同比 of one figure: an arrow and the change — per cent for counts, percentage points for rates — with the
 * compared value in the tooltip. No base (0 or no data) shows a dash rather than an infinite percentage.
 */
export function ChangeMark({
  label,
  current,
  base,
  rate = false,
  riseIsBad = false,
  testId,
  showLabel = true,
  deltaUnit,
  nativeTitle = true,
  small = false,
}: Props) {
  const { t } = useI18n();
  const c = changeOf(current, base);
  const byDelta = rate || deltaUnit !== undefined;
  const amount = byDelta ? c.delta : c.pct;
  const size = small ? { fontSize: 12 } : {};
  const name = t(`analysis.compare.${label}`);
  const shown = showLabel ? `${name} ` : '';
  const baseText = base === null ? t('analysis.compare.none') : rate ? `${decimalText(base)}%` : String(base);
  if (amount === null || c.delta === null)
    return (
      <Typography.Text
        type="secondary"
        title={nativeTitle ? baseText : undefined}
        data-testid={testId}
        style={{ whiteSpace: 'nowrap', ...size }}
      >
        {shown}
        {t('analysis.compare.none')}
      </Typography.Text>
    );
  const up = c.delta > 0;
  const flat = c.delta === 0;
  const colour = flat ? undefined : up === riseIsBad ? '#cf1322' : '#389e0d';
  const Icon = flat ? MinusOutlined : up ? ArrowUpOutlined : ArrowDownOutlined;
  return (
    <Typography.Text
      title={nativeTitle ? `${name}: ${baseText}` : undefined}
      style={{ color: colour, whiteSpace: 'nowrap', ...size }}
      data-testid={testId}
    >
      {shown}
      <Icon aria-label={flat ? '=' : up ? '↑' : '↓'} /> {decimalText(Math.abs(amount))}
      {deltaUnit ?? (rate ? 'pp' : '%')}
    </Typography.Text>
  );
}
