import { createHmac, randomInt, timingSafeEqual } from 'node:crypto';
import { LOOKUP_CODE_MINUTES } from '../../../../common/domain/citizen-report.ts';
import type { PublicLookupResult } from '../../../../common/contracts/public.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db.ts';
import { newId, newToken, sha256 } from '../../platform/ids.ts';
import type { CaseService } from '../cases/index.ts';
import { NOTICE_KINDS, type NotifyService } from '../notify/index.ts';
import { citizenErrors } from './citizen.errors.ts';
import * as repo from './citizen.repository.ts';

/**
 * Lookup of a case by its number and the last four digits of the reporter's phone, confirmed by a one-time code
 * sent by SMS to that phone (docs/security.md, "Lookup by case number and phone"). Step 1 answers the same whether
 * or not anything matched; step 2 turns a right code into a short-lived access token that the tracking routes
 * accept like the tracking token.
 */
export const LOOKUP = {
  codeTtlMs: LOOKUP_CODE_MINUTES * 60_000,
  /** tries per code, right or wrong */
  maxAttempts: 5,
  /** no second SMS for a case within this time: the newest code is still on its way */
  resendAfterMs: 60_000,
  /** how long the access token from a right code works */
  accessTtlMs: 24 * 3_600_000,
} as const;

/** Mainland mobile numbers only: an SMS to a landline never arrives (same rule as the notice dispatcher). */
const MOBILE = /^(?:\+?86)?(1[3-9]\d{9})$/;

export interface LookupDeps {
  cases: Pick<CaseService, 'reporterOfNo' | 'findByNo'>;
  notify: Pick<NotifyService, 'enqueue'>;
  clock: Clock;
}

export function createCitizenLookup(
  database: Database,
  config: { smsGateway: 'log' | 'http'; secret: string },
  deps: LookupDeps,
) {
  const { db } = database;
  // A derived key, so a copied table of code hashes cannot be checked against the 10^6 codes without the secret.
  const key = createHmac('sha256', config.secret).update('cityloop/lookup-code').digest();
  const codeHash = (id: string, code: string) => createHmac('sha256', key).update(`${id}:${code}`).digest();
  const enabled = config.smsGateway === 'http';

  return {
    /** Whether codes can reach anyone: only a real SMS gateway delivers them. */
    enabled,

    /**
     * Step 1. Sends a code when the case is public, has a mobile number ending in `phoneLast4`, and was not sent one
     * in the last minute; otherwise does nothing. The caller answers the same in every case.
     */
    async requestCode(tenantId: string, caseNo: string, phoneLast4: string): Promise<void> {
      if (!enabled) throw citizenErrors.lookupUnavailable();
      const target = await deps.cases.reporterOfNo(tenantId, caseNo);
      const mobile = MOBILE.exec((target?.phone ?? '').replace(/[\s-]/g, ''))?.[1];
      if (!target || !mobile?.endsWith(phoneLast4)) return;
      const now = deps.clock.now();
      const nowIso = now.toISOString();
      const latest = await repo.latestCode(db, tenantId, target.id);
      if (latest && !latest.used_at && Date.parse(latest.created_at) + LOOKUP.resendAfterMs > now.getTime()) return;
      const id = newId();
      const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
      await db.transaction().execute(async (tx) => {
        await repo.dropSpentCodes(tx, tenantId, target.id, nowIso);
        await repo.insertCode(tx, {
          id,
          tenant_id: tenantId,
          case_id: target.id,
          code_hash: codeHash(id, code).toString('hex'),
          created_at: nowIso,
          expires_at: new Date(now.getTime() + LOOKUP.codeTtlMs).toISOString(),
        });
        // The outbox row carries the code until the dispatcher has sent it, then is blanked (notify module).
        await deps.notify.enqueue(tx, {
          tenantId,
          caseId: target.id,
          phone: mobile,
          kind: NOTICE_KINDS.lookupCode,
          message: code,
        });
      });
    },

    /** Step 2. A right code of the case's newest unexpired, unused code → an access token; anything else → 400. */
    async verify(tenantId: string, caseNo: string, code: string): Promise<PublicLookupResult> {
      if (!enabled) throw citizenErrors.lookupUnavailable();
      const caseId = await deps.cases.findByNo(tenantId, caseNo);
      const latest = caseId ? await repo.latestCode(db, tenantId, caseId) : undefined;
      const now = deps.clock.now();
      const nowIso = now.toISOString();
      // Hash even when there is nothing to compare with, so both paths cost the same.
      const given = codeHash(latest?.id ?? 'none', code);
      if (!latest || !(await repo.takeAttempt(db, latest.id, nowIso, LOOKUP.maxAttempts)))
        throw citizenErrors.codeInvalid();
      const stored = Buffer.from(latest.code_hash, 'hex');
      if (stored.length !== given.length || !timingSafeEqual(stored, given)) throw citizenErrors.codeInvalid();
      const token = newToken(24);
      const expiresAt = new Date(now.getTime() + LOOKUP.accessTtlMs).toISOString();
      if (!(await repo.useCode(db, latest.id, nowIso, sha256(token), expiresAt))) throw citizenErrors.codeInvalid();
      return { caseNo, token, expiresAt };
    },

    /** The case an access token from step 2 opens, while it is valid. */
    async caseOfAccess(tenantId: string, token: string): Promise<string | null> {
      return repo.caseOfAccess(db, tenantId, sha256(token), deps.clock.now().toISOString());
    },
  };
}
export type CitizenLookup = ReturnType<typeof createCitizenLookup>;
