/**
 * Assessment (综合评价) vocabulary and pure rules: the counters kept per day and scope, the indicators derived from
 * them, the composite weights per subject, the grades A–E and periods (docs/standards.md, "Assessment (KPI)").
 * No I/O: the server's KPI engine and the console both use these.
 */
import { bandScore, DEFAULT_BANDS, type CountBands } from './kpi-bands.ts';

/**
 * Counters of the daily roll-up, one column each. Each case contributes to a counter on its anchor day: 'reported'
 * counters on the day it was reported, the others on the day it was filed (立案), so a month's 结案率 is the share of
 * that month's 立案 closed so far (the cohort the monthly 通报 uses: 天门 立案 996 → 应结案 972 → 结案 911;
 * docs/standards.md, "Local variants").
 */
export const KPI_COUNTERS = [
  // anchored on the report day
  'reported', // 上报数
  'inspectorReported', // 监督员上报数
  'validReported', // 有效上报数: reported and filed
  'publicReported', // 公众举报数 (public, hotline, petition)
  'selfHandled', // 自行处置数
  'voided', // 作废数
  'escalated', // 督办数 (cases escalated at least once)
  'accepted', // 受理数 (operator: accept / send to verify / void of a new report)
  'verifySent', // 应发核实数
  'verifySentOnTime', // 按时发核实数
  'needVerify', // 应核实数: done, or overdue and still open
  'verifiedOnTime', // 按时核实数
  // anchored on the filing day
  'filed', // 立案数
  'filedOnTime', // 按时立案数
  'filedVoided', // 立案后作废或改类数 (错误立案)
  'missed', // 漏报数 = 核实属实的公众举报 (docs/standards.md, "KPI indicators")
  'needDispatch', // 应派遣数 (each entry into 待派遣)
  'dispatched', // 派遣数
  'dispatchedOnTime', // 按时派遣数
  'returned', // 回退数
  'needHandle', // 应处置数: reported back, or overdue and still with the unit
  'handled', // 处置数
  'handledOnTime', // 按期处置数
  'overdue', // 超期数
  'extended', // 延期数 (cases extended)
  'suspended', // 挂账数 (cases ever suspended)
  'suspendedOpen', // 挂账中 (still suspended: 金华 口径 removes them from 应结案数)
  'reworked', // 返工数 (cases reworked)
  'checkSent', // 应发核查数
  'checkSentOnTime', // 按时发核查数
  'needCheck', // 应核查数 (times)
  'checkedOnTime', // 按时核查数
  'needClose', // 应结案数: closed, or overdue and open
  'closed', // 结案数
  'closedOnTime', // 按期结案数
  'closeSteps', // 值班长 结案 actions
  'closeStepsOnTime', // 值班长 按时结案
  'rated', // 回访数
  'satisfied', // 满意数 (satisfied + basically satisfied)
  'reopened', // 重新打开数
  'handlingHours', // sum of handling hours (dispatch → report back), for the average
  'handlingTimed', // cases with a measured handling time
] as const;
export type KpiCounter = (typeof KPI_COUNTERS)[number];
export type KpiCounts = Record<KpiCounter, number>;

const ZERO_COUNTS = Object.freeze(Object.fromEntries(KPI_COUNTERS.map((k) => [k, 0])) as KpiCounts);

/** Every counter at 0. A copy of one template: building the object key by key cost 25 times as much, and a KPI page
 * of a city's grids makes tens of thousands of them. */
export function zeroCounts(): KpiCounts {
  return { ...ZERO_COUNTS };
}

/** Counters anchored on the report day; every other counter is anchored on the filing day. */
export const REPORT_DAY_COUNTERS: readonly KpiCounter[] = [
  'reported',
  'inspectorReported',
  'validReported',
  'publicReported',
  'selfHandled',
  'voided',
  'escalated',
  'accepted',
  'verifySent',
  'verifySentOnTime',
  'needVerify',
  'verifiedOnTime',
];

/** Whom the assessment is about (docs/standards.md, "KPI subjects and periods"): the tenant, regions, handling units, posts. */
export const KPI_SUBJECTS = [
  'tenant',
  'street',
  'community',
  'grid',
  'unit',
  'inspector',
  'operator',
  'shiftLeader',
  'dispatcher',
] as const;
export type KpiSubject = (typeof KPI_SUBJECTS)[number];
export const POST_SUBJECTS: readonly KpiSubject[] = ['inspector', 'operator', 'shiftLeader', 'dispatcher'];
export const REGION_SUBJECTS: readonly KpiSubject[] = ['street', 'community', 'grid'];

