/**
 * Synthetic cases for one tenant, in reported-at order, with a valid hash-chained timeline each (the real
 * eventHash), realistic channel / matter / status / region mixes, SLA columns consistent with the status (so an
 * SLA sweep finds nothing to do) and case numbers reserved on the tenant's per-day sequences. Road, spot and
 * reporter names are invented for the bench.
 */
import { v7 as uuidv7 } from 'uuid';
import type { CaseState } from '../../common/domain/case-status.ts';
import type { CaseEventsTable, CasesTable } from '../../server/src/db/schema.ts';
import { DEFAULT_STEP_LIMITS } from '../../server/src/modules/cases/case-sla.ts';
import type { ChainKey } from '../../server/src/platform/chain-keys.ts';
import { CASE_GENESIS, eventRow, type EventInput } from '../../server/src/modules/cases/case-timeline.ts';
import type { CaseReference } from './case-reference.ts';
import {
  limitMs,
  matterPicker,
  OPEN_AGE_MS,
  pathTo,
  pickChannel,
  STATUS_MIX,
  timelineOf,
  type Step,
} from './case-paths.ts';
import { pick, rng, weighted, type Random } from './rng.ts';

const DAY = 86_400_000;
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
  '新街',
  '南山路',
  '桂花路',
  '城北大道',
  '还地桥路',
  '孔雀山路',
];
const SPOTS = [
  '小学门口',
  '菜市场旁',
  '公交站台',
  '小区东门',
  '加油站对面',
  '广场西侧',
  '医院附近',
  '农贸市场',
  '十字路口',
  '商业街',
  '河堤边',
  '公园南门',
  '银行门前',
  '超市后面',
];
const DETAILS = [
  '影响通行',
  '群众反映强烈',
  '已持续多日',
  '存在安全隐患',
  '请尽快处理',
  '面积约2平方米',
  '夜间尤为严重',
  '影响市容',
  '有异味',
  '多名市民投诉',
  '现场已拍照',
  '范围较大',
];
const NAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '周', '吴'];

export interface GenerateOptions {
  count: number;
  /** instants are spread over this many days before `now` */
  spanDays: number;
  now: Date;
  seed: number;
  fullTimeline: boolean;
  /** the key timeline rows are hashed under (the installation's, so audit:verify holds on the loaded data) */
  chainKey: ChainKey;
}

/** Which case is reported when, in what status: fixed before any row is built, so case numbers can be reserved. */
export interface CasePlan {
  statuses: CaseState[];
  times: Float64Array;
  /** case indexes in reported-at order */
  order: Uint32Array;
  /** local day (yyyymmdd) of each case, and how many cases each day gets */
  days: string[];
  perDay: Map<string, number>;
}

export function planCases(ref: CaseReference, o: GenerateOptions): CasePlan {
  const random = rng(o.seed ^ 0x5eed);
  const pickStatus = weighted(
    STATUS_MIX.map(([s]) => s),
    STATUS_MIX.map(([, w]) => w),
  );
  const nowMs = o.now.getTime();
  const dayOf = new Intl.DateTimeFormat('en-CA', {
    timeZone: ref.timezone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  });
  // Statuses first, then each case's report time from its status (open cases are recent), then time order.
  const statuses: CaseState[] = Array.from({ length: o.count }, () => pickStatus(random));
  const times = new Float64Array(o.count);
  for (let i = 0; i < o.count; i++) {
    const window = OPEN_AGE_MS[statuses[i] as CaseState] ?? o.spanDays * DAY;
    times[i] = Math.floor(nowMs - 60_000 - random() * window);
  }
  const order = Uint32Array.from({ length: o.count }, (_, i) => i).sort(
    (a, b) => (times[a] as number) - (times[b] as number),
  );
  const days: string[] = new Array<string>(o.count);
  const perDay = new Map<string, number>();
  let lastDay = '';
  let dayEnd = -Infinity;
  for (const i of order) {
    const t = times[i] as number;
    // In time order the day changes rarely: format again only past the next quarter hour (every zone offset is
    // a multiple of 15 minutes, so a local midnight always falls on one).
    if (t >= dayEnd) {
      lastDay = dayOf.format(t).replace(/-/g, '');
      dayEnd = Math.floor(t / 900_000) * 900_000 + 900_000;
    }
    days[i] = lastDay;
    perDay.set(lastDay, (perDay.get(lastDay) ?? 0) + 1);
  }
  return { statuses, times, order, days, perDay };
}

export interface Batch {
  cases: CasesTable[];
  events: CaseEventsTable[];
}

const between = (random: Random, [lo, hi]: [number, number]) => lo + random() * (hi - lo);

/**
 * Builds the planned cases in batches. `firstSeq` gives, per local day, the first case number reserved for this
 * load (lib/bulk-write.ts reserveSequences), so numbers never collide with cases created meanwhile.
 */
