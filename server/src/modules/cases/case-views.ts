import type { WorkflowPhotoStep } from '../../../../common/contracts/workflow-options.ts';
import type { CheckBy } from '../../../../common/domain/workflow-options.ts';
import type { CaseDetail, CaseEvent, CasePhoto, CaseSummary } from '../../../../common/contracts/cases.ts';
import { maskPhone } from '../../../../common/domain/privacy.ts';
import type { WorkCalendar } from '../../../../common/domain/work-calendar.ts';
import type { CasesTable, CaseEventsTable } from '../../db/schema.ts';
import { slaOf } from './case-sla.ts';

/** Row → contract shapes. Reporter phones are always masked; names are shown to intake staff only. */
export function summaryOf(
  c: CasesTable & { unit_name?: string | null; street_name?: string | null; community_name?: string | null },
  matterName: string | null,
  calendar: WorkCalendar,
  now: Date,
): CaseSummary {
  return {
    id: c.id,
    caseNo: c.case_no,
    status: c.status,
    channel: c.channel,
    matterCode: c.matter_code,
    matterName,
    description: c.description,
    address: c.address,
    lng: c.lng,
    lat: c.lat,
    gridCode: c.grid_code,
    streetName: c.street_name ?? null,
    communityName: c.community_name ?? null,
    unitId: c.unit_id,
    unitName: c.unit_name ?? null,
    reportedAt: c.reported_at,
    stepDeadline: c.step_deadline,
    handlingDeadline: c.handling_deadline,
    overdue: c.overdue === 1 || (!!c.step_deadline && c.step_deadline < now.toISOString()),
    escalated: c.escalation_count > 0,
    pendingRequest: c.pending_request,
    unstaffed: !!c.unstaffed_since,
    sla: slaOf(calendar, c, now),
    version: c.version,
  };
}

export function eventOf(e: CaseEventsTable): CaseEvent {
  return {
    seq: Number(e.seq),
    at: e.at,
    actorName: e.actor_name,
    actorRole: e.actor_role,
    action: e.action,
    fromStatus: e.from_status,
    toStatus: e.to_status,
    note: e.note,
    data: e.data_json ? JSON.parse(e.data_json) : null,
  };
}

export interface DetailExtras {
  names: {
    unit: string | null;
    street: string | null;
    community: string | null;
    handler: string | null;
    taskUser: string | null;
    matter: string | null;
  };
  timeline: CaseEventsTable[];
  photos: CasePhoto[];
  mergedCount: number;
  allowedActions: string[];
  suggestedUnitId: string | null;
  showReporterName: boolean;
  publicCase: boolean;
  photosRequiredFor: WorkflowPhotoStep[];
  checkBy: CheckBy;
}

export function detailOf(c: CasesTable, x: DetailExtras, calendar: WorkCalendar, now: Date): CaseDetail {
  const base = summaryOf(
    { ...c, unit_name: x.names.unit, street_name: x.names.street, community_name: x.names.community },
    x.names.matter,
    calendar,
    now,
  );
  return {
    ...base,
    componentCode: c.component_code,
    reporterName: x.showReporterName ? c.reporter_name : c.reporter_name ? `${c.reporter_name.slice(0, 1)}**` : null,
    reporterPhone: maskPhone(c.reporter_phone),
    filingConditionId: c.filing_condition_id,
    filingCondition: c.filing_condition,
    handlingLimit:
      c.handling_limit_value !== null && c.handling_limit_unit
        ? { value: c.handling_limit_value, unit: c.handling_limit_unit }
        : null,
    handlerId: c.handler_id,
    handlerName: x.names.handler,
    taskUserId: c.task_user_id,
    taskUserName: x.names.taskUser,
    parentId: c.parent_id,
    mergedCount: x.mergedCount,
    extensionCount: c.extension_count,
    reworkCount: c.rework_count,
    suspendedUntil: c.suspended_until,
    closeType: c.close_type,
    voidReason: c.void_reason,
    closedAt: c.closed_at,
    suggestedUnitId: x.suggestedUnitId,
    publicCase: x.publicCase,
    allowedActions: x.allowedActions,
    timeline: x.timeline.map(eventOf),
    photos: x.photos,
    photosRequiredFor: x.photosRequiredFor,
    checkBy: x.checkBy,
  };
}
