/**
 * 来电弹屏 (docs/caller-popup.md): the call centre signs each call notice with the tenant's secret
 * (HMAC-SHA256 over the raw body); a valid, fresh notice is stored once per call id and pushed live to everyone
 * who takes calls (hotline.handle), whose console then reads the caller's previous cases and hotline orders.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { CallerHistory, CallNotice } from '../../../../common/contracts/caller.ts';
import { maskPhone } from '../../../../common/domain/privacy.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db.ts';
import { AppError, invalidField } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import type { LiveHub } from '../../platform/live-events.ts';
import { createPiiCipher } from '../../platform/pii-cipher.ts';
import type { AuditService } from '../audit/index.ts';
import { requirePermission, type Actor } from '../auth/index.ts';
import { accountDirectory } from '../org/index.ts';
import * as repo from './hotline-calls.repository.ts';

/** A notice older or further ahead than this is refused: a captured notice cannot be replayed later. */
export const CALL_SKEW_SECONDS = 300;
const HISTORY_LIMIT = 20;
export const SIGNATURE_HEADER = 'x-cityloop-signature';

export const callErrors = {
  signature: () => new AppError('HOTLINE_CALL_SIGNATURE', 401),
  stale: () =>
    invalidField(
      'body.timestamp',
      'fresh',
      `more than ${CALL_SKEW_SECONDS} s from the server clock`,
      'HOTLINE_CALL_STALE',
    ),
  notFound: () => new AppError('HOTLINE_CALL_NOT_FOUND', 404, { entity: 'call' }),
};

/** The forms a mainland number arrives in (+86…, 0086…) reduced to the one stored with cases and orders. */
export function phoneForms(raw: string): string[] {
  const digits = raw.replace(/^\+/, '');
  const national = digits.replace(/^(?:0086|86)(?=1[3-9]\d{9}$)/, '');
  return [...new Set([raw, national])];
}

export function signBody(secret: string, body: string | Buffer): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

export interface CallDeps {
  live?: LiveHub;
  /** the secrets of the PII cipher (config audit keys): the call centre's secret is kept encrypted */
  secrets?: readonly string[];
  audit: AuditService;
}

export function createCallerPopup(database: Database, clock: Clock, deps: CallDeps) {
  const { db } = database;
  const cipher = deps.secrets?.length ? createPiiCipher(deps.secrets) : null;

  return {
    /** The tenant whose secret signed `raw`; the same 401 for an unknown city, no secret and a wrong signature. */
    async verify(tenantCode: string, raw: Buffer, signature: string | undefined): Promise<string> {
      const tenant = await accountDirectory.findTenantByCode(db, tenantCode);
      const stored = tenant ? await repo.secretOf(db, tenant.id) : undefined;
      if (!tenant || !stored || !cipher || !signature) throw callErrors.signature();
      const expected = Buffer.from(signBody(cipher.decrypt(stored.secret_enc), raw));
      const given = Buffer.from(signature.trim());
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw callErrors.signature();
      return tenant.id;
    },

    async receive(tenantId: string, notice: CallNotice): Promise<{ accepted: boolean; duplicate: boolean }> {
      const now = clock.now();
      if (Math.abs(now.getTime() / 1000 - notice.timestamp) > CALL_SKEW_SECONDS) throw callErrors.stale();
      const calledAt = new Date(notice.timestamp * 1000).toISOString();
      const fresh = await repo.insertCall(db, {
        id: newId(),
        tenant_id: tenantId,
        call_id: notice.callId,
        caller_phone: notice.callerNumber,
        line: notice.line ?? null,
        called_at: calledAt,
        received_at: now.toISOString(),
      });
      // The live event carries no number: the console asks for the history with the reader's own masking.
      if (fresh)
        deps.live?.publish({
          type: 'call',
          tenantId,
          permission: 'hotline.handle',
          data: { callId: notice.callId, line: notice.line ?? null, calledAt, phone: maskPhone(notice.callerNumber) },
        });
      return { accepted: true, duplicate: !fresh };
    },

    async history(actor: Actor, callId: string): Promise<CallerHistory> {
      requirePermission(actor, 'hotline.read');
      const c = await repo.call(db, actor.tenantId, callId);
      if (!c) throw callErrors.notFound();
      const phones = phoneForms(c.caller_phone);
      const [cases, orders] = await Promise.all([
        repo.casesOfPhone(db, actor.tenantId, phones, HISTORY_LIMIT),
        repo.ordersOfPhone(db, actor.tenantId, phones, HISTORY_LIMIT),
      ]);
      const nos = await repo.caseNos(
        db,
        actor.tenantId,
        orders.flatMap((o) => (o.case_id ? [o.case_id] : [])),
      );
      const full = actor.permissions.has('hotline.handle');
      return {
        callId: c.call_id,
        line: c.line,
        calledAt: c.called_at,
        phone: full ? phones[phones.length - 1]! : (maskPhone(phones[phones.length - 1]) ?? ''),
        phoneMasked: !full,
        cases: cases.map((x) => ({
          id: x.id,
          caseNo: x.case_no,
          status: x.status,
          channel: x.channel,
          description: x.description.slice(0, 120),
          address: x.address,
          reportedAt: x.reported_at,
        })),
        orders: orders.map((o) => ({
          id: o.id,
          source: o.source,
          externalNo: o.external_no,
          status: o.status,
          content: o.content.slice(0, 120),
          receivedAt: o.received_at,
          caseNo: o.case_id ? (nos.get(o.case_id) ?? null) : null,
        })),
      };
    },

    async config(actor: Actor) {
      requirePermission(actor, 'settings.manage');
      const s = await repo.secretOf(db, actor.tenantId);
      return { configured: !!s, hint: s?.secret_hint ?? null, updatedAt: s?.updated_at ?? null };
    },

    /** A new secret, shown once; the previous one stops working at once. */
    async rotateSecret(actor: Actor): Promise<{ secret: string; hint: string }> {
      requirePermission(actor, 'settings.manage');
      if (!cipher) throw new AppError('HOTLINE_CALL_SIGNATURE', 401);
      const secret = randomBytes(32).toString('base64url');
      const hint = `…${secret.slice(-4)}`;
      await db.transaction().execute(async (tx) => {
        const before = await repo.secretOf(tx, actor.tenantId);
        await repo.putSecret(tx, {
          tenant_id: actor.tenantId,
          secret_enc: cipher.encrypt(secret),
          secret_hint: hint,
          updated_at: clock.now().toISOString(),
        });
        await deps.audit.record(tx, actor, actor.tenantId, {
          action: 'hotline.call_secret',
          entity: 'call_centre',
          entityId: actor.tenantId,
          ...(before ? { before: { hint: before.secret_hint } } : {}),
          after: { hint },
        });
      });
      return { secret, hint };
    },

    /** Revoking: every call notice is refused with the same 401 as a wrong signature until a new secret is made. */
    async revokeSecret(actor: Actor): Promise<{ ok: boolean }> {
      requirePermission(actor, 'settings.manage');
      return db.transaction().execute(async (tx) => {
        const before = await repo.secretOf(tx, actor.tenantId);
        if (!before) return { ok: false };
        await repo.deleteSecret(tx, actor.tenantId);
        await deps.audit.record(tx, actor, actor.tenantId, {
          action: 'hotline.call_secret_revoke',
          entity: 'call_centre',
          entityId: actor.tenantId,
          before: { hint: before.secret_hint },
        });
        return { ok: true };
      });
    },
  };
}
export type CallerPopup = ReturnType<typeof createCallerPopup>;