export function* syntheticCases(
  ref: CaseReference,
  o: GenerateOptions,
  plan: CasePlan,
  firstSeq: ReadonlyMap<string, number>,
  batchSize = 5000,
): Generator<Batch> {
  const random = rng(o.seed);
  const pickMatter = matterPicker(ref.matters);
  const nowMs = o.now.getTime();
  const { statuses, times, order, days } = plan;
  const next = new Map(firstSeq);

  let batch: Batch = { cases: [], events: [] };
  for (let k = 0; k < o.count; k++) {
    const i = order[k] as number;
    const reportedMs = Math.floor(times[i] as number);
    const status = statuses[i] as CaseState;
    const channel = pickChannel(random);
    const selfHandled = status === 'closed' && channel === 'inspector' && random() < 0.15;
    const verified = ['public', 'hotline', 'camera', 'sensor', 'petition'].includes(channel) && random() < 0.5;
    const path = pathTo(status, verified, selfHandled);
    const stamps: number[] = [];
    let t = reportedMs;
    for (const step of path) stamps.push((t += between(random, step.gapMs)));
    // A recent open case's steps must not run into the future.
    const overshoot = (stamps[stamps.length - 1] as number) - (nowMs - 30_000);
    if (overshoot > 0)
      for (let s = 0; s < stamps.length; s++) stamps[s] = Math.max(reportedMs, (stamps[s] as number) - overshoot);

    const matter = pickMatter(random);
    const condition = matter.conditions.length ? pick(matter.conditions, random) : null;
    const point = pick(ref.points, random);
    const dispatched = path.some((s) => s.action === 'dispatch');
    const unitId = dispatched ? (condition?.unitId ?? pick(ref.units, random).id) : null;
    const at = (action: string) => {
      const idx = path.findIndex((s) => s.action === action);
      return idx < 0 ? null : new Date(stamps[idx] as number).toISOString();
    };
    const day = days[i] as string;
    const seq = next.get(day);
    if (seq === undefined) throw new Error(`no case numbers reserved for ${day}`);
    next.set(day, seq + 1);
    const caseNo = `${ref.tenantCode}-${day}-${String(seq).padStart(5, '0')}`;
    const place = pick(ROADS, random);
    const description = `${place}${pick(SPOTS, random)}${matter.name}，${pick(DETAILS, random)}${random() < 0.4 ? `，${pick(DETAILS, random)}` : ''}`;
    const address = random() < 0.8 ? `${place}${1 + Math.floor(random() * 300)}号` : null;
    const limit = condition
      ? { value: condition.limitValue, unit: condition.limitUnit }
      : { value: 3, unit: 'work_days' };
    const dispatchedAt = at('dispatch');
    const handlingDeadlineMs = dispatchedAt ? Date.parse(dispatchedAt) + limitMs(limit.value, limit.unit) : null;
    const lastMs = stamps[stamps.length - 1] as number;
    const terminal = status === 'closed' || status === 'voided';
    const lateClose = status === 'closed' && !selfHandled && handlingDeadlineMs !== null && lastMs > handlingDeadlineMs;

    const clock = stepClock(status, lastMs, nowMs, limit, handlingDeadlineMs);
    const id = uuidv7({ msecs: reportedMs });
    const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
    const publicReporter = channel === 'public' || channel === 'hotline' || channel === 'petition';
    const row: CasesTable = {
      id,
      tenant_id: ref.tenantId,
      case_no: caseNo,
      status,
      channel,
      matter_code: matter.code,
      component_code: null,
      description,
      address,
      lng: point.lng,
      lat: point.lat,
      grid_code: point.gridCode,
      community_id: point.communityId,
      street_id: point.streetId,
      reporter_id: reporterOf(ref, channel)?.id ?? null,
      reporter_name: publicReporter ? `${pick(NAMES, random)}先生` : null,
      reporter_phone: publicReporter ? `139${String(Math.floor(random() * 1e8)).padStart(8, '0')}` : null,
      filing_condition_id: at('file') ? (condition?.id ?? null) : null,
      filing_condition: at('file') ? (condition?.condition ?? null) : null,
      handling_limit_value: at('file') ? limit.value : null,
      handling_limit_unit: at('file') ? limit.unit : null,
      unit_id: unitId,
      handler_id: unitId && unitId === ref.handlerUnitId && random() < 0.5 ? ref.users.handler.id : null,
      task_user_id: status === 'verifying' || status === 'checking' ? ref.users.inspector.id : null,
      parent_id: null,
      ...clock,
      handling_deadline:
        status === 'handling' ||
        status === 'reported_back' ||
        status === 'checking' ||
        status === 'pending_close' ||
        status === 'closed'
          ? iso(handlingDeadlineMs)
          : null,
      handling_remaining_ms: status === 'suspended' ? Math.max(0, (handlingDeadlineMs ?? lastMs) - lastMs) : null,
      suspended_until: status === 'suspended' ? iso(Math.max(nowMs + DAY, lastMs + 15 * DAY)) : null,
      overdue: lateClose || (status === 'handling' && clock.step_warned === 'red') ? 1 : 0,
      extension_count: 0,
      suspension_count: status === 'suspended' ? 1 : 0,
      rework_count: 0,
      return_count: 0,
      escalation_count: random() < 0.01 ? 1 : 0,
      self_handled: selfHandled ? 1 : 0,
      pending_request: null,
      close_type: status === 'closed' ? (lateClose ? 'overdue' : 'normal') : null,
      void_reason: status === 'voided' ? pick(['duplicate', 'invalid', 'not_ours'], random) : null,
      reported_at: new Date(reportedMs).toISOString(),
      filed_at: selfHandled ? iso(reportedMs) : at('file'),
      dispatched_at: dispatchedAt,
      closed_at: terminal ? iso(lastMs) : null,
      search_text: '',
      version: path.length,
      created_at: new Date(reportedMs).toISOString(),
      updated_at: iso(lastMs) as string,
    };
    row.search_text = [row.case_no, matter.name, row.description, row.address ?? ''].join(' ');
    batch.cases.push(row);
    appendTimeline(batch.events, ref, row, path, stamps, timelineOf(path, o.fullTimeline), o.chainKey);
    if (batch.cases.length >= batchSize) {
      yield batch;
      batch = { cases: [], events: [] };
    }
  }
  if (batch.cases.length) yield batch;
}

