import {
  KPI_COUNTERS,
  REPORT_DAY_COUNTERS,
  zeroCounts,
  type KpiCounter,
  type KpiCounts,
} from '../../../../common/domain/kpi.ts';

/**
 * What one case contributes to the assessment (pure; docs/standards.md, "KPI indicators", one line each below).
 * A step is late when the SLA sweep raised a red warning for it (red = 超时: docs/standards.md, "Time limits"); a
 * task that is late and still open counts in its 应… denominator, a task still within its limit does not count yet
 * (not yet due).
 * Posts come from the timeline actors: the last actor of each step when a step repeats (rework, re-dispatch).
 */
export interface FactCase {
  id: string;
  tenant_id: string;
  status: string;
  channel: string;
  matter_code: string;
  street_id: string | null;
  community_id: string | null;
  grid_code: string | null;
  unit_id: string | null;
  reporter_id: string | null;
  task_user_id: string | null;
  step_warned: string | null;
  overdue: number;
  extension_count: number;
  suspension_count: number;
  rework_count: number;
  return_count: number;
  escalation_count: number;
  self_handled: number;
  close_type: string | null;
  reported_at: string;
  filed_at: string | null;
  satisfaction?: string | null;
  reopen_count?: number;
  component_code?: string | null;
  lng?: number | null;
  lat?: number | null;
}
export interface FactEvent {
  action: string;
  actor_id: string | null;
  at: string;
  from_status: string | null;
  to_status: string | null;
}

export const USER_ROLES = [
  'reporter',
  'acceptor',
  'verifier',
  'filer',
  'dispatcher',
  'checkSender',
  'checker',
  'closer',
] as const;
export type FactUserRole = (typeof USER_ROLES)[number];

export interface Fact {
  caseId: string;
  tenantId: string;
  reportDay: string;
  filedDay: string | null;
  streetId: string | null;
  communityId: string | null;
  gridCode: string | null;
  unitId: string | null;
  channel: string;
  majorCode: string;
  /** what analysis groups by (docs/analysis.md): null on facts written before these were kept */
  matterCode: string | null;
  /** local hour of the report, '00'–'23' */
  reportHour: string | null;
  componentCode: string | null;
  /** the component's major + minor class (GB/T 47678.5: digits 7–11 of the 17-digit id) */
  componentType: string | null;
  lng: number | null;
  lat: number | null;
  users: Record<FactUserRole, string | null>;
  counts: KpiCounts;
}

/** Counters each post earns from a case (the post formulas of docs/standards.md, "KPI weights"). */
export const USER_COUNTERS: Record<FactUserRole, readonly KpiCounter[]> = {
  reporter: ['reported', 'inspectorReported', 'validReported', 'selfHandled'],
  acceptor: ['accepted', 'verifySent', 'verifySentOnTime'],
  verifier: ['needVerify', 'verifiedOnTime'],
  filer: ['filed', 'filedOnTime', 'filedVoided'],
  dispatcher: ['needDispatch', 'dispatched', 'dispatchedOnTime', 'returned'],
  checkSender: ['checkSent', 'checkSentOnTime'],
  checker: ['needCheck', 'checkedOnTime'],
  closer: ['closeSteps', 'closeStepsOnTime'],
};

/**
 * Counters that add up occurrences or hours, not cases: a case adds one per dispatch, return or check, and its
 * handling hours. Every other counter is 0 or 1 per case (computeFact below), so its roll-up sum is the number of cases
 * behind it. A drill-down takes its total from the roll-up only for those; for these it counts the cases.
 */
export const PER_OCCURRENCE_COUNTERS: readonly KpiCounter[] = [
  'needDispatch',
  'dispatched',
  'dispatchedOnTime',
  'returned',
  'checkSent',
  'checkSentOnTime',
  'needCheck',
  'checkedOnTime',
  'handlingHours',
];
export const isCaseCounter = (k: KpiCounter) => !PER_OCCURRENCE_COUNTERS.includes(k);

