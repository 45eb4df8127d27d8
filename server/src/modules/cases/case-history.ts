/**
 * The bulk loader for a case history (the demo city's past months): cases whose steps already happened, each
 * replayed through the state machine so its columns (status, step clock, handling deadline, overdue, counters)
 * are what the live transitions would have left, written with a valid hash-chained timeline. One transaction,
 * multi-row inserts: thousands of cases in a second or two instead of one transaction per step.
 */
import { v7 as uuidv7 } from 'uuid';
import type { CaseAction, CaseState } from '../../../../common/domain/case-status.ts';
import type { LimitUnit, WorkCalendar } from '../../../../common/domain/work-calendar.ts';
import type { CaseEventsTable, CasesTable } from '../../db/schema.ts';
import type { ChainKey } from '../../platform/chain-keys.ts';
import type { Database, Executor } from '../../platform/db.ts';
import { reserveSequence } from '../../platform/sequences.ts';
import { nextState } from './case-lifecycle.ts';
import { DEFAULT_STEP_LIMITS, NO_CLOCK, startStep, type StepLimit } from './case-sla.ts';
import { CASE_GENESIS, eventRow } from './case-timeline.ts';
import { backfillCaseGrams } from './case-grams.ts';
import { refreshPublicCases } from './case-public-rows.ts';
import * as repo from './case.repository.ts';

export interface HistoryActor {
  id: string;
  name: string;
  role: string;
}

/** One step that happened: the action, when, and who took it (null: the reporter was the public or a machine). */
export interface HistoryStep {
  action: CaseAction | 'report';
  at: Date;
  actor: HistoryActor | null;
  note?: string;
}

export interface HistoryCase {
  channel: string;
  matter: { code: string; name: string };
  description: string;
  address: string | null;
  place: { lng: number; lat: number; gridCode: string; communityId: string; streetId: string };
  reporterId: string | null;
  reporterName: string | null;
  reporterPhone: string | null;
  /** the 立结案标准 applied at filing (its handling limit starts at dispatch) */
  filing: { conditionId: string; condition: string; limit: StepLimit } | null;
  unitId: string | null;
  handlerId: string | null;
  /** the inspector a 核实/核查 task went to */
  inspectorId: string | null;
  voidReason?: 'duplicate' | 'invalid' | 'not_ours';
  /** in time order; the first is 'report' (or 'self_handle' for 自行处置) */
  steps: HistoryStep[];
}

/** Suspensions are capped (docs/standards.md, "Abnormal flows"); a loaded one ends this long after it began. */
const SUSPENSION_DAYS = 15;
const DAY = 86_400_000;
/** Rows per INSERT: well under SQLite's and PostgreSQL's bound-parameter limits for these column counts. */
const CHUNK = 200;

interface Loaded {
  row: CasesTable;
  events: CaseEventsTable[];
}

