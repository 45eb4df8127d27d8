import { Tag } from 'antd';
import type { TargetStatus } from '../../../../common/domain/targets.ts';
import { useI18n } from '../../i18n/context.ts';
import type { TargetView } from './targets.api.ts';

const STATUS_COLOR: Record<TargetStatus, string> = {
  done: 'green',
  onTrack: 'blue',
  behind: 'orange',
  missed: 'red',
};

export function StatusTag({ status }: { status: TargetStatus }) {
  const { t } = useI18n();
  return (
    <Tag color={STATUS_COLOR[status]} data-testid={`target-status-${status}`}>
      {t(`targets.status.${status}`)}
    </Tag>
  );
}

/**
 * A target's title in the UI language: the English title where the target has one, else the title as entered (a
 * tenant's own text, shown as stored like other modules' tenant data).
 */
export function useTargetTitle() {
  const { locale } = useI18n();
  return (target: Pick<TargetView, 'title' | 'titleEn'>): string =>
    locale === 'en' && target.titleEn ? target.titleEn : target.title;
}

/** A value in the target's measure: 「46574平方米」, 「98.5%」, 「2个」 (a count figure carries no unit word). */
export function useMeasureText() {
  const { t } = useI18n();
  return (target: Pick<TargetView, 'figureUnit' | 'measureUnit'>, value: number | null): string => {
    if (value === null) return '—';
    const n = String(Math.round(value * 100) / 100);
    if (target.measureUnit) return `${n}${target.measureUnit}`;
    if (!target.figureUnit || target.figureUnit === 'count') return n;
    return `${n}${t(`targets.unit.${target.figureUnit}`)}`;
  };
}

/** 「≥ 40000平方米」 */
export function useTargetText() {
  const { t } = useI18n();
  const measure = useMeasureText();
  return (v: TargetView) => `${t(`targets.comparison.${v.comparison}`)} ${measure(v, v.targetValue)}`;
}
