import type {
  ApprovalFigures,
  Consultation,
  ConsultationCreate,
  ConsultationQuery,
  FiguresQuery,
} from '../../../../common/contracts/approvals.ts';
import { ratePct } from '../../../../common/domain/approvals.ts';
import type { Page } from '../../../../common/domain/paging.ts';
import type { ApConsultationsTable } from '../../db/schema-approvals.ts';
import { invalidField, notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { listWindow } from '../../platform/paging.ts';
import { requirePermission, type Actor } from '../auth/index.ts';
import { consultationView, HANDLE, READ, type ApContext } from './ap-context.ts';
import { apErrors } from './approvals.errors.ts';
import * as repo from './approvals.repository.ts';

const SORTS = { consultedAt: 'consulted_at', channel: 'channel' } as const;

/** The consultations log (walk-in and phone; phones masked in every answer) and the window's figures. */
export function createApConsultations(ctx: ApContext) {
  const { db, audit, calendar } = ctx;

  /** 受理, 办结 (by the period's end), 提前办结 (before the promised date) and 咨询人次 of a period. */
  async function figures(tenantId: string, from: string, to: string): Promise<ApprovalFigures> {
    const [rows, consultations] = await Promise.all([
      repo.figuresByType(db, tenantId, from, to),
      repo.consultationCount(db, tenantId, from, to),
    ]);
    const byType = rows.map((r) => ({
      typeCode: r.code,
      typeName: r.name,
      accepted: Number(r.accepted),
      closed: Number(r.closed),
      early: Number(r.early),
    }));
    const sum = (k: 'accepted' | 'closed' | 'early') => byType.reduce((s, r) => s + r[k], 0);
    const accepted = sum('accepted');
    const closed = sum('closed');
    const early = sum('early');
    return {
      from,
      to,
      accepted,
      closed,
      early,
      granted: rows.reduce((s, r) => s + Number(r.granted), 0),
      denied: rows.reduce((s, r) => s + Number(r.denied), 0),
      closedRate: ratePct(closed, accepted),
      earlyRate: ratePct(early, closed),
      consultations,
      byType,
    };
  }

  return {
    figures,

    async figuresFor(actor: Actor, q: FiguresQuery): Promise<ApprovalFigures> {
      requirePermission(actor, READ);
      if (q.to < q.from) throw invalidField('query.to', 'order', 'must not be before from');
      return figures(actor.tenantId, q.from, q.to);
    },

    async listConsultations(actor: Actor, q: ConsultationQuery): Promise<Page<Consultation>> {
      requirePermission(actor, READ);
      const w = listWindow(q, SORTS, 'consultedAt');
      const { rows, total } = await repo.listConsultations(db, actor.tenantId, q, {
        ...w,
        order: q.order ?? (q.sort ? 'asc' : 'desc'),
      });
      return { items: rows.map(consultationView), total, page: w.page, pageSize: w.limit };
    },

    async createConsultation(actor: Actor, input: ConsultationCreate): Promise<Consultation> {
      requirePermission(actor, HANDLE);
      if (input.typeId && !(await repo.findType(db, actor.tenantId, input.typeId)))
        throw apErrors.unknownType('body.typeId');
      if (input.channel === 'phone' && !input.phone)
        throw invalidField('body.phone', 'required', 'a phone consultation keeps the caller’s number');
      const cal = await calendar.forTenant(actor.tenantId);
      const at = ctx.clock.now();
      const row: ApConsultationsTable = {
        id: newId(),
        tenant_id: actor.tenantId,
        channel: input.channel,
        name: input.name?.trim() || null,
        phone: input.phone ?? null,
        type_id: input.typeId ?? null,
        topic: input.topic.trim(),
        answer: input.answer?.trim() || null,
        consulted_at: at.toISOString(),
        consulted_on: cal.localDate(at),
        created_by: actor.userId,
        created_at: at.toISOString(),
      };
      await db.transaction().execute(async (tx) => {
        await repo.insertConsultations(tx, [row]);
        await audit.record(tx, actor, actor.tenantId, {
          action: 'approval_consultation.create',
          entity: 'approval_consultation',
          entityId: row.id,
          after: { channel: row.channel, topic: row.topic },
        });
      });
      const saved = await repo.findConsultation(db, actor.tenantId, row.id);
      if (!saved) throw notFound('approval_consultation');
      return consultationView(saved);
    },
  };
}