const PUBLIC_CHANNELS = ['public', 'hotline', 'petition'];

/** The 5-digit class (major 2 + minor 3) inside a 17-digit component id (docs/standards.md, "Identifier formats"). */
export function componentTypeOf(code: string | null): string | null {
  return code && /^\d{17}$/.test(code) ? code.slice(6, 11) : null;
}
const HOUR = 3_600_000;

export function computeFact(
  c: FactCase,
  events: readonly FactEvent[],
  redByStatus: ReadonlyMap<string, number>,
  majorCode: string,
  localDay: (iso: string) => string,
  localHour: (iso: string) => string = () => '',
): Fact {
  const n = zeroCounts();
  const red = (status: string) => redByStatus.get(status) ?? 0;
  // one pass over the timeline: how often each action happened and its last occurrence
  const times = new Map<string, number>();
  const lastOf = new Map<string, FactEvent>();
  for (const e of events) {
    times.set(e.action, (times.get(e.action) ?? 0) + 1);
    lastOf.set(e.action, e);
  }
  const last = (...actions: string[]) => {
    let found: FactEvent | null = null;
    for (const a of actions) {
      const e = lastOf.get(a);
      if (e && (!found || events.indexOf(e) > events.indexOf(found))) found = e;
    }
    return found;
  };
  const count = (...actions: string[]) => actions.reduce((n, a) => n + (times.get(a) ?? 0), 0);
  const openLate = (status: string) => (c.status === status && c.step_warned === 'red' ? 1 : 0);
  const filed = c.filed_at !== null;
  const dispatchedOnce = count('dispatch') > 0;

  // — report day —
  n.reported = 1; // 上报数
  n.inspectorReported = c.channel === 'inspector' ? 1 : 0; // 监督员上报数
  n.validReported = filed ? 1 : 0; // 有效上报数: 上报数中经审核立案的
  n.publicReported = PUBLIC_CHANNELS.includes(c.channel) ? 1 : 0; // 公众举报数
  n.selfHandled = c.self_handled ? 1 : 0; // 自行处置数
  n.voided = c.status === 'voided' ? 1 : 0; // 作废数
  n.escalated = c.escalation_count > 0 ? 1 : 0; // 督办数
  const acceptEvent =
    events.find(
      (e) =>
        e.action === 'accept' || e.action === 'send_verify' || (e.action === 'void' && e.from_status === 'reported'),
    ) ?? null;
  n.accepted = acceptEvent ? 1 : 0; // 受理数
  n.verifySent = count('send_verify') > 0 ? 1 : 0; // 应发核实数
  n.verifySentOnTime = n.verifySent && red('reported') === 0 ? 1 : 0; // 按时发核实数
  const verifyEvent =
    last('verify') ?? events.find((e) => e.action === 'void' && e.from_status === 'verifying') ?? null;
  n.needVerify = verifyEvent ? 1 : openLate('verifying'); // 应核实数
  n.verifiedOnTime = verifyEvent && red('verifying') === 0 ? 1 : 0; // 按时核实数

  // — filing day (立案 cohort) —
  if (filed) {
    n.filed = 1; // 立案数
    n.filedOnTime = red('pending_filing') === 0 ? 1 : 0; // 按时立案数
    n.filedVoided = c.status === 'voided' || count('reclassify') > 0 ? 1 : 0; // 错误立案: voided or re-classified after filing
    n.missed = PUBLIC_CHANNELS.includes(c.channel) ? 1 : 0; // 漏报数 = 核实属实的公众举报
    n.dispatched = count('dispatch'); // 派遣数
    n.needDispatch = n.dispatched + openLate('pending_dispatch'); // 应派遣数
    n.dispatchedOnTime = Math.max(0, n.dispatched - (red('pending_dispatch') - openLate('pending_dispatch'))); // 按时派遣数
    n.returned = c.return_count; // 回退数
    const reportBacks = events.filter((e) => e.action === 'report_back');
    n.handled = reportBacks.length > 0 ? 1 : 0; // 处置数
    n.needHandle = dispatchedOnce ? (n.handled || (c.status === 'handling' && c.overdue === 1) ? 1 : 0) : 0; // 应处置数
    n.handledOnTime = n.handled && c.overdue === 0 ? 1 : 0; // 按期处置数
    n.overdue = dispatchedOnce && c.overdue === 1 ? 1 : 0; // 超期数
    n.extended = c.extension_count > 0 ? 1 : 0; // 延期数
    n.suspended = c.suspension_count > 0 ? 1 : 0; // 挂账数
    n.suspendedOpen = c.status === 'suspended' ? 1 : 0; // 缓办 (still suspended)
    n.reworked = c.rework_count > 0 ? 1 : 0; // 返工数
    n.checkSent = count('send_check'); // 应发核查数
    n.checkSentOnTime = Math.max(0, n.checkSent - (red('reported_back') - openLate('reported_back'))); // 按时发核查数
    const checks = count('check_pass', 'check_fail');
    n.needCheck = checks + openLate('checking'); // 应核查数
    n.checkedOnTime = Math.max(0, checks - (red('checking') - openLate('checking'))); // 按时核查数
    const closed = c.status === 'closed';
    n.closed = closed ? 1 : 0; // 结案数
    n.needClose = closed || c.overdue === 1 ? 1 : 0; // 应结案数: closed, or overdue and open
    n.closedOnTime = closed && c.overdue === 0 && c.close_type !== 'overdue' ? 1 : 0; // 按期结案数
    n.closeSteps = count('close') > 0 && closed ? 1 : 0; // 值班长 结案
    n.closeStepsOnTime = n.closeSteps && red('pending_close') === 0 ? 1 : 0;
    n.rated = c.satisfaction ? 1 : 0; // 回访数
    n.satisfied = c.satisfaction === 'satisfied' || c.satisfaction === 'basically_satisfied' ? 1 : 0; // 满意数
    n.reopened = (c.reopen_count ?? 0) > 0 ? 1 : 0;
    const firstDispatch = events.find((e) => e.action === 'dispatch');
    const lastBack = reportBacks[reportBacks.length - 1];
    if (firstDispatch && lastBack) {
      n.handlingHours = Math.round(((Date.parse(lastBack.at) - Date.parse(firstDispatch.at)) / HOUR) * 100) / 100; // 处置时长
      n.handlingTimed = 1;
    }
  }

  const actor = (e: FactEvent | null) => e?.actor_id ?? null;
  const internal = ['inspector', 'operator', 'leader'].includes(c.channel);
  return {
    caseId: c.id,
    tenantId: c.tenant_id,
    reportDay: localDay(c.reported_at),
    filedDay: filed ? localDay(c.filed_at as string) : null,
    streetId: c.street_id,
    communityId: c.community_id,
    gridCode: c.grid_code,
    unitId: c.unit_id,
    channel: c.channel,
    majorCode,
    matterCode: c.matter_code,
    reportHour: localHour(c.reported_at) || null,
    componentCode: c.component_code ?? null,
    componentType: componentTypeOf(c.component_code ?? null),
    lng: c.lng ?? null,
    lat: c.lat ?? null,
    users: {
      reporter: internal ? c.reporter_id : null,
      acceptor: actor(acceptEvent),
      verifier: actor(verifyEvent) ?? (c.status === 'verifying' ? c.task_user_id : null),
      filer: actor(last('file')),
      dispatcher: actor(last('dispatch')),
      checkSender: actor(last('send_check')),
      checker: actor(last('check_pass', 'check_fail')) ?? (c.status === 'checking' ? c.task_user_id : null),
      closer: actor(last('close')),
    },
    counts: n,
  };
}

