import type { ApprovalDecisionKind, ApprovalTypeSeed } from '../../../../common/domain/approvals.ts';
import type { WorkCalendar } from '../../../../common/domain/work-calendar.ts';
import type { ApApplicationsTable, ApConsultationsTable } from '../../db/schema-approvals.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Executor } from '../../platform/db.ts';
import { newId } from '../../platform/ids.ts';
import { dueAt } from './ap-context.ts';
import * as repo from './approvals.repository.ts';

export interface ApSeed {
  types: readonly ApprovalTypeSeed[];
  /** `closedAt` null: still open in `status`; a decided or closed one carries its decision */
  applications: {
    typeCode: string;
    applicationNo: string;
    applicantName: string;
    applicantPhone: string;
    address: string;
    summary: string | null;
    acceptedAt: string;
    status: ApApplicationsTable['status'];
    decision: ApprovalDecisionKind | null;
    decidedAt: string | null;
    closedAt: string | null;
    permitNo: string | null;
  }[];
  consultations: Omit<
    ApConsultationsTable,
    'id' | 'tenant_id' | 'created_by' | 'created_at' | 'consulted_on' | 'type_id'
  >[];
}

/**
 * Writes the application types and demo records for the seed (server/src/seed/); not audited: no person made them.
 * Due dates come from `calendar` as the service computes them; every seeded application has all its materials.
 */
export async function seedApprovals(
  db: Executor,
  tenantId: string,
  clock: Clock,
  by: string,
  seed: ApSeed,
  calendar: WorkCalendar,
) {
  const now = clock.now().toISOString();
  const types = seed.types.map((t, i) => ({
    id: newId(),
    tenant_id: tenantId,
    code: t.code,
    name: t.name,
    promised_days: t.promisedDays,
    statutory_days: t.statutoryDays,
    materials: JSON.stringify(t.materials),
    active: 1,
    sort_order: (i + 1) * 10,
    created_at: now,
    updated_at: now,
  }));
  await repo.insertTypes(db, types);
  const byCode = new Map(types.map((t, i) => [t.code, { row: t, seed: seed.types[i] as ApprovalTypeSeed }]));
  const permits: Parameters<typeof repo.insertPermit>[1][] = [];
  const apps = seed.applications.flatMap((a): ApApplicationsTable[] => {
    const type = byCode.get(a.typeCode);
    if (!type) return [];
    const id = newId();
    const due = dueAt(calendar, a.acceptedAt, type.seed.promisedDays, 0);
    const permitId = a.permitNo ? newId() : null;
    if (permitId && a.permitNo && a.decidedAt)
      permits.push({
        id: permitId,
        tenant_id: tenantId,
        application_id: id,
        permit_no: a.permitNo,
        holder_name: a.applicantName,
        valid_from: calendar.localDate(new Date(a.decidedAt)),
        valid_to: null,
        created_at: now,
      });
    return [
      {
        id,
        tenant_id: tenantId,
        application_no: a.applicationNo,
        type_id: type.row.id,
        applicant_name: a.applicantName,
        applicant_phone: a.applicantPhone,
        address: a.address,
        summary: a.summary,
        materials: JSON.stringify(type.seed.materials.map((m) => m.code)),
        details: '{}',
        status: a.status,
        accepted_at: a.acceptedAt,
        accepted_on: calendar.localDate(new Date(a.acceptedAt)),
        promised_days: type.seed.promisedDays,
        due_at: due.toISOString(),
        due_on: calendar.localDate(due),
        paused_ms: 0,
        paused_at: null,
        decision: a.decision,
        decision_note: a.decision
          ? a.decision === 'grant'
            ? '材料齐全，符合条件，准予许可'
            : '不符合设置规划，不予许可'
          : null,
        decided_at: a.decidedAt,
        decided_by: a.decidedAt ? by : null,
        register_kind: permitId ? 'permit' : null,
        register_id: permitId,
        closed_at: a.closedAt,
        closed_on: a.closedAt ? calendar.localDate(new Date(a.closedAt)) : null,
        created_by: by,
        created_at: now,
        updated_at: now,
      },
    ];
  });
  await repo.insertApplications(db, apps);
  for (const p of permits) await repo.insertPermit(db, p);
  await repo.insertConsultations(
    db,
    seed.consultations.map((c) => ({
      ...c,
      id: newId(),
      tenant_id: tenantId,
      type_id: null,
      consulted_on: calendar.localDate(new Date(c.consulted_at)),
      created_by: by,
      created_at: now,
    })),
  );
}

export const hasApprovalTypes = (db: Executor, tenantId: string) => repo.hasTypes(db, tenantId);