/** Replays one case's steps: every column the transitions would have written, and its timeline rows. */
function replay(
  tenant: { id: string; code: string },
  c: HistoryCase,
  caseNo: string,
  calendar: WorkCalendar,
  key: ChainKey,
): Loaded {
  const first = c.steps[0];
  if (!first) throw new Error('a history case needs at least its report');
  const id = uuidv7({ msecs: first.at.getTime() });
  const selfHandled = first.action === 'self_handle';
  let status: CaseState = selfHandled ? 'closed' : 'reported';
  const iso = (d: Date) => d.toISOString();
  const row: CasesTable = {
    id,
    tenant_id: tenant.id,
    case_no: caseNo,
    status,
    channel: c.channel,
    matter_code: c.matter.code,
    component_code: null,
    description: c.description,
    address: c.address,
    lng: c.place.lng,
    lat: c.place.lat,
    grid_code: c.place.gridCode,
    community_id: c.place.communityId,
    street_id: c.place.streetId,
    reporter_id: c.reporterId,
    reporter_name: c.reporterName,
    reporter_phone: c.reporterPhone,
    filing_condition_id: null,
    filing_condition: null,
    handling_limit_value: null,
    handling_limit_unit: null,
    unit_id: null,
    handler_id: null,
    task_user_id: null,
    parent_id: null,
    ...(selfHandled ? NO_CLOCK : startStep(calendar, first.at, DEFAULT_STEP_LIMITS.reported!)),
    handling_deadline: null,
    handling_remaining_ms: null,
    suspended_until: null,
    overdue: 0,
    extension_count: 0,
    suspension_count: 0,
    rework_count: 0,
    return_count: 0,
    escalation_count: 0,
    self_handled: selfHandled ? 1 : 0,
    pending_request: null,
    close_type: selfHandled ? 'normal' : null,
    void_reason: null,
    reported_at: iso(first.at),
    filed_at: selfHandled ? iso(first.at) : null,
    dispatched_at: null,
    closed_at: selfHandled ? iso(first.at) : null,
    search_text: '',
    version: 1,
    created_at: iso(first.at),
    updated_at: iso(first.at),
  };
  const events: CaseEventsTable[] = [];
  let prev = CASE_GENESIS;
  const handlingLimit = c.filing?.limit ?? { value: 3, unit: 'work_days' as LimitUnit };

  c.steps.forEach((step, index) => {
    const from = index === 0 ? null : status;
    let to: CaseState = status;
    let data: Record<string, unknown> | null = null;
    if (step.action === 'report' || step.action === 'self_handle') {
      data = { channel: c.channel, photos: [] };
    } else {
      const next = nextState(status, step.action);
      if (!next) throw new Error(`${caseNo}: ${step.action} is not allowed from ${status}`);
      to = next;
      const at = step.at;
      switch (step.action) {
        case 'send_verify':
        case 'send_check':
          row.task_user_id = c.inspectorId;
          break;
        case 'verify':
        case 'check_pass':
          row.task_user_id = null;
          break;
        case 'file':
          if (c.filing) {
            row.filing_condition_id = c.filing.conditionId;
            row.filing_condition = c.filing.condition;
          }
          row.handling_limit_value = handlingLimit.value;
          row.handling_limit_unit = handlingLimit.unit;
          row.filed_at = iso(at);
          break;
        case 'dispatch':
          row.unit_id = c.unitId;
          row.dispatched_at = iso(at);
          data = { unitId: c.unitId };
          break;
        case 'assign':
          row.handler_id = c.handlerId;
          data = { userId: c.handlerId };
          break;
        case 'check_fail':
          row.task_user_id = null;
          row.rework_count += 1;
          break;
        case 'request_suspension':
          row.pending_request = 'suspension';
          data = { request: 'suspension' };
          break;
        case 'approve_suspension': {
          const deadline = row.handling_deadline ? Date.parse(row.handling_deadline) : at.getTime();
          row.pending_request = null;
          row.suspension_count += 1;
          row.handling_remaining_ms = Math.max(0, deadline - at.getTime());
          row.suspended_until = iso(new Date(at.getTime() + SUSPENSION_DAYS * DAY));
          data = { request: 'suspension', approved: true };
          break;
        }
        case 'void':
          row.void_reason = c.voidReason ?? 'invalid';
          break;
        default:
          break;
      }
      // A handling step that ends past its deadline made the case overdue (the sweep would have marked it).
      if (
        status === 'handling' &&
        to !== 'handling' &&
        row.handling_deadline &&
        at.toISOString() > row.handling_deadline
      )
        row.overdue = 1;
      // The clock of the step entered.
      if (to === 'handling' && (step.action === 'dispatch' || step.action === 'check_fail')) {
        const due = calendar.addLimit(at, handlingLimit.value, handlingLimit.unit);
        row.handling_deadline = iso(due);
        Object.assign(row, startStep(calendar, at, handlingLimit, due));
      } else if (step.action === 'resume') {
        // The handling time left when the suspension began runs again from the resumption.
        const due = new Date(at.getTime() + (row.handling_remaining_ms ?? 0));
        row.handling_deadline = iso(due);
        row.handling_remaining_ms = null;
        row.suspended_until = null;
        Object.assign(row, startStep(calendar, at, handlingLimit, due));
      } else if (to === 'closed' || to === 'voided' || to === 'suspended') {
        Object.assign(row, NO_CLOCK);
        if (to !== 'suspended') row.closed_at = iso(at);
        if (to === 'closed') row.close_type = row.overdue ? 'overdue' : 'normal';
      } else if (to !== status) {
        Object.assign(row, startStep(calendar, at, DEFAULT_STEP_LIMITS[to] ?? { value: 0.5, unit: 'work_hours' }));
      }
      status = to;
    }
    const e = eventRow(
      {
        tenantId: tenant.id,
        caseId: id,
        at: iso(step.at),
        actorId: step.actor?.id ?? null,
        actorName: step.actor?.name ?? null,
        actorRole: step.actor?.role ?? null,
        action: step.action,
        fromStatus: from,
        toStatus: to,
        note: step.note ?? null,
        data,
      },
      index + 1,
      prev,
      key,
      uuidv7({ msecs: step.at.getTime() }),
    );
    events.push(e);
    prev = e.hash;
    row.updated_at = iso(step.at);
  });
  row.status = status;
  row.version = c.steps.length;
  row.search_text = repo.searchTextOf(row, c.matter.name);
  return { row, events };
}

