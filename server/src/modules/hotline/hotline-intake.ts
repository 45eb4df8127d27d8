/**
 * How work orders arrive: the partner system's webhook (authenticated by its own per-source secret) and the
 * Excel/CSV import, both deduplicated by Idempotency-Key and by the hotline's own work-order number; and the admin
 * side of the secrets (stored as sha256 only, shown once).
 */
import { createHash, randomBytes } from 'node:crypto';
import {
  HOTLINE_SOURCES,
  type HotlineImportResult,
  type HotlineOrderInput,
  type HotlineSource,
  type HotlineSourceConfig,
  type HotlineUrgency,
  type WebhookReceipt,
} from '../../../../common/contracts/hotline.ts';
import type { WorkCalendar } from '../../../../common/domain/work-calendar.ts';
import type { HotlineOrdersTable } from '../../db/schema-hotline.ts';
import type { Clock } from '../../platform/clock.ts';
import { isUniqueViolation, type Database, type Executor } from '../../platform/db.ts';
import { once } from '../../platform/idempotency.ts';
import type { SheetLimits } from '../../platform/sheet-rows.ts';
import { newId } from '../../platform/ids.ts';
import type { AuditService } from '../audit/index.ts';
import { requirePermission, type Actor } from '../auth/index.ts';
import { DEFAULT_DUE_LIMITS, DEFAULT_SIGN_LIMITS, type Limit } from './hotline-lifecycle.ts';
import { CALLER_REPLY_KEY, callerReplyAllowed } from './hotline-reply.ts';
import { readOrderFile, validateRows } from './hotline-sheet.ts';
import { hotlineErrors } from './hotline.errors.ts';
import * as repo from './hotline.repository.ts';

export interface IntakeDeps {
  calendar: { forTenant(tenantId: string): Promise<WorkCalendar> };
  settings: {
    get(tenantId: string, key: string): Promise<{ value: unknown } | undefined>;
    put(tx: Executor, actor: Actor, key: string, value: unknown): Promise<void>;
  };
  audit: AuditService;
  /** unpacked-size and row limits of spreadsheet imports (configuration); the platform defaults when absent */
  importLimits?: SheetLimits;
}

export const SIGN_LIMITS_KEY = 'hotline.signLimits';
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

function isLimits(v: unknown): v is Partial<Record<HotlineUrgency, Limit>> {
  return typeof v === 'object' && v !== null;
}