/** Who entered the report: the inspector or leader themselves; an operator for calls, petitions and walk-ins. */
function reporterOf(ref: CaseReference, channel: string): { id: string; name: string; role: string } | null {
  if (channel === 'inspector') return { ...ref.users.inspector, role: 'inspector' };
  if (channel === 'leader') return { ...ref.users.leader, role: 'leader' };
  if (channel === 'operator' || channel === 'hotline' || channel === 'petition')
    return { ...ref.users.operator, role: 'operator' };
  return null;
}

/** The SLA columns of the current step: deadline from the step limit, warnings already raised when due. */
function stepClock(
  status: CaseState,
  startMs: number,
  nowMs: number,
  handling: { value: number; unit: string },
  handlingDeadlineMs: number | null,
) {
  const none = {
    step_limit_value: null,
    step_limit_unit: null,
    step_started_at: null,
    step_deadline: null,
    step_warn_at: null,
    step_warned: null,
  };
  if (status === 'closed' || status === 'voided' || status === 'suspended') return none;
  const limit = status === 'handling' ? handling : (DEFAULT_STEP_LIMITS[status] ?? { value: 0.5, unit: 'work_hours' });
  const deadline =
    status === 'handling' && handlingDeadlineMs !== null
      ? handlingDeadlineMs
      : startMs + limitMs(limit.value, limit.unit);
  const warn = startMs + 0.8 * (deadline - startMs);
  return {
    step_limit_value: limit.value,
    step_limit_unit: limit.unit,
    step_started_at: new Date(startMs).toISOString(),
    step_deadline: new Date(deadline).toISOString(),
    step_warn_at: new Date(warn).toISOString(),
    step_warned: deadline <= nowMs ? 'red' : warn <= nowMs ? 'yellow' : null,
  };
}

const ROLE_OF: Record<Step['actor'], string | null> = {
  reporter: null,
  operator: 'operator',
  shiftleader: 'shiftLeader',
  dispatcher: 'dispatcher',
  handler: 'unitHandler',
  inspector: 'inspector',
  system: 'system',
};

function appendTimeline(
  out: CaseEventsTable[],
  ref: CaseReference,
  c: CasesTable,
  path: readonly Step[],
  stamps: readonly number[],
  kept: readonly Step[],
  key: ChainKey,
) {
  let prev = CASE_GENESIS;
  kept.forEach((step, index) => {
    const seq = index + 1;
    const who =
      step.actor === 'reporter'
        ? reporterOf(ref, c.channel)
        : step.actor === 'system'
          ? null
          : { id: ref.users[step.actor].id, name: ref.users[step.actor].name, role: ROLE_OF[step.actor] };
    const e: EventInput = {
      tenantId: c.tenant_id,
      caseId: c.id,
      at: new Date(stamps[path.indexOf(step)] as number).toISOString(),
      actorId: who?.id ?? null,
      actorName: who?.name ?? null,
      actorRole: who?.role ?? null,
      action: step.action,
      fromStatus: step.from,
      toStatus: step.to,
      note: step.action === 'void' ? '重复上报' : null,
      data:
        step.action === 'report' || step.action === 'self_handle'
          ? { channel: c.channel, photos: [] }
          : step.action === 'dispatch'
            ? { unitId: c.unit_id }
            : null,
    };
    const row = eventRow(e, seq, prev, key, uuidv7({ msecs: Date.parse(e.at) }));
    out.push(row);
    prev = row.hash;
  });
}
