import type { CaseState } from '../../../../common/domain/case-status.ts';
import type { WorkCalendar } from '../../../../common/domain/work-calendar.ts';
import type { CasesTable } from '../../db/schema.ts';
import type { Dialect, Executor } from '../../platform/db.ts';
import { newId } from '../../platform/ids.ts';
import { nextSequence } from '../../platform/sequences.ts';
import type { LocatedPoint } from '../geo/index.ts';
import { NO_CLOCK, startStep, type StepLimit } from './case-sla.ts';
import * as repo from './case.repository.ts';

/** What every intake path (staff, citizen, partner systems) knows about a new case before it is written. */
export interface NewCase {
  tenantId: string;
  tenantCode: string;
  channel: string;
  matter: { code: string; name: string };
  componentCode?: string | null;
  description: string;
  address?: string | null;
  lng: number;
  lat: number;
  place: LocatedPoint;
  reporterId: string | null;
  reporterName?: string | null;
  reporterPhone?: string | null;
  selfHandled?: boolean;
  extra?: Partial<CasesTable>;
}

/**
 * Writes a new case row in the caller's transaction: the human number comes from an atomic per-day sequence
 * (unique under concurrency), the first step's SLA clock starts on the work calendar (docs/standards.md, "Time
 * limits").
 */
export async function insertNewCase(
  tx: Executor,
  dialect: Dialect,
  n: NewCase,
  calendar: WorkCalendar,
  limits: Readonly<Partial<Record<CaseState, StepLimit>>>,
  now: Date,
): Promise<CasesTable> {
  const day = calendar.localDate(now).replace(/-/g, '');
  const seq = await nextSequence(tx, n.tenantId, `case:${day}`);
  const selfHandled = n.selfHandled === true;
  const iso = now.toISOString();
  const row: CasesTable = {
    id: newId(),
    tenant_id: n.tenantId,
    case_no: `${n.tenantCode}-${day}-${String(seq).padStart(5, '0')}`,
    status: selfHandled ? 'closed' : 'reported',
    channel: n.channel,
    matter_code: n.matter.code,
    component_code: n.componentCode ?? null,
    description: n.description.trim(),
    address: n.address?.trim() || null,
    lng: n.lng,
    lat: n.lat,
    grid_code: n.place.gridCode,
    community_id: n.place.communityId,
    street_id: n.place.streetId,
    reporter_id: n.reporterId,
    reporter_name: n.reporterName ?? null,
    reporter_phone: n.reporterPhone ?? null,
    filing_condition_id: null,
    filing_condition: null,
    handling_limit_value: null,
    handling_limit_unit: null,
    unit_id: null,
    handler_id: null,
    task_user_id: null,
    parent_id: null,
    ...(selfHandled ? NO_CLOCK : startStep(calendar, now, limits.reported ?? { value: 0.25, unit: 'work_hours' })),
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
    reported_at: iso,
    filed_at: selfHandled ? iso : null,
    dispatched_at: null,
    closed_at: selfHandled ? iso : null,
    search_text: '',
    version: 1,
    created_at: iso,
    updated_at: iso,
    ...n.extra,
  };
  row.search_text = repo.searchTextOf(row, n.matter.name);
  await repo.insertCase(tx, dialect, row);
  return row;
}
