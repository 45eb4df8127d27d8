/**
 * The realistic mixes of the synthetic case load: how a case's status, channel and matter are distributed, and the
 * lifecycle path (docs/standards.md, "Workflow stages and roles") that leads to each status, one timeline row per step.
 */
import type { CaseState } from '../../common/domain/case-status.ts';
import type { CaseChannel } from '../../common/domain/case-channels.ts';
import type { MatterRef } from './case-reference.ts';
import { weighted, rng, type Random } from './rng.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * A bureau years into the platform: most cases closed, a working backlog open. The open share (≈ 9 %) is set high
 * on purpose, so every inbox holds thousands of rows at 1e6 cases and the inbox queries are not flattered.
 */
export const STATUS_MIX: readonly [CaseState, number][] = [
  ['closed', 0.86],
  ['voided', 0.05],
  ['reported', 0.006],
  ['verifying', 0.004],
  ['pending_filing', 0.005],
  ['pending_dispatch', 0.01],
  ['handling', 0.045],
  ['suspended', 0.004],
  ['reported_back', 0.006],
  ['checking', 0.005],
  ['pending_close', 0.005],
];

/** How far back an open case of each status was reported (terminal cases spread over the whole span). */
export const OPEN_AGE_MS: Partial<Record<CaseState, number>> = {
  reported: 2 * DAY,
  verifying: 3 * DAY,
  pending_filing: 3 * DAY,
  pending_dispatch: 3 * DAY,
  handling: 30 * DAY,
  suspended: 60 * DAY,
  reported_back: 5 * DAY,
  checking: 5 * DAY,
  pending_close: 5 * DAY,
};

/** Inspectors find most cases; the 12345 hotline and citizens follow; machines (cameras, sensors) are rising. */
export const pickChannel = weighted<CaseChannel>(
  ['inspector', 'hotline', 'public', 'operator', 'leader', 'camera', 'sensor', 'petition'],
  [0.55, 0.18, 0.08, 0.05, 0.02, 0.07, 0.03, 0.02],
);

const HOT = /垃圾|店外|乱停|小广告|乱堆|占道|道路破损|晾挂|私搭|渣土|井盖/;

/**
 * A skewed matter mix: the everyday street problems (暴露垃圾, 店外经营, 乱停放, 小广告, 井盖 …) first, then the other
 * events (majors 06–10), then the long tail of component anomalies; weight ∝ 1 / rank^0.8.
 */
export function matterPicker(matters: readonly MatterRef[]): (random: Random) => MatterRef {
  const shuffle = rng(3);
  const tier = (m: MatterRef) => (HOT.test(m.name) ? 0 : Number(m.code.slice(0, 2)) >= 6 ? 1 : 2);
  const order = matters
    .map((m) => ({ m, k: tier(m) + shuffle() }))
    .sort((a, b) => a.k - b.k)
    .map((x) => x.m);
  return weighted(
    order,
    order.map((_, rank) => 1 / Math.pow(rank + 1, 0.8)),
  );
}

export interface Step {
  action: string;
  from: CaseState | null;
  to: CaseState;
  actor: 'reporter' | 'operator' | 'shiftleader' | 'dispatcher' | 'handler' | 'inspector' | 'system';
  /** typical time after the previous step */
  gapMs: [number, number];
}

const REPORT: Step = { action: 'report', from: null, to: 'reported', actor: 'reporter', gapMs: [0, 0] };
const ACCEPT: Step = {
  action: 'accept',
  from: 'reported',
  to: 'pending_filing',
  actor: 'operator',
  gapMs: [2 * 60_000, 20 * 60_000],
};
const SEND_VERIFY: Step = {
  action: 'send_verify',
  from: 'reported',
  to: 'verifying',
  actor: 'operator',
  gapMs: [5 * 60_000, 30 * 60_000],
};
const VERIFY: Step = {
  action: 'verify',
  from: 'verifying',
  to: 'pending_filing',
  actor: 'inspector',
  gapMs: [10 * 60_000, HOUR],
};
const FILE: Step = {
  action: 'file',
  from: 'pending_filing',
  to: 'pending_dispatch',
  actor: 'shiftleader',
  gapMs: [5 * 60_000, 40 * 60_000],
};
const DISPATCH: Step = {
  action: 'dispatch',
  from: 'pending_dispatch',
  to: 'handling',
  actor: 'dispatcher',
  gapMs: [3 * 60_000, 20 * 60_000],
};
const SUSPEND: Step = {
  action: 'approve_suspension',
  from: 'handling',
  to: 'suspended',
  actor: 'shiftleader',
  gapMs: [HOUR, 2 * DAY],
};
const REPORT_BACK: Step = {
  action: 'report_back',
  from: 'handling',
  to: 'reported_back',
  actor: 'handler',
  gapMs: [HOUR, 4 * DAY],
};
const SEND_CHECK: Step = {
  action: 'send_check',
  from: 'reported_back',
  to: 'checking',
  actor: 'operator',
  gapMs: [5 * 60_000, HOUR],
};
const CHECK_PASS: Step = {
  action: 'check_pass',
  from: 'checking',
  to: 'pending_close',
  actor: 'inspector',
  gapMs: [20 * 60_000, 3 * HOUR],
};
const CLOSE: Step = {
  action: 'close',
  from: 'pending_close',
  to: 'closed',
  actor: 'shiftleader',
  gapMs: [10 * 60_000, 2 * HOUR],
};
const VOID: Step = { action: 'void', from: 'reported', to: 'voided', actor: 'operator', gapMs: [5 * 60_000, HOUR] };
const SELF_HANDLE: Step = { action: 'self_handle', from: null, to: 'closed', actor: 'reporter', gapMs: [0, 0] };

/** Public and machine reports are verified on site (核实) first; staff reports go straight to filing. */
export function pathTo(status: CaseState, verified: boolean, selfHandled: boolean): Step[] {
  if (selfHandled) return [SELF_HANDLE];
  const intake = verified ? [REPORT, SEND_VERIFY, VERIFY] : [REPORT, ACCEPT];
  const full = [...intake, FILE, DISPATCH, REPORT_BACK, SEND_CHECK, CHECK_PASS, CLOSE];
  switch (status) {
    case 'reported':
      return [REPORT];
    case 'verifying':
      return [REPORT, SEND_VERIFY];
    case 'voided':
      return [REPORT, VOID];
    case 'suspended':
      return [...intake, FILE, DISPATCH, SUSPEND];
    default: {
      const at = full.findIndex((s) => s.to === status);
      return at < 0 ? full : full.slice(0, at + 1);
    }
  }
}

/**
 * "A few timeline rows each": the short form keeps the report, the filing, the dispatch and the step into the
 * current status (the chain stays valid, it just skips steps); `full` keeps every step.
 */
export function timelineOf(path: readonly Step[], full: boolean): Step[] {
  if (full || path.length <= 4) return [...path];
  const last = path[path.length - 1] as Step;
  return path.filter((s, i) => i === 0 || s === last || s.action === 'file' || s.action === 'dispatch');
}

/** Wall-clock approximation of a handling limit (the bench does not need the work calendar's precision). */
export function limitMs(value: number, unit: string): number {
  switch (unit) {
    case 'emergency_hours':
      return value * HOUR;
    case 'work_hours':
      return value * 1.6 * HOUR;
    case 'work_days':
      return value * 1.4 * DAY;
    default:
      return value * DAY;
  }
}
