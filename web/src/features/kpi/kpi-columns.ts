/** Which indicators the table shows for each kind of subject (docs/standards.md, "KPI indicators", subject column), and what drills where. */
import { INDICATORS, type IndicatorKey, type KpiCounter, type KpiSubject } from '../../../../common/domain/kpi.ts';
import { decimalText, percentText } from '../../../../common/domain/number-format.ts';

const UNIT: IndicatorKey[] = [
  'filed',
  'handleRate',
  'onTimeHandleRate',
  'overdueRate',
  'extensionRate',
  'reworkRate',
  'closeRate',
  'onTimeCloseRate',
  'avgHandlingHours',
];
const REGION: IndicatorKey[] = [
  'reports',
  'filed',
  'publicReportRate',
  'closeRate',
  'onTimeCloseRate',
  'reworkRate',
  'overdueCount',
  'escalatedCount',
];

export const SUBJECT_INDICATORS: Record<KpiSubject, readonly IndicatorKey[]> = {
  tenant: REGION,
  street: REGION,
  community: REGION,
  grid: REGION,
  unit: UNIT,
  inspector: ['reports', 'validReportRate', 'missedReportRate', 'onTimeVerifyRate', 'onTimeCheckRate'],
  operator: ['accepted', 'verifySendOnTimeRate', 'checkSendOnTimeRate'],
  shiftLeader: ['filed', 'onTimeFilingRate', 'accurateFilingRate', 'onTimeCloseStepRate'],
  dispatcher: ['dispatched', 'onTimeDispatchRate', 'accurateDispatchRate'],
};

export function isRate(key: IndicatorKey): boolean {
  const kind = INDICATORS[key].kind;
  return kind === 'rate' || kind === 'inverseRate';
}

/** The counters behind an indicator: the numerator first (what a click opens), then what it subtracts, then the denominator. */
export function countersOf(key: IndicatorKey): { role: 'numerator' | 'minus' | 'denominator'; counter: KpiCounter }[] {
  const def: { num: KpiCounter; den?: KpiCounter; minus?: KpiCounter } = INDICATORS[key];
  const out: { role: 'numerator' | 'minus' | 'denominator'; counter: KpiCounter }[] = [
    { role: 'numerator', counter: def.num },
  ];
  if (def.minus) out.push({ role: 'minus', counter: def.minus });
  if (def.den && def.den !== def.num) out.push({ role: 'denominator', counter: def.den });
  // 处置时长 is a sum of hours, not cases: the cases behind an average are the timed ones.
  if (INDICATORS[key].kind === 'average') return out.filter((c) => c.role === 'denominator');
  return out;
}

/** "87.5%" for rates, "3.2" for averages, "12" for counts; "—" for no data. */
export function formatIndicator(key: IndicatorKey, value: number | null): string {
  if (value === null) return '—';
  if (isRate(key)) return percentText(value);
  if (INDICATORS[key].kind === 'average') return decimalText(value);
  return String(value);
}

export const GRADE_TAG_COLOR: Record<string, string> = { A: 'green', B: 'blue', C: 'gold', D: 'red', E: '#000' };

/**
 * Whether a rise of the figure is bad news (its 环比 / 同比 arrow then turns red): missed, overdue, extended and
 * reworked shares, handling hours, and the problem counts of an area (more problems, more overdue or escalated
 * cases). A post's counts (accepted, dispatched, reports found by an inspector) are work done: a rise is good.
 */
export function riseIsBad(key: IndicatorKey, subject: KpiSubject): boolean {
  const kind = INDICATORS[key].kind;
  if (kind === 'inverseRate' || kind === 'average') return true;
  if (kind === 'count') return !['inspector', 'operator', 'shiftLeader', 'dispatcher'].includes(subject);
  return false;
}
