import type { ApprovalType, ApprovalTypeInput } from '../../../../common/contracts/approvals.ts';
import type { ApTypesTable } from '../../db/schema-approvals.ts';
import { invalidField, notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { requirePermission, type Actor } from '../auth/index.ts';
import { MANAGE, READ, typeView, type ApContext } from './ap-context.ts';
import { apErrors } from './approvals.errors.ts';
import * as repo from './approvals.repository.ts';

/** A checklist names each item once. */
function checkChecklist(input: ApprovalTypeInput) {
  const seen = new Set<string>();
  input.materials.forEach((m, i) => {
    if (seen.has(m.code))
      throw invalidField(`body.materials/${i}/code`, 'unique', 'each checklist item has its own code');
    seen.add(m.code);
  });
}

/**
 * The application types as tenant data (docs/approvals.md, "Types"): each with its materials checklist and its
 * promised limit in working days. A type in use is switched off, never deleted, so old applications keep it.
 */
export function createApTypes(ctx: ApContext) {
  const { db, audit, effects } = ctx;
  return {
    async listTypes(actor: Actor): Promise<{ items: ApprovalType[] }> {
      requirePermission(actor, READ);
      const rows = await repo.listTypes(db, actor.tenantId);
      return { items: rows.map((r) => typeView(r, effects)) };
    },

    async createType(actor: Actor, input: ApprovalTypeInput): Promise<ApprovalType> {
      requirePermission(actor, MANAGE);
      checkChecklist(input);
      const now = ctx.now();
      const row: ApTypesTable = {
        id: newId(),
        tenant_id: actor.tenantId,
        code: input.code,
        name: input.name.trim(),
        promised_days: input.promisedDays,
        statutory_days: input.statutoryDays,
        materials: JSON.stringify(input.materials),
        active: input.active === false ? 0 : 1,
        sort_order: 100,
        created_at: now,
        updated_at: now,
      };
      if (input.promisedDays > input.statutoryDays)
        throw invalidField('body.promisedDays', 'max', 'the promised limit cannot exceed the statutory one');
      await db.transaction().execute(async (tx) => {
        if (await repo.findTypeByCode(tx, actor.tenantId, input.code)) throw apErrors.typeCodeTaken();
        await repo.insertTypes(tx, [row]);
        await audit.record(tx, actor, actor.tenantId, {
          action: 'approval_type.create',
          entity: 'approval_type',
          entityId: row.id,
          after: row,
        });
      });
      return typeView(row, effects);
    },

    /** Replaces the type's name, limits and checklist; the code stays (registers are wired by it). */
    async updateType(actor: Actor, id: string, input: ApprovalTypeInput): Promise<ApprovalType> {
      requirePermission(actor, MANAGE);
      checkChecklist(input);
      if (input.promisedDays > input.statutoryDays)
        throw invalidField('body.promisedDays', 'max', 'the promised limit cannot exceed the statutory one');
      return db.transaction().execute(async (tx) => {
        const before = await repo.findType(tx, actor.tenantId, id);
        if (!before) throw notFound('approval_type');
        if (input.code !== before.code) throw invalidField('body.code', 'fixed', 'the code of a type cannot change');
        const patch: Partial<ApTypesTable> = {
          name: input.name.trim(),
          promised_days: input.promisedDays,
          statutory_days: input.statutoryDays,
          materials: JSON.stringify(input.materials),
          active: input.active === false ? 0 : 1,
          updated_at: ctx.now(),
        };
        await repo.updateType(tx, actor.tenantId, id, patch);
        const after = { ...before, ...patch };
        await audit.record(tx, actor, actor.tenantId, {
          action: 'approval_type.update',
          entity: 'approval_type',
          entityId: id,
          before,
          after,
        });
        return typeView(after, effects);
      });
    },
  };
}
