/**
 * A living demo city: about three months of synthetic cases for 大冶市, loaded once after the demo seed on the first
 * start (DEMO_HISTORY, docs/demo-city.md "History"). The history is made to look like a normal bureau's: cases
 * arrive in working hours, most steps finish inside their limits, a few handling steps run late (closed 超期, or
 * overdue now), some cases are sent back for rework after 核查, a few are suspended, each handling unit has its own
 * handler, and the open cases sit in every stage. Times are relative to `now` (the real time at seed), never after it.
 *
 * The seed sits above the modules: it reads through their seed functions, writes cases through the cases module's
 * bulk loader, and files the hotline orders and the approvals waiting through the services (with a clock it sets).
 */
import type { CaseAction } from '../../../common/domain/case-status.ts';
import type { CaseChannel } from '../../../common/domain/case-channels.ts';
import type { HotlineSource } from '../../../common/contracts/hotline.ts';
import type { WorkCalendar, LimitUnit } from '../../../common/domain/work-calendar.ts';
import type { Services } from '../composition.ts';
import type { ChainKey } from '../platform/chain-keys.ts';
import type { FixedClock } from '../platform/clock.ts';
import type { Database } from '../platform/db.ts';
import { refreshStatistics } from '../platform/db-statistics.ts';
import { hashPassword } from '../modules/auth/index.ts';
import { seededMatters } from '../modules/catalog/index.ts';
import { loadCaseHistory, type HistoryActor, type HistoryCase, type HistoryStep } from '../modules/cases/index.ts';
import { seededPlaces, type SeededPlace } from '../modules/geo/index.ts';
import { seededAccounts, seededDirectory, seededTenantId, seedUser } from '../modules/org/index.ts';
import { DAYE, DEMO_PASSWORD } from './daye-org.ts';

export interface DemoHistoryOptions {
  /** how many days back the history reaches */
  days: number;
  /** the frozen "now": nothing happens after it */
  now: Date;
  /** cases reported on an average working day */
  perDay?: number;
  seed?: number;
  /** the installation's timeline key, so `npm run audit:verify` holds on the loaded history */
  chainKey: ChainKey;
}

