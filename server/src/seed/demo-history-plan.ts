/**
 * The case-history plan of the demo city (docs/demo-city.md "History"): the synthetic cases of every day over the
 * span, each run forward through its steps and cut at `now`. Pure: the same seed gives the same plan.
 */
import type { CaseAction } from '../../../common/domain/case-status.ts';
import type { CaseChannel } from '../../../common/domain/case-channels.ts';
import type { WorkCalendar, LimitUnit } from '../../../common/domain/work-calendar.ts';
import type { HistoryActor, HistoryCase, HistoryStep } from '../modules/cases/index.ts';
import type { SeededPlace } from '../modules/geo/index.ts';
import { DAYE } from './daye-org.ts';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export type Random = () => number;

/** mulberry32: the same seed gives the same city every time. */
export function rng(seed: number): Random {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function weighted<T>(items: readonly T[], weights: readonly number[]): (random: Random) => T {
  const total = weights.reduce((a, b) => a + b, 0);
  return (random) => {
    let x = random() * total;
    for (let i = 0; i < items.length; i++) {
      x -= weights[i]!;
      if (x < 0) return items[i]!;
    }
    return items[items.length - 1]!;
  };
}

export const pick = <T>(items: readonly T[], random: Random): T => items[Math.floor(random() * items.length)]!;

/** Inspectors find most cases; the 12345 hotline and citizens follow; machines are rising. */
const pickChannel = weighted<CaseChannel>(
  ['inspector', 'hotline', 'public', 'operator', 'leader', 'camera', 'sensor', 'petition'],
  [0.55, 0.18, 0.08, 0.05, 0.02, 0.07, 0.03, 0.02],
);
/** The everyday street problems come first (暴露垃圾, 店外经营, 乱停放, 小广告, 井盖 …). */
export const HOT = /垃圾|店外|乱停|小广告|乱堆|占道|道路破损|晾挂|私搭|渣土|井盖/;
const ROADS = [
  '新冶大道',
  '湛月路',
  '东岳路',
  '罗桥路',
  '金湖大道',
  '大冶大道',
  '华夏路',
  '铜都大道',
  '东风路',
  '人民大道',
];
const SPOTS = [
  '小学门口',
  '菜市场旁',
  '公交站台',
  '小区东门',
  '广场西侧',
  '医院附近',
  '十字路口',
  '商业街',
  '公园南门',
];
const DETAILS = ['影响通行', '群众反映强烈', '存在安全隐患', '请尽快处理', '影响市容', '多名市民投诉', '范围较大'];
export const SURNAMES = [
  '王',
  '李',
  '张',
  '刘',
  '陈',
  '杨',
  '黄',
  '赵',
  '吴',
  '徐',
  '孙',
  '胡',
  '朱',
  '高',
  '林',
  '何',
  '郭',
  '马',
];
/** Reports per local hour of the day: the patrol shifts and the daytime calls. */
const HOUR_WEIGHTS = [0, 0, 0, 0, 0, 0.2, 0.5, 2, 5, 7, 7, 6, 3, 3, 6, 7, 6, 5, 3, 2, 1.5, 1, 0.5, 0.2];
const pickHour = weighted(
  HOUR_WEIGHTS.map((_, h) => h),
  HOUR_WEIGHTS,
);

export interface Ref {
  calendar: WorkCalendar;
  matters: {
    code: string;
    name: string;
    conditions: { id: string; condition: string; limitValue: number; limitUnit: string; unitId: string | null }[];
  }[];
  pickMatter: (random: Random) => Ref['matters'][number];
  places: SeededPlace[];
  units: { id: string; kind: string; regionId: string | null }[];
  staff: Record<'inspector' | 'operator' | 'shiftleader' | 'dispatcher' | 'leader', HistoryActor>;
  handlers: Map<string, HistoryActor>;
  managers: Map<string, HistoryActor>;
}

/**
 * The time a step done `fraction` of its limit after `start` happens, in working time (so a step begun at 17:20
 * with a limit in work hours ends the next morning, as in a real office).
 */
function within(ref: Ref, start: Date, limit: { value: number; unit: string }, fraction: number): Date {
  return ref.calendar.addLimit(start, Math.max(0.02, fraction) * limit.value, limit.unit as LimitUnit);
}

/** How much of its limit a step takes: mostly well inside it, a tenth close to it, a few past it. */
function pace(random: Random, late = false): number {
  if (late) return 1.1 + random() * 0.9;
  const r = random();
  return r < 0.88 ? 0.1 + random() * 0.6 : 0.7 + random() * 0.28;
}

const STEP_LIMIT = { value: 0.5, unit: 'work_hours' };

interface Shape {
  verified: boolean;
  selfHandled: boolean;
  voided: boolean;
  assign: boolean;
  suspend: boolean;
  rework: boolean;
  lateHandling: boolean;
}

function shapeOf(channel: CaseChannel, random: Random): Shape {
  const machine = ['public', 'hotline', 'camera', 'sensor', 'petition'].includes(channel);
  return {
    verified: machine && random() < 0.5,
    selfHandled: channel === 'inspector' && random() < 0.12,
    voided: random() < (machine ? 0.08 : 0.02),
    assign: random() < 0.75,
    suspend: random() < 0.02,
    rework: random() < 0.08,
    lateHandling: random() < 0.06,
  };
}

/** The whole life of one case from its report to its close (or void), each step at its time. */
function stepsOf(
  ref: Ref,
  c: Omit<HistoryCase, 'steps'>,
  shape: Shape,
  reportedAt: Date,
  random: Random,
): HistoryStep[] {
  const { staff } = ref;
  const reporter: HistoryActor | null =
    c.channel === 'inspector'
      ? staff.inspector
      : c.channel === 'leader'
        ? staff.leader
        : ['operator', 'hotline', 'petition'].includes(c.channel)
          ? staff.operator
          : null;
  if (shape.selfHandled) return [{ action: 'self_handle', at: reportedAt, actor: reporter }];
  const steps: HistoryStep[] = [{ action: 'report', at: reportedAt, actor: reporter }];
  let t = reportedAt;
  const step = (action: CaseAction, actor: HistoryActor | null, limit = STEP_LIMIT, late = false, note?: string) => {
    t = within(ref, t, limit, pace(random, late));
    steps.push({ action, at: t, actor, ...(note ? { note } : {}) });
  };
  if (shape.voided) {
    step('void', staff.operator, { value: 0.25, unit: 'work_hours' }, false, '重复上报');
    return steps;
  }
  if (shape.verified) {
    step('send_verify', staff.operator, { value: 0.25, unit: 'work_hours' });
    step('verify', staff.inspector);
  } else step('accept', staff.operator, { value: 0.25, unit: 'work_hours' });
  step('file', staff.shiftleader);
  step('dispatch', staff.dispatcher, { value: 0.25, unit: 'work_hours' });
  const handling = c.filing?.limit ?? { value: 3, unit: 'work_days' };
  const handler = c.unitId ? ref.handlers.get(c.unitId) : undefined;
  const manager = c.unitId ? ref.managers.get(c.unitId) : undefined;
  const dispatchedAt = t;
  if (shape.assign && c.handlerId && manager) step('assign', manager, { value: 0.05, unit: handling.unit });
  if (shape.suspend) {
    step('request_suspension', handler ?? null, handling, false, '需协调产权单位，暂缓处置');
    step('approve_suspension', staff.dispatcher, { value: 1, unit: 'work_hours' });
    t = new Date(t.getTime() + (3 + random() * 8) * DAY);
    steps.push({ action: 'resume', at: t, actor: staff.dispatcher });
  }
  // The handling step: its pace measured from the dispatch, like the deadline.
  const done = within(ref, dispatchedAt, handling, pace(random, shape.lateHandling));
  t = done > t ? done : new Date(t.getTime() + HOUR);
  steps.push({ action: 'report_back', at: t, actor: handler ?? null });
  step('send_check', staff.operator, { value: 0.25, unit: 'work_hours' });
  if (shape.rework) {
    step('check_fail', staff.inspector, STEP_LIMIT, false, '现场仍未处置到位，返工');
    t = within(ref, t, handling, pace(random) * 0.5);
    steps.push({ action: 'report_back', at: t, actor: handler ?? null });
    step('send_check', staff.operator, { value: 0.25, unit: 'work_hours' });
  }
  step('check_pass', staff.inspector);
  step('close', staff.shiftleader);
  return steps;
}

/** The zone's offset from UTC at `at` (fixed-offset business zones such as Asia/Shanghai). */
function zoneOffsetMs(timeZone: string, at: Date): number {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const local = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'));
  return local - Math.floor(at.getTime() / MINUTE) * MINUTE;
}

/** Local midnight of the day `daysBack` before `now`'s day, in the business zone. */
function localDayStart(calendar: WorkCalendar, now: Date, daysBack: number): number {
  const utcMidnight = Date.parse(`${calendar.localDate(now)}T00:00:00Z`);
  return utcMidnight - zoneOffsetMs(DAYE.timezone, now) - daysBack * DAY;
}

function newCase(ref: Ref, random: Random): { c: Omit<HistoryCase, 'steps'>; shape: Shape } {
  const channel = pickChannel(random);
  const matter = ref.pickMatter(random);
  const condition = matter.conditions.length ? pick(matter.conditions, random) : null;
  const place = pick(ref.places, random);
  // Routed like the 处置责任分解表: the condition's unit, else the street office of the place, else any unit.
  const streetOffice = ref.units.find((u) => u.kind === 'street' && u.regionId === place.streetId);
  const unitId = condition?.unitId ?? streetOffice?.id ?? pick(ref.units, random).id;
  const road = pick(ROADS, random);
  const publicReporter = channel === 'public' || channel === 'hotline' || channel === 'petition';
  const c: Omit<HistoryCase, 'steps'> = {
    channel,
    matter: { code: matter.code, name: matter.name },
    description: `${road}${pick(SPOTS, random)}${matter.name}，${pick(DETAILS, random)}`,
    address: `${road}${1 + Math.floor(random() * 300)}号`,
    place,
    reporterId: null,
    reporterName: publicReporter ? `${pick(SURNAMES, random)}先生` : null,
    reporterPhone: publicReporter ? `139${String(Math.floor(random() * 1e8)).padStart(8, '0')}` : null,
    filing: condition
      ? {
          conditionId: condition.id,
          condition: condition.condition,
          limit: { value: condition.limitValue, unit: condition.limitUnit as LimitUnit },
        }
      : null,
    unitId,
    handlerId: ref.handlers.get(unitId)?.id ?? null,
    inspectorId: ref.staff.inspector.id,
  };
  return { c, shape: shapeOf(channel, random) };
}

/** Keeps the steps that happened before `until`; the case stays in the status the last one left it in. */
function upTo(steps: HistoryStep[], until: number): HistoryStep[] {
  return steps.filter((s) => s.at.getTime() <= until);
}

/**
 * The planned cases: every day's reports over the span, each run forward and cut at `now`; then, so every stage
 * shows in the inboxes whatever the hour, a case or two caught in each open stage right now, and a few handling
 * steps past their deadline.
 */
export function planHistory(ref: Ref, o: { days: number; now: Date; perDay: number; seed: number }): HistoryCase[] {
  const random = rng(o.seed);
  const nowMs = o.now.getTime();
  const until = nowMs - MINUTE;
  const out: HistoryCase[] = [];
  for (let back = o.days; back >= 0; back--) {
    const dayStart = localDayStart(ref.calendar, o.now, back);
    const weekday = new Date(dayStart + 12 * HOUR).getUTCDay();
    const weekend = weekday === 0 || weekday === 6;
    const count = Math.round(o.perDay * (weekend ? 0.45 : 1) * (0.8 + random() * 0.4));
    for (let i = 0; i < count; i++) {
      const at = dayStart + pickHour(random) * HOUR + Math.floor(random() * HOUR);
      if (at > until) continue;
      const { c, shape } = newCase(ref, random);
      const steps = upTo(stepsOf(ref, c, shape, new Date(at), random), until);
      out.push({ ...c, steps });
    }
  }
  // Caught in each open stage now: the steps shifted so the last one (entering the stage) happened minutes ago.
  const stages: [CaseAction | 'report', number][] = [
    ['report', 2],
    ['send_verify', 2],
    ['accept', 2],
    ['file', 2],
    ['dispatch', 3],
    ['approve_suspension', 2],
    ['report_back', 2],
    ['send_check', 2],
    ['check_pass', 2],
  ];
  for (const [action, n] of stages) {
    for (let i = 0; i < n; i++) {
      const { c, shape } = newCase(ref, random);
      const forced: Shape = {
        ...shape,
        selfHandled: false,
        voided: false,
        verified: action === 'send_verify' ? true : action === 'accept' ? false : shape.verified,
        suspend: action === 'approve_suspension',
        rework: false,
        lateHandling: false,
      };
      const all = stepsOf(ref, c, forced, new Date(nowMs - 20 * DAY), random);
      const at = all.findIndex((s) => s.action === action);
      const kept = all.slice(0, at + 1);
      const shift = nowMs - (1 + random() * 7) * MINUTE - kept[kept.length - 1]!.at.getTime();
      out.push({ ...c, steps: kept.map((s) => ({ ...s, at: new Date(s.at.getTime() + shift) })) });
    }
  }
  // Overdue now: handling steps whose deadline passed a few hours to two days ago.
  for (let i = 0; i < 3; i++) {
    const { c, shape } = newCase(ref, random);
    const all = stepsOf(
      ref,
      c,
      { ...shape, selfHandled: false, voided: false, suspend: false, assign: true },
      new Date(nowMs - 30 * DAY),
      random,
    );
    const at = all.findIndex((s) => s.action === 'dispatch');
    const kept = all.slice(0, at + 1);
    const limit = c.filing?.limit ?? { value: 3, unit: 'work_days' };
    // Dispatched early enough that the whole limit and some hours more have gone by.
    let dispatched = nowMs - ref.calendar.limitMs(limit.value, limit.unit) - (4 + random() * 40) * HOUR;
    while (ref.calendar.addLimit(new Date(dispatched), limit.value, limit.unit).getTime() >= nowMs) dispatched -= DAY;
    const shift = dispatched - kept[kept.length - 1]!.at.getTime();
    out.push({ ...c, steps: kept.map((s) => ({ ...s, at: new Date(s.at.getTime() + shift) })) });
  }
  return out.filter((c) => c.steps.length > 0);
}