/** The subject of a composite formula (docs/standards.md, "KPI weights"): regions share one formula. */
export type FormulaSubject = 'inspector' | 'operator' | 'shiftLeader' | 'dispatcher' | 'unit' | 'region';
export const FORMULA_SUBJECTS: readonly FormulaSubject[] = [
  'inspector',
  'operator',
  'shiftLeader',
  'dispatcher',
  'unit',
  'region',
];
export function formulaOf(subject: KpiSubject): FormulaSubject {
  return subject === 'tenant' || REGION_SUBJECTS.includes(subject) ? 'region' : (subject as FormulaSubject);
}

export const KPI_PERIODS = ['day', 'month', 'quarter', 'year', 'custom'] as const;
export type KpiPeriodKind = (typeof KPI_PERIODS)[number];

/** How an indicator is read: a count, a rate (higher is better), an inverse rate (lower is better), an average. */
export type IndicatorKind = 'count' | 'rate' | 'inverseRate' | 'average';

export interface IndicatorDef {
  kind: IndicatorKind;
  /** numerator counter (or the counted counter) */
  num: KpiCounter;
  /** denominator counter; 'needClose' is reduced by suspendedOpen when the option says so */
  den?: KpiCounter;
  /** subtracted from the numerator (准确 = total − errors) */
  minus?: KpiCounter;
}

/**
 * Every indicator (docs/standards.md, "KPI indicators") the case data supports; formula per line. Rates are
 * percentages (0–100).
 */
export const INDICATORS = {
  reports: { kind: 'count', num: 'reported' }, // 上报数
  validReportRate: { kind: 'rate', num: 'validReported', den: 'reported' }, // 有效上报数/上报数
  onTimeVerifyRate: { kind: 'rate', num: 'verifiedOnTime', den: 'needVerify' }, // 按时核实数/应核实数
  onTimeCheckRate: { kind: 'rate', num: 'checkedOnTime', den: 'needCheck' }, // 按时核查数/应核查数
  missedReportRate: { kind: 'inverseRate', num: 'missed', den: 'filed' }, // 漏报数/立案数
  accepted: { kind: 'count', num: 'accepted' }, // 受理数
  verifySendOnTimeRate: { kind: 'rate', num: 'verifySentOnTime', den: 'verifySent' }, // 按时发核实数/应发核实数
  checkSendOnTimeRate: { kind: 'rate', num: 'checkSentOnTime', den: 'checkSent' }, // 按时发核查数/应发核查数
  filed: { kind: 'count', num: 'filed' }, // 立案数
  onTimeFilingRate: { kind: 'rate', num: 'filedOnTime', den: 'filed' }, // 按时立案数/立案数
  accurateFilingRate: { kind: 'rate', num: 'filed', minus: 'filedVoided', den: 'filed' }, // (立案数−错误立案数)/立案数
  onTimeCloseStepRate: { kind: 'rate', num: 'closeStepsOnTime', den: 'closeSteps' }, // 值班长 按时结案数/应结案数
  dispatched: { kind: 'count', num: 'dispatched' }, // 派遣数
  onTimeDispatchRate: { kind: 'rate', num: 'dispatchedOnTime', den: 'needDispatch' }, // 按时派遣数/应派遣数
  accurateDispatchRate: { kind: 'rate', num: 'dispatched', minus: 'returned', den: 'needDispatch' }, // (派遣数−回退数)/应派遣数
  handleRate: { kind: 'rate', num: 'handled', den: 'needHandle' }, // 处置数/应处置数
  onTimeHandleRate: { kind: 'rate', num: 'handledOnTime', den: 'needHandle' }, // 按期处置数/应处置数
  overdueRate: { kind: 'inverseRate', num: 'overdue', den: 'needHandle' }, // 超期处置数/应处置数
  extensionRate: { kind: 'inverseRate', num: 'extended', den: 'needHandle' }, // 延期数/应处置数
  reworkRate: { kind: 'inverseRate', num: 'reworked', den: 'needClose' }, // 返工数/应结案数
  closeRate: { kind: 'rate', num: 'closed', den: 'needClose' }, // 结案数/应结案数
  onTimeCloseRate: { kind: 'rate', num: 'closedOnTime', den: 'needClose' }, // 按期结案数/应结案数
  publicReportRate: { kind: 'inverseRate', num: 'missed', den: 'filed' }, // 监督举报核实数/立案数
  satisfactionRate: { kind: 'rate', num: 'satisfied', den: 'rated' }, // 满意数/回访数
  avgHandlingHours: { kind: 'average', num: 'handlingHours', den: 'handlingTimed' }, // 平均处置时长（小时）
  overdueCount: { kind: 'count', num: 'overdue' },
  escalatedCount: { kind: 'count', num: 'escalated' },
} as const satisfies Record<string, IndicatorDef>;
export type IndicatorKey = keyof typeof INDICATORS;
export const INDICATOR_KEYS = Object.keys(INDICATORS) as IndicatorKey[];