export interface DemoHistoryResult {
  cases: number;
  events: number;
  hotlineOrders: number;
  approvalsWaiting: number;
  accounts: number;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

type Random = () => number;

/** mulberry32: the same seed gives the same city every time. */
function rng(seed: number): Random {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function weighted<T>(items: readonly T[], weights: readonly number[]): (random: Random) => T {
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

const pick = <T>(items: readonly T[], random: Random): T => items[Math.floor(random() * items.length)]!;

/** Inspectors find most cases; the 12345 hotline and citizens follow; machines are rising. */
const pickChannel = weighted<CaseChannel>(
  ['inspector', 'hotline', 'public', 'operator', 'leader', 'camera', 'sensor', 'petition'],
  [0.55, 0.18, 0.08, 0.05, 0.02, 0.07, 0.03, 0.02],
);
/** The everyday street problems come first (暴露垃圾, 店外经营, 乱停放, 小广告, 井盖 …). */
const HOT = /垃圾|店外|乱停|小广告|乱堆|占道|道路破损|晾挂|私搭|渣土|井盖/;
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
const SURNAMES = [
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

interface Ref {
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

/** One 处置人员 and one 负责人 per handling unit, where the demo accounts have none (all share the demo password). */
async function unitStaff(database: Database, clock: FixedClock, tenantId: string) {
  const { db } = database;
  const { units } = await seededDirectory(db, tenantId);
  const handling = units.filter((u) => u.kind !== 'bureau');
  let accounts = await seededAccounts(db, tenantId);
  const byUnit = (role: 'handler' | 'manager', unitId: string) =>
    accounts.find(
      (a) =>
        a.unit_id === unitId &&
        (role === 'handler' ? /^handler/.test(a.username) : /^(unitmanager|manager)/.test(a.username)),
    );
  let added = 0;
  let hash: string | null = null;
  for (const [i, u] of handling.entries()) {
    for (const role of ['handler', 'manager'] as const) {
      if (byUnit(role, u.id)) continue;
      hash ??= await hashPassword(DEMO_PASSWORD);
      const surname = SURNAMES[(i * 2 + (role === 'manager' ? 1 : 0)) % SURNAMES.length]!;
      await seedUser(db, tenantId, clock, {
        username: `${role}.${u.code.toLowerCase()}`,
        displayName: role === 'handler' ? `${surname}师傅（${u.name}）` : `${surname}主任（${u.name}）`,
        phone: '13800000000',
        passwordHash: hash,
        unitId: u.id,
        role: role === 'handler' ? 'unitHandler' : 'unitManager',
        unitBound: true,
      });
      added += 1;
    }
  }
  accounts = await seededAccounts(db, tenantId);
  const actor = (a: { id: string; display_name: string }, role: string): HistoryActor => ({
    id: a.id,
    name: a.display_name,
    role,
  });
  const handlers = new Map<string, HistoryActor>();
  const managers = new Map<string, HistoryActor>();
  for (const u of handling) {
    const h = byUnit('handler', u.id);
    const m = byUnit('manager', u.id);
    if (h) handlers.set(u.id, actor(h, 'unitHandler'));
    if (m) managers.set(u.id, actor(m, 'unitManager'));
  }
  const named = (username: string, role: string) => {
    const a = accounts.find((x) => x.username === username);
    if (!a) throw new Error(`demo account ${username} is missing`);
    return actor(a, role);
  };
  return {
    added,
    units: handling.map((u) => ({ id: u.id, kind: u.kind, regionId: u.region_id })),
    handlers,
    managers,
    staff: {
      inspector: named('inspector', 'inspector'),
      operator: named('operator', 'operator'),
      shiftleader: named('shiftleader', 'shiftLeader'),
      dispatcher: named('dispatcher', 'dispatcher'),
      leader: named('leader', 'leader'),
    },
  };
}

const HOTLINE_ORDERS: {
  source: HotlineSource;
  content: string;
  address: string;
  hoursAgo: number;
  to: 'pending' | 'signed' | 'converted';
}[] = [
  {
    source: '12345',
    content: '市民来电反映：小区门口垃圾堆放多日无人清运，气味很大。',
    address: '湛月路88号',
    hoursAgo: 0.3,
    to: 'pending',
  },
  {
    source: '12345',
    content: '来电反映：人行道上有井盖缺失，夜间行人容易踩空。',
    address: '新冶大道216号',
    hoursAgo: 0.8,
    to: 'pending',
  },
  {
    source: 'minqingtong',
    content: '民情通：商户占道经营，烧烤摊占用人行道。',
    address: '东岳路菜市场旁',
    hoursAgo: 3,
    to: 'signed',
  },
  {
    source: '12345',
    content: '来电反映：路灯不亮已一周，请尽快维修。',
    address: '金湖大道西段',
    hoursAgo: 20,
    to: 'signed',
  },
  {
    source: '12345',
    content: '来电反映：道路破损积水，车辆经过溅水。',
    address: '罗桥路56号',
    hoursAgo: 5,
    to: 'converted',
  },
  {
    source: 'petition',
    content: '信访件：小广告张贴严重，多次反映未解决。',
    address: '人民大道公交站台',
    hoursAgo: 26,
    to: 'converted',
  },
  {
    source: '12345',
    content: '来电反映：绿化带树木倒伏，影响通行。',
    address: '华夏路公园南门',
    hoursAgo: 29,
    to: 'converted',
  },
  {
    source: 'minqingtong',
    content: '民情通：建筑渣土沿路撒漏。',
    address: '铜都大道十字路口',
    hoursAgo: 49,
    to: 'converted',
  },
];

/** A few hotline work orders received through the webhook, some signed, some turned into cases. */
async function hotlineOrders(services: Services, clock: FixedClock, ref: Ref, tenantId: string, now: Date) {
  const operator = await services.auth.actorFor(tenantId, ref.staff.operator.id, 'demo-history');
  if (!operator) return 0;
  const random = rng(7);
  let n = 0;
  for (const [i, o] of HOTLINE_ORDERS.entries()) {
    const received = new Date(now.getTime() - o.hoursAgo * HOUR);
    clock.set(received);
    const externalNo = `DY${received.toISOString().slice(0, 10).replace(/-/g, '')}${String(101 + i)}`;
    const { body } = await services.hotline.webhook(
      tenantId,
      o.source,
      {
        externalNo,
        content: o.content,
        address: o.address,
        requesterName: `${pick(SURNAMES, random)}女士`,
        requesterPhone: `137${String(Math.floor(random() * 1e8)).padStart(8, '0')}`,
      },
      null,
    );
    n += 1;
    if (o.to === 'pending') continue;
    clock.set(new Date(received.getTime() + 20 * MINUTE));
    const signed = await services.hotline.sign(operator, body.id, { version: 1 });
    if (o.to === 'signed') continue;
    clock.set(new Date(received.getTime() + 35 * MINUTE));
    const matter = ref.pickMatter(random);
    const condition = matter.conditions[0]!;
    const place = pick(ref.places, random);
    const converted = await services.hotline.convert(operator, body.id, {
      version: signed.version,
      matterCode: matter.code,
      lng: place.lng,
      lat: place.lat,
    });
    // The case it became goes on like any other: accepted, filed and dispatched within the hour.
    if (!converted.caseId) continue;
    let version = 1;
    const steps: [HistoryActor, Parameters<Services['cases']['transition']>[2]][] = [
      [ref.staff.operator, { action: 'accept', version }],
      [ref.staff.shiftleader, { action: 'file', version, filingConditionId: condition.id }],
      [ref.staff.dispatcher, { action: 'dispatch', version, unitId: condition.unitId ?? ref.units[0]!.id }],
    ];
    let at = received.getTime() + 35 * MINUTE;
    for (const [who, body] of steps) {
      at += 8 * MINUTE;
      clock.set(new Date(at));
      const actor = await services.auth.actorFor(tenantId, who.id, 'demo-history');
      if (!actor) break;
      version = (await services.cases.transition(actor, converted.caseId, { ...body, version })).version;
    }
  }
  clock.set(now);
  return n;
}

/** 延期 requests of the sanitation unit's handler, waiting for the dispatcher or shift leader to decide. */
async function approvalsWaiting(services: Services, clock: FixedClock, ref: Ref, tenantId: string, now: Date) {
  clock.set(now);
  let n = 0;
  for (const [unitId, h] of ref.handlers) {
    if (n >= 3) break;
    const actor = await services.auth.actorFor(tenantId, h.id, 'demo-history');
    if (!actor) continue;
    const page = await services.cases.list(actor, { inbox: 'handling', unitId, pageSize: 5, page: 1 });
    const target = page.items.find((c) => !c.pendingRequest && c.sla.level !== 'red');
    if (!target) continue;
    await services.cases.transition(actor, target.id, {
      action: 'request_extension',
      version: target.version,
      note: '涉及管线迁改，需协调供电部门，申请延期',
      amountValue: 2,
      amountUnit: 'work_days',
    });
    n += 1;
  }
  return n;
}

/**
 * Loads the history into the demo tenant. Runs once, right after the demo city is seeded (a restart finds the
 * tenant and seeds nothing), unless DEMO_HISTORY=0.
 */
export async function loadDemoHistory(
  database: Database,
  services: Services,
  clock: FixedClock,
  o: DemoHistoryOptions,
): Promise<DemoHistoryResult> {
  const { db } = database;
  const tenantId = await seededTenantId(db, DAYE.code);
  if (!tenantId) throw new Error('seed the demo city before its history');
  clock.set(o.now);
  const random = rng((o.seed ?? 1) ^ 0x5eed);
  const staff = await unitStaff(database, clock, tenantId);
  const matters = (await seededMatters(db, tenantId)).filter((m) => m.conditions.length > 0);
  const tier = (m: { code: string; name: string }) => (HOT.test(m.name) ? 0 : Number(m.code.slice(0, 2)) >= 6 ? 1 : 2);
  const order = matters
    .map((m) => ({ m, k: tier(m) + random() }))
    .sort((a, b) => a.k - b.k)
    .map((x) => x.m);
  const ref: Ref = {
    calendar: await services.calendar.forTenant(tenantId),
    matters,
    pickMatter: weighted(
      order,
      order.map((_, rank) => 1 / Math.pow(rank + 1, 0.9)),
    ),
    places: await seededPlaces(db, tenantId, 3000, random),
    ...staff,
  };
  if (!ref.places.length || !ref.matters.length) throw new Error('the demo city has no grids or filing conditions');
  const planned = planHistory(ref, { days: o.days, now: o.now, perDay: o.perDay ?? 40, seed: o.seed ?? 1 });
  const loaded = await loadCaseHistory(database, { id: tenantId, code: DAYE.code }, ref.calendar, o.chainKey, planned);
  const hotline = await hotlineOrders(services, clock, ref, tenantId, o.now);
  const approvals = await approvalsWaiting(services, clock, ref, tenantId, o.now);
  // The KPI queue the database triggers filled is drained by the server's scheduled job within seconds of start.
  await refreshStatistics(db);
  return { ...loaded, hotlineOrders: hotline, approvalsWaiting: approvals, accounts: staff.added };
}
