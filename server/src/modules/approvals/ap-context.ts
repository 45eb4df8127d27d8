/**
 * What the parts of the 行政审批 service share: permissions, the row views (the applicant's phone masked in
 * lists), the work calendar it is given and the promised-limit arithmetic (docs/approvals.md).
 */
import type { Application, ApprovalType, Consultation } from '../../../../common/contracts/approvals.ts';
import type { MaterialItem } from '../../../../common/domain/approvals.ts';
import { maskPhone } from '../../../../common/domain/privacy.ts';
import type { WorkCalendar } from '../../../../common/domain/work-calendar.ts';
import type { ApApplicationsTable, ApConsultationsTable, ApTypesTable } from '../../db/schema-approvals.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database, Executor } from '../../platform/db.ts';
import type { AuditService } from '../audit/index.ts';
import type { ApprovalEffects } from './approvals-effects.ts';

export const READ = 'approval.read';
export const HANDLE = 'approval.handle';
export const DECIDE = 'approval.decide';
export const MANAGE = 'approval.manage';

const HOUR_MS = 3_600_000;

export interface ApDeps {
  audit: AuditService;
  calendar: { forTenant(tenantId: string, ex?: Executor): Promise<WorkCalendar> };
  effects: ApprovalEffects;
}

export const parseJson = <T>(text: string | null, fallback: T): T => (text ? (JSON.parse(text) as T) : fallback);

export const typeView = (r: ApTypesTable, effects: ApprovalEffects): ApprovalType => ({
  id: r.id,
  code: r.code,
  name: r.name,
  promisedDays: Number(r.promised_days),
  statutoryDays: Number(r.statutory_days),
  materials: parseJson<MaterialItem[]>(r.materials, []),
  active: Number(r.active) === 1,
  hasRegister: effects.has(r.code),
});

export type ApplicationRow = ApApplicationsTable & { type_code: string; type_name: string; permit_no: string | null };

export const applicationView = (r: ApplicationRow): Application => ({
  id: r.id,
  applicationNo: r.application_no,
  typeId: r.type_id,
  typeCode: r.type_code,
  typeName: r.type_name,
  applicantName: r.applicant_name,
  // personal data: masked in every staff answer and export (docs/security.md)
  applicantPhone: maskPhone(r.applicant_phone) ?? '',
  address: r.address,
  summary: r.summary,
  status: r.status,
  decision: r.decision,
  acceptedAt: r.accepted_at,
  dueAt: r.due_at,
  dueDate: r.due_on,
  pausedWorkingMs: Number(r.paused_ms),
  closedAt: r.closed_at,
  permitNo: r.permit_no,
});

export const consultationView = (r: ApConsultationsTable & { type_name: string | null }): Consultation => ({
  id: r.id,
  channel: r.channel,
  name: r.name,
  phone: maskPhone(r.phone),
  typeName: r.type_name,
  topic: r.topic,
  answer: r.answer,
  consultedAt: r.consulted_at,
});

/** What an audit row keeps of an application: no phone. */
export const audited = (r: Pick<ApApplicationsTable, 'application_no' | 'status' | 'due_at' | 'paused_ms'>) => ({
  applicationNo: r.application_no,
  status: r.status,
  dueAt: r.due_at,
  pausedMs: Number(r.paused_ms),
});

/**
 * The promised limit's end: `days` working days from acceptance, plus the working time spent in 补正, so a
 * request for materials moves the due date on by exactly the working time it lasted (docs/approvals.md, "Clock").
 */
export function dueAt(calendar: WorkCalendar, acceptedAt: string, days: number, pausedMs: number): Date {
  const total = calendar.limitMs(days, 'work_days') + pausedMs;
  return calendar.addLimit(new Date(acceptedAt), total / HOUR_MS, 'work_hours');
}

export function createApContext(database: Database, clock: Clock, deps: ApDeps) {
  return { db: database.db, clock, ...deps, now: () => clock.now().toISOString() };
}
export type ApContext = ReturnType<typeof createApContext>;