async function insertChunks<T extends CasesTable | CaseEventsTable>(
  tx: Executor,
  table: 'cases' | 'case_events',
  rows: readonly T[],
) {
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows.slice(i, i + CHUNK);
    if (table === 'cases')
      await tx
        .insertInto('cases')
        .values(chunk as CasesTable[])
        .execute();
    else
      await tx
        .insertInto('case_events')
        .values(chunk as CaseEventsTable[])
        .execute();
  }
}

/**
 * Loads past cases for one tenant in one transaction: numbers reserved per local day on the intake's sequences
 * (so live intake continues after them), rows and timelines replayed, the search indexes and public rows filled. The KPI queue is
 * fed by the database's own triggers. Answers how many cases and timeline rows were written.
 */
export async function loadCaseHistory(
  database: Database,
  tenant: { id: string; code: string },
  calendar: WorkCalendar,
  key: ChainKey,
  cases: readonly HistoryCase[],
): Promise<{ cases: number; events: number }> {
  const sorted = [...cases].sort((a, b) => a.steps[0]!.at.getTime() - b.steps[0]!.at.getTime());
  const dayOf = (c: HistoryCase) => calendar.localDate(c.steps[0]!.at).replace(/-/g, '');
  const perDay = new Map<string, number>();
  for (const c of sorted) perDay.set(dayOf(c), (perDay.get(dayOf(c)) ?? 0) + 1);
  let events = 0;
  await database.db.transaction().execute(async (tx) => {
    const next = new Map<string, number>();
    for (const [day, count] of perDay) next.set(day, await reserveSequence(tx, tenant.id, `case:${day}`, count));
    const loaded = sorted.map((c) => {
      const day = dayOf(c);
      const seq = next.get(day)!;
      next.set(day, seq + 1);
      return replay(tenant, c, `${tenant.code}-${day}-${String(seq).padStart(5, '0')}`, calendar, key);
    });
    const rows = loaded.map((l) => l.row);
    const timeline = loaded.flatMap((l) => l.events);
    events = timeline.length;
    await insertChunks(tx, 'cases', rows);
    await insertChunks(tx, 'case_events', timeline);
    if (database.dialect === 'sqlite')
      for (let i = 0; i < rows.length; i += CHUNK)
        await tx
          .insertInto('cases_fts')
          .values(rows.slice(i, i + CHUNK).map((r) => ({ case_id: r.id, body: r.search_text })))
          .execute();
    await backfillCaseGrams(tx, database.dialect);
    await refreshPublicCases(
      tx,
      tenant.id,
      rows.map((r) => r.id),
    );
  });
  return { cases: sorted.length, events };
}