export interface IndicatorValue {
  /** null when the denominator is 0 ("no data"): never NaN */
  value: number | null;
  numerator: number;
  denominator: number | null;
}

export interface KpiOptions {
  /** 金华 口径: 应结案数 − 缓办数 (docs/standards.md, "Local variants") */
  excludeSuspended: boolean;
}

const round = (v: number, digits = 2) => Math.round(v * 10 ** digits) / 10 ** digits;

export function indicatorValue(key: IndicatorKey, c: KpiCounts, options: KpiOptions): IndicatorValue {
  const def: IndicatorDef = INDICATORS[key];
  const numerator = c[def.num] - (def.minus ? c[def.minus] : 0);
  if (def.kind === 'count') return { value: numerator, numerator, denominator: null };
  let denominator = def.den ? c[def.den] : 0;
  if (def.den === 'needClose' && options.excludeSuspended) denominator -= c.suspendedOpen;
  if (denominator <= 0) return { value: null, numerator, denominator: Math.max(0, denominator) };
  const ratio = numerator / denominator;
  return {
    value: def.kind === 'average' ? round(ratio, 1) : round(Math.min(100, Math.max(0, ratio * 100))),
    numerator,
    denominator,
  };
}

export function indicatorsOf(c: KpiCounts, options: KpiOptions): Record<IndicatorKey, IndicatorValue> {
  return Object.fromEntries(INDICATOR_KEYS.map((k) => [k, indicatorValue(k, c, options)])) as Record<
    IndicatorKey,
    IndicatorValue
  >;
}

/** Parts a composite may weigh: an indicator key, or a count band for 受理数/派遣数/立案数 分值. */
export const SCORE_PARTS = {
  inspector: ['validReportRate', 'missedReportRate', 'onTimeVerifyRate', 'onTimeCheckRate'],
  operator: ['acceptedScore', 'verifySendOnTimeRate', 'checkSendOnTimeRate'],
  shiftLeader: ['onTimeFilingRate', 'accurateFilingRate', 'onTimeCloseStepRate'],
  dispatcher: ['dispatchedScore', 'onTimeDispatchRate', 'accurateDispatchRate'],
  unit: ['filedScore', 'closeRate', 'onTimeHandleRate', 'reworkRate'],
  region: ['publicReportRate', 'filedScore', 'closeRate', 'onTimeCloseRate'],
} as const satisfies Record<FormulaSubject, readonly string[]>;
export type ScorePart = (typeof SCORE_PARTS)[FormulaSubject][number];

export type KpiWeights = Record<FormulaSubject, Record<string, number>>;

/**
 * Default weights (docs/standards.md, "KPI weights", 联通 implementation). Region: the implementation's four parts
 * sum to 70 %; 按期结案率 at 40 % makes the set sum to 100. The count parts score through kpi-bands.ts.
 */
export const DEFAULT_WEIGHTS: KpiWeights = {
  inspector: { validReportRate: 40, missedReportRate: 20, onTimeVerifyRate: 20, onTimeCheckRate: 20 },
  operator: { acceptedScore: 25, verifySendOnTimeRate: 40, checkSendOnTimeRate: 35 },
  shiftLeader: { onTimeFilingRate: 25, accurateFilingRate: 40, onTimeCloseStepRate: 35 },
  dispatcher: { dispatchedScore: 20, onTimeDispatchRate: 40, accurateDispatchRate: 40 },
  unit: { filedScore: 10, closeRate: 30, onTimeHandleRate: 30, reworkRate: 30 },
  region: { publicReportRate: 10, filedScore: 20, closeRate: 30, onTimeCloseRate: 40 },
};

export const GRADES = ['A', 'B', 'C', 'D', 'E'] as const;
export type Grade = (typeof GRADES)[number];
/** Lower bounds of A–D (docs/standards.md, "KPI grades"): A [90,100], B [75,90), C [60,75), D [40,60), E [0,40). */
export interface GradeThresholds {
  A: number;
  B: number;
  C: number;
  D: number;
}
export const DEFAULT_GRADES: GradeThresholds = { A: 90, B: 75, C: 60, D: 40 };
export const GRADE_COLORS: Record<Grade, string> = { A: 'green', B: 'blue', C: 'yellow', D: 'red', E: 'black' };

export function gradeOf(score: number, t: GradeThresholds = DEFAULT_GRADES): Grade {
  return score >= t.A ? 'A' : score >= t.B ? 'B' : score >= t.C ? 'C' : score >= t.D ? 'D' : 'E';
}