/** The dimensions a fact adds to: the tenant, its regions, unit, channel, major class, and each post's user. */
export type Contributions = Map<string, Partial<Record<KpiCounter, number>>>;
const SEP = '\u0001';
export const contributionKey = (dim: string, dimId: string, day: string) => `${dim}${SEP}${dimId}${SEP}${day}`;
export const parseContributionKey = (key: string) => {
  const [dim, dimId, day] = key.split(SEP) as [string, string, string];
  return { dim, dimId, day };
};

/** The roll-up dimension of filed cases per (grid, staff reporter); its member id joins the two with a slash. */
export const GRID_REPORTER_DIM = 'grid_reporter';
export const gridReporterId = (gridCode: string, userId: string) => `${gridCode}/${userId}`;

export function contributions(f: Fact): Contributions {
  const out: Contributions = new Map();
  const add = (dim: string, dimId: string | null, day: string | null, counters: readonly KpiCounter[]) => {
    if (dimId === null || day === null) return;
    const key = contributionKey(dim, dimId, day);
    const acc = out.get(key) ?? {};
    for (const k of counters) if (f.counts[k] !== 0) acc[k] = (acc[k] ?? 0) + f.counts[k];
    if (Object.keys(acc).length) out.set(key, acc);
  };
  const reportSide = REPORT_DAY_COUNTERS;
  const filedSide = KPI_COUNTERS.filter((k) => !REPORT_DAY_COUNTERS.includes(k));
  const entities: [string, string | null][] = [
    ['all', ''],
    ['street', f.streetId],
    ['community', f.communityId],
    ['grid', f.gridCode],
    ['unit', f.unitId],
    ['channel', f.channel],
    ['major', f.majorCode],
  ];
  for (const [dim, id] of entities) {
    add(dim, id, f.reportDay, reportSide);
    add(dim, id, f.filedDay, filedSide);
  }
  // Analysis dimensions count cases as reported (docs/analysis.md): report-day counters only, which keeps them small.
  const analysed: [string, string | null][] = [
    ['matter', f.matterCode],
    ['hour', f.reportHour],
    ['ctype', f.componentType],
  ];
  for (const [dim, id] of analysed) add(dim, id, f.reportDay, reportSide);
  // A filed case in a grid, per staff reporter: the responsible inspector's own finds, subtracted from the grid's
  // 立案数 to give the per-inspector 漏报 (docs/monitor.md, "Per-inspector 漏报").
  if (f.gridCode && f.users.reporter)
    add(GRID_REPORTER_DIM, gridReporterId(f.gridCode, f.users.reporter), f.filedDay, ['filed']);
  for (const role of USER_ROLES) {
    const counters = USER_COUNTERS[role];
    add(
      'user',
      f.users[role],
      f.reportDay,
      counters.filter((k) => reportSide.includes(k)),
    );
    add(
      'user',
      f.users[role],
      f.filedDay,
      counters.filter((k) => !reportSide.includes(k)),
    );
  }
  return out;
}

/** new − old, per key and counter, zeros left out. */
export function diffContributions(
  oldC: Contributions,
  newC: Contributions,
  into: Contributions = new Map(),
): Contributions {
  const bump = (key: string, k: KpiCounter, v: number) => {
    if (v === 0) return;
    const acc = into.get(key) ?? {};
    acc[k] = (acc[k] ?? 0) + v;
    into.set(key, acc);
  };
  for (const [key, acc] of newC) for (const [k, v] of Object.entries(acc)) bump(key, k as KpiCounter, v);
  for (const [key, acc] of oldC) for (const [k, v] of Object.entries(acc)) bump(key, k as KpiCounter, -v);
  return into;
}

/** Drops counters that netted to zero and keys left empty (an unchanged case writes nothing). */
export function pruned(c: Contributions): Contributions {
  for (const [key, acc] of c) {
    for (const [k, v] of Object.entries(acc)) if (Math.abs(v) < 1e-9) delete acc[k as KpiCounter];
    if (!Object.keys(acc).length) c.delete(key);
  }
  return c;
}