export function createHotlineIntake(database: Database, clock: Clock, deps: IntakeDeps) {
  const { db } = database;

  /** Calendar and limits are read before any transaction (SQLite: one connection). */
  async function clocks(tenantId: string) {
    const [calendar, stored] = await Promise.all([
      deps.calendar.forTenant(tenantId),
      deps.settings.get(tenantId, SIGN_LIMITS_KEY),
    ]);
    const custom = isLimits(stored?.value) ? stored.value : {};
    return (urgency: HotlineUrgency, receivedAt: Date, deadline: string | null | undefined) => {
      const sign = custom[urgency] ?? DEFAULT_SIGN_LIMITS[urgency];
      const due = DEFAULT_DUE_LIMITS[urgency];
      return {
        sign_deadline: calendar.addLimit(receivedAt, sign.value, sign.unit).toISOString(),
        due_at: deadline
          ? new Date(deadline).toISOString()
          : calendar.addLimit(receivedAt, due.value, due.unit).toISOString(),
      };
    };
  }

  function rowOf(
    tenantId: string,
    source: HotlineSource,
    input: HotlineOrderInput,
    via: 'webhook' | 'import',
    times: { sign_deadline: string; due_at: string },
    now: string,
  ): HotlineOrdersTable {
    const content = input.content.trim();
    const address = input.address?.trim() || null;
    return {
      id: newId(),
      tenant_id: tenantId,
      source,
      external_no: input.externalNo.trim(),
      requester_name: input.requesterName?.trim() || null,
      requester_phone: input.requesterPhone?.trim() || null,
      content,
      address,
      urgency: input.urgency ?? 'normal',
      status: 'pending_sign',
      received_via: via,
      received_at: now,
      ...times,
      sign_overdue: 0,
      signed_at: null,
      signed_by: null,
      return_reason: null,
      returned_at: null,
      case_id: null,
      converted_at: null,
      reply_text: null,
      replied_at: null,
      caller_reply_status: null,
      caller_replied_at: null,
      satisfaction: null,
      revisit_note: null,
      revisit_at: null,
      search_text: [input.externalNo, content, address ?? '', input.requesterName ?? ''].join(' '),
      version: 1,
      created_at: now,
      updated_at: now,
    };
  }

  const receivedEvent = (o: HotlineOrdersTable, actor: Actor | null) => ({
    id: newId(),
    tenant_id: o.tenant_id,
    order_id: o.id,
    at: o.received_at,
    actor_id: actor?.userId ?? null,
    actor_name: actor?.displayName ?? null,
    action: o.received_via === 'import' ? 'import' : 'receive',
    from_status: null,
    to_status: o.status,
    note: null,
  });

  const receipt = (o: HotlineOrdersTable): WebhookReceipt => ({
    id: o.id,
    source: o.source as HotlineSource,
    externalNo: o.external_no,
    status: o.status as WebhookReceipt['status'],
    receivedAt: o.received_at,
    signDeadline: o.sign_deadline,
  });

  /** The tenant whose secret for this source the bearer token is; 401 otherwise (same answer for any mismatch). */
  async function authenticate(source: string, authorization: string | undefined): Promise<string> {
    const token = /^Bearer\s+(\S{16,200})$/i.exec(authorization ?? '')?.[1];
    if (!token) throw hotlineErrors.unauthorized();
    const found = await repo.sourceByHash(db, source, sha256(token));
    if (!found) throw hotlineErrors.unauthorized();
    return found.tenant_id;
  }

  return {
    /**
     * A work order pushed by the partner system. 201 with the receipt; a retry with the same Idempotency-Key, or
     * the same work-order number sent again, answers 200 with the first order and writes nothing.
     */
    authenticate,

    async webhook(tenantId: string, source: HotlineSource, input: HotlineOrderInput, key: string | null) {
      const times = await clocks(tenantId);
      const now = clock.now();
      const externalNo = input.externalNo.trim();
      const run = () =>
        once(
          database,
          `hotline.webhook:${tenantId}:${source}`,
          key,
          () => clock.now().toISOString(),
          async (tx: Executor) => {
            const existing = await repo.findByExternal(tx, tenantId, source, externalNo);
            if (existing) return { status: 200, body: receipt(existing) };
            const row = rowOf(
              tenantId,
              source,
              input,
              'webhook',
              times(input.urgency ?? 'normal', now, input.deadline),
              now.toISOString(),
            );
            await repo.insertOrders(tx, [row]);
            await repo.insertEvent(tx, receivedEvent(row, null));
            return { status: 201, body: receipt(row) };
          },
          input,
        );
      try {
        const res = await run();
        return { ...res, replayed: res.replayed || res.status === 200 };
      } catch (err) {
        // Two deliveries of one order at the same moment: the loser answers with the winner's order.
        if (!isUniqueViolation(err)) throw err;
        const winner = await repo.findByExternal(db, tenantId, source, externalNo);
        if (!winner) throw err;
        return { status: 200, body: receipt(winner), replayed: true };
      }
    },

    /**
     * The hotline's export, all or nothing: every bad row is reported (row number + column) and nothing is written
     * unless all rows are good. Orders already registered (same source and number) are skipped and listed.
     */
    async importFile(
      actor: Actor,
      source: HotlineSource,
      file: Buffer,
      key: string | null,
    ): Promise<{ status: number; body: HotlineImportResult; replayed: boolean }> {
      requirePermission(actor, 'hotline.handle');
      const raw = await readOrderFile(file, deps.importLimits);
      if (raw.length === 0) throw hotlineErrors.noRows();
      const calendar = await deps.calendar.forTenant(actor.tenantId);
      const { valid, errors } = validateRows(raw, calendar.timeZone);
      if (errors.length > 0) throw hotlineErrors.importInvalid(errors);
      const times = await clocks(actor.tenantId);
      const now = clock.now();
      return once(
        database,
        `hotline.import:${actor.tenantId}:${actor.userId}`,
        key,
        () => clock.now().toISOString(),
        async (tx) => {
          const taken = await repo.existingExternalNos(
            tx,
            actor.tenantId,
            source,
            valid.map((v) => v.externalNo),
          );
          const fresh = valid.filter((v) => !taken.has(v.externalNo));
          const rows = fresh.map((v) =>
            rowOf(
              actor.tenantId,
              source,
              v,
              'import',
              times(v.urgency ?? 'normal', now, v.deadline),
              now.toISOString(),
            ),
          );
          await repo.insertOrders(tx, rows);
          await repo.insertEvents(
            tx,
            rows.map((r) => receivedEvent(r, actor)),
          );
          const importId = newId();
          await deps.audit.record(tx, actor, actor.tenantId, {
            action: 'hotline.import',
            entity: 'hotline_import',
            entityId: importId,
            after: { source, orders: rows.map((r) => ({ id: r.id, externalNo: r.external_no })) },
          });
          const skipped = valid
            .filter((v) => taken.has(v.externalNo))
            .map((v) => ({ row: v.row, externalNo: v.externalNo }));
          return { status: 200, body: { source, imported: rows.length, skipped } };
        },
        { source, file },
      );
    },

    async sources(actor: Actor): Promise<HotlineSourceConfig[]> {
      requirePermission(actor, 'settings.manage');
      const rows = new Map((await repo.sourcesOf(db, actor.tenantId)).map((r) => [r.source, r]));
      const callerReply = await deps.settings.get(actor.tenantId, CALLER_REPLY_KEY);
      return HOTLINE_SOURCES.map((source) => {
        const r = rows.get(source);
        return {
          source,
          configured: !!r,
          hint: r?.secret_hint ?? null,
          updatedAt: r?.updated_at ?? null,
          callerReply: callerReplyAllowed(callerReply, source),
        };
      });
    },

    /** Turns the SMS of the 办理答复 to callers of one source on or off (setting hotline.callerReply, audited). */
    async setCallerReply(actor: Actor, source: HotlineSource, enabled: boolean): Promise<void> {
      requirePermission(actor, 'settings.manage');
      // Read outside the transaction: the settings reader uses its own connection, which SQLite's single one cannot lend.
      const stored = (await deps.settings.get(actor.tenantId, CALLER_REPLY_KEY))?.value;
      const current =
        stored && typeof stored === 'object' && !Array.isArray(stored) ? (stored as Record<string, unknown>) : {};
      await db
        .transaction()
        .execute((tx) => deps.settings.put(tx, actor, CALLER_REPLY_KEY, { ...current, [source]: enabled }));
    },

    /** A new random secret for the source (replacing any earlier one); only its hash is kept, so it is shown once. */
    async rotateSecret(actor: Actor, source: HotlineSource) {
      requirePermission(actor, 'settings.manage');
      const secret = `hl_${randomBytes(32).toString('base64url')}`;
      const hint = secret.slice(-4);
      const now = clock.now().toISOString();
      await db.transaction().execute(async (tx) => {
        await tx
          .deleteFrom('hotline_sources')
          .where('tenant_id', '=', actor.tenantId)
          .where('source', '=', source)
          .execute();
        await tx
          .insertInto('hotline_sources')
          .values({
            tenant_id: actor.tenantId,
            source,
            secret_hash: sha256(secret),
            secret_hint: hint,
            created_at: now,
            updated_at: now,
          })
          .execute();
        await deps.audit.record(tx, actor, actor.tenantId, {
          action: 'hotline.secret.rotate',
          entity: 'hotline_source',
          entityId: source,
          after: { source, hint },
        });
      });
      return { source, secret, hint };
    },

    async removeSecret(actor: Actor, source: HotlineSource) {
      requirePermission(actor, 'settings.manage');
      await db.transaction().execute(async (tx) => {
        await tx
          .deleteFrom('hotline_sources')
          .where('tenant_id', '=', actor.tenantId)
          .where('source', '=', source)
          .execute();
        await deps.audit.record(tx, actor, actor.tenantId, {
          action: 'hotline.secret.remove',
          entity: 'hotline_source',
          entityId: source,
          after: { source },
        });
      });
    },
  };
}
export type HotlineIntake = ReturnType<typeof createHotlineIntake>;