/** The score (0–100) of one part: a rate as is, an inverse rate as (1 − rate) × 100, a count through its band. */
export function partScore(
  part: string,
  c: KpiCounts,
  options: KpiOptions,
  bands: CountBands = DEFAULT_BANDS,
): number | null {
  if (part === 'acceptedScore') return c.accepted > 0 ? bandScore('accepted', c.accepted, bands) : null;
  if (part === 'dispatchedScore') return c.needDispatch > 0 ? bandScore('dispatched', c.dispatched, bands) : null;
  if (part === 'filedScore') return bandScore('filed', c.filed, bands);
  if (!(part in INDICATORS)) return null;
  const def: IndicatorDef = INDICATORS[part as IndicatorKey];
  const v = indicatorValue(part as IndicatorKey, c, options).value;
  if (v === null) return null;
  return def.kind === 'inverseRate' ? round(100 - v) : v;
}

/**
 * Composite value (综合指标值): Σ part score × weight / 100. Parts without data (denominator 0) are left out and the
 * remaining weights rescaled to 100 %, so an idle inspector is not graded E for tasks never given; with no part
 * holding data (or nothing reported/filed at all) the result is null: "no data", never NaN.
 */
export function compositeScore(
  subject: FormulaSubject,
  c: KpiCounts,
  weights: KpiWeights,
  options: KpiOptions,
  bands: CountBands = DEFAULT_BANDS,
): number | null {
  const w = weights[subject];
  let sum = 0;
  let used = 0;
  for (const part of SCORE_PARTS[subject]) {
    const weight = w[part] ?? 0;
    if (weight <= 0) continue;
    if (part === 'filedScore' && c.filed === 0 && c.reported === 0) continue;
    const s = partScore(part, c, options, bands);
    if (s === null) continue;
    sum += s * weight;
    used += weight;
  }
  return used > 0 ? round(sum / used) : null;
}

/** Validation of an edited weight set: every subject's weights are ≥ 0, known parts, and sum to 100. */
export function weightProblems(weights: KpiWeights): { field: string; message: string }[] {
  const problems: { field: string; message: string }[] = [];
  for (const subject of FORMULA_SUBJECTS) {
    const w = weights[subject];
    if (!w) {
      problems.push({ field: `body.weights.${subject}`, message: 'missing' });
      continue;
    }
    for (const key of Object.keys(w)) {
      if (!(SCORE_PARTS[subject] as readonly string[]).includes(key))
        problems.push({
          field: `body.weights.${subject}.${key}`,
          message: `unknown part; use ${SCORE_PARTS[subject].join(', ')}`,
        });
    }
    const total = Object.values(w).reduce((a, b) => a + b, 0);
    if (Math.abs(total - 100) > 1e-6)
      problems.push({ field: `body.weights.${subject}`, message: `weights must sum to 100 % (now ${round(total)} %)` });
  }
  return problems;
}

export function gradeProblems(t: GradeThresholds): { field: string; message: string }[] {
  const ok = t.A <= 100 && t.A > t.B && t.B > t.C && t.C > t.D && t.D >= 0;
  return ok ? [] : [{ field: 'body.grades', message: 'thresholds must descend: 100 ≥ A > B > C > D ≥ 0' }];
}

/** A calendar-date period [from, to] (inclusive, local dates 'YYYY-MM-DD') from the API's kind + at. */
export interface KpiPeriod {
  kind: KpiPeriodKind;
  from: string;
  to: string;
  label: string;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
export function isValidDate(s: string): boolean {
  const m = DATE.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === s;
}
const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** Resolves a period; returns null (→ 400) when `at` does not match the kind or a custom range is invalid. */
export function resolvePeriod(
  kind: KpiPeriodKind,
  at: string | undefined,
  from?: string,
  to?: string,
): KpiPeriod | null {
  if (kind === 'custom') {
    if (!from || !to || !isValidDate(from) || !isValidDate(to) || from > to) return null;
    if ((Date.parse(to) - Date.parse(from)) / 86_400_000 > 3660) return null;
    return { kind, from, to, label: `${from}~${to}` };
  }
  if (!at) return null;
  if (kind === 'day') return isValidDate(at) ? { kind, from: at, to: at, label: at } : null;
  if (kind === 'month') {
    const m = /^(\d{4})-(\d{2})$/.exec(at);
    const y = Number(m?.[1]);
    const mo = Number(m?.[2]);
    if (!m || mo < 1 || mo > 12) return null;
    return { kind, from: `${y}-${pad(mo)}-01`, to: `${y}-${pad(mo)}-${pad(lastDay(y, mo))}`, label: at };
  }
  if (kind === 'quarter') {
    const m = /^(\d{4})-Q([1-4])$/.exec(at);
    if (!m) return null;
    const y = Number(m[1]);
    const q = Number(m[2]);
    return { kind, from: `${y}-${pad(q * 3 - 2)}-01`, to: `${y}-${pad(q * 3)}-${pad(lastDay(y, q * 3))}`, label: at };
  }
  const m = /^(\d{4})$/.exec(at);
  return m ? { kind, from: `${m[1]}-01-01`, to: `${m[1]}-12-31`, label: at } : null;
}
