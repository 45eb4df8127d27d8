import { createHmac, timingSafeEqual } from 'node:crypto';
import { DEFAULT_TIME_ZONE } from '../../../../common/domain/zoned-time.ts';
import type { ChangePasswordBody, LoginBody, Me } from '../../../../common/contracts/auth.ts';
import { isRole, permissionsOf, type Grant } from '../../../../common/domain/roles.ts';
import type { Config } from '../../config.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database, Executor } from '../../platform/db.ts';

import { cachedSession, keepSession, type SessionInfo } from './session-cache.ts';
import { authErrors } from './auth.errors.ts';
import { newToken } from '../../platform/ids.ts';
import type { Locale } from '../../platform/messages.ts';
import type { Actor } from './actor.ts';
import type { AccountDirectory } from './account-directory.ts';
import * as repo from './auth.repository.ts';
import { createLoginThrottle } from './login-throttle.ts';
import { assertPasswordPolicy, burnVerifyTime, hashPassword, verifyPassword } from './password.ts';

const MINUTE = 60_000;
/** Sliding expiry is written at most this often, so reads do not turn into writes on every request. */
const TOUCH_INTERVAL_MS = MINUTE;

export type { SessionInfo };

export interface SignInMeta {
  ip: string;
  userAgent: string | null;
  requestId: string;
}

/** Grant rows → domain grants (rows naming a role this build does not know are ignored). */
function domainGrants(rows: readonly { role: string; unit_id: string | null; region_id: string | null }[]): Grant[] {
  return rows.flatMap((g) => (isRole(g.role) ? [{ role: g.role, unitId: g.unit_id, regionId: g.region_id }] : []));
}

/**
 * A username typed at a failed sign-in that names no account goes into the audit trail masked: people type their
 * password into the username box, and the trail is kept for years and shown to auditors. First and last character
 * stay, so repeated attempts at one name remain recognisable.
 */
export function maskAttemptedUsername(username: string): string {
  const chars = [...username];
  return chars.length <= 2 ? '***' : `${chars[0]}***${chars[chars.length - 1]}`;
}

/**
 * What sign-in and password changes need of the audit trail: the audit module's `record`, appending a row in the
 * caller's transaction. Declared here, not imported, because the audit module sits above auth (its service checks
 * the actor's permission, its routes read the actor); the composition root passes the audit service.
 */
export interface AuthAuditTrail {
  record(
    tx: Executor,
    actor: Pick<Actor, 'userId' | 'displayName' | 'tenantId' | 'requestId'> | null,
    tenantId: string,
    rec: { action: string; entity: string; entityId: string; before?: unknown; after?: unknown },
  ): Promise<void>;
}

export function createAuthService(
  database: Database,
  clock: Clock,
  config: Config,
  audit: AuthAuditTrail,
  accounts: AccountDirectory,
) {
  const { db } = database;
  const sessionId = (token: string) => createHmac('sha256', config.sessionSecret).update(token).digest('hex');
  const { invalidCredentials, throttled } = authErrors;
  const throttle = createLoginThrottle(db, clock, {
    maxFailures: config.loginMaxFailures,
    firstMinutes: config.lockoutFirstMinutes,
    capMinutes: config.lockoutMinutes,
  });
  const idleMs = config.sessionTtlHours * 60 * MINUTE;
  const absoluteMs = config.sessionAbsoluteHours * 60 * MINUTE;

  async function me(actor: Pick<Actor, 'tenantId' | 'userId'>, csrfToken: string): Promise<Me> {
    const [user, tenant, grants] = await Promise.all([
      accounts.findUser(db, actor.tenantId, actor.userId),
      accounts.findTenant(db, actor.tenantId),
      accounts.grantsWithNames(db, actor.tenantId, [actor.userId]),
    ]);
    if (!user || !tenant) throw authErrors.required();
    return {
      user: {
        id: user.id,
        username: user.username,
        displayName: user.display_name,
        tenantId: tenant.id,
        tenantCode: tenant.code,
        tenantName: tenant.name,
        tenantTimezone: tenant.timezone || DEFAULT_TIME_ZONE,
        unitId: user.unit_id,
        mustChangePassword: user.must_change_password === 1,
      },
      grants: grants.map((g) => ({
        role: g.role,
        unitId: g.unit_id,
        unitName: g.unit_name,
        regionId: g.region_id,
        regionName: g.region_name,
      })),
      permissions: permissionsOf(domainGrants(grants)),
      csrfToken,
    };
  }

  /**
   * The session and its user, or undefined once it is signed out, idle too long, past its absolute lifetime, or its
   * user is disabled. One statement (session, user and grants joined): every authenticated request pays it, and
   * reading the rows each time keeps a disabled user, a changed grant or a logout effective at once on every
   * instance. `touch` extends the idle expiry (requests do; the live stream's re-check does not).
   */
  async function loadSession(id: string, touch: boolean): Promise<SessionInfo | undefined> {
    if (touch) {
      const kept = cachedSession(id, clock.now().getTime());
      if (kept) return kept;
    }
    const rows = await repo
      .sessionRows(db)
      .$call((q) => accounts.innerJoinUsers(q, 'u', { id: 's.user_id', tenant_id: 's.tenant_id' }))
      .$call((q) => accounts.leftJoinUserGrants(q, 'g', { user_id: 'u.id', tenant_id: 'u.tenant_id' }))
      .select([
        's.tenant_id',
        's.user_id',
        's.csrf_token',
        's.created_at',
        's.expires_at',
        's.last_seen_at',
        'u.username',
        'u.display_name',
        'u.unit_id',
        'u.active',
        'u.must_change_password',
        'g.role',
        'g.unit_id as grant_unit_id',
        'g.region_id as grant_region_id',
      ])
      .where('s.id', '=', id)
      .orderBy('g.role')
      .execute();
    const session = rows[0];
    const now = clock.now();
    if (!session) return undefined;
    const hardEnd = Date.parse(session.created_at) + absoluteMs;
    if (session.expires_at <= now.toISOString() || hardEnd <= now.getTime()) {
      await repo.deleteSession(db, id);
      return undefined;
    }
    if (session.active !== 1) return undefined;
    const grants = domainGrants(
      rows.flatMap((r) =>
        r.role === null ? [] : [{ role: r.role, unit_id: r.grant_unit_id, region_id: r.grant_region_id }],
      ),
    );
    const actor: Omit<Actor, 'requestId'> = {
      userId: session.user_id,
      tenantId: session.tenant_id,
      username: session.username,
      displayName: session.display_name,
      unitId: session.unit_id,
      grants,
      permissions: new Set(permissionsOf(grants)),
    };
    let lastSeen = Date.parse(session.last_seen_at);
    let expiresAt = Date.parse(session.expires_at);
    if (touch && now.getTime() - lastSeen > TOUCH_INTERVAL_MS) {
      lastSeen = now.getTime();
      expiresAt = Math.min(now.getTime() + idleMs, hardEnd);
      await repo.touchSession(db, id, now.toISOString(), new Date(expiresAt).toISOString());
    }
    const info: SessionInfo = {
      actor,
      sessionId: id,
      csrfToken: session.csrf_token,
      mustChangePassword: session.must_change_password === 1,
    };
    // Reused until the session ends or its sliding expiry is next due to be written, whichever is first.
    if (touch) keepSession(id, info, Math.min(expiresAt, lastSeen + TOUCH_INTERVAL_MS));
    return info;
  }

  return {
    me,

    /**
     * The user as they are now, for work done on their behalf after the request ended (import jobs): current grants,
     * so a permission withdrawn meanwhile is withdrawn from the job too; undefined for a missing or disabled user.
     */
    async actorFor(tenantId: string, userId: string, requestId: string): Promise<Actor | undefined> {
      const user = await accounts.findUser(db, tenantId, userId);
      if (!user || user.active !== 1) return undefined;
      const grants = domainGrants(await accounts.grantsWithNames(db, tenantId, [userId]));
      return {
        userId,
        tenantId,
        username: user.username,
        displayName: user.display_name,
        unitId: user.unit_id,
        grants,
        permissions: new Set(permissionsOf(grants)),
        requestId,
      };
    },

    /**
     * Known and unknown usernames take the same path: the same throttle check, one argon2 verification, the same
     * 401 or 429 with the same body. Every outcome for a known tenant is audited.
     */
    async login(input: LoginBody, meta: SignInMeta) {
      const tenant = input.tenantCode
        ? await accounts.findTenantByCode(db, input.tenantCode)
        : await accounts.soleTenant(db);
      if (!tenant && !input.tenantCode) throw authErrors.tenantRequired();
      const subject = { tenantKey: tenant?.id ?? `?${input.tenantCode ?? ''}`, username: input.username, ip: meta.ip };
      const blocked = await throttle.blockedFor(subject);
      if (blocked !== null) throw throttled(blocked);

      const user = tenant ? await accounts.findUserByUsername(db, tenant.id, input.username) : undefined;
      let verified = false;
      if (user) verified = await verifyPassword(user.password_hash, input.password);
      else await burnVerifyTime(input.password);
      if (!tenant || !user || !verified || user.active !== 1) {
        const minutes = await throttle.fail(subject);
        if (tenant) {
          const reason = !user ? 'unknown_user' : !verified ? 'wrong_password' : 'inactive';
          await db.transaction().execute((tx) =>
            audit.record(tx, null, tenant.id, {
              action: 'auth.login_failed',
              entity: 'user',
              entityId: user?.id ?? '',
              after: {
                username: user ? user.username : maskAttemptedUsername(input.username),
                ip: meta.ip,
                reason,
                ...(minutes === null ? {} : { blockedMinutes: minutes }),
              },
            }),
          );
        }
        throw minutes === null ? invalidCredentials() : throttled(minutes);
      }

      const token = newToken();
      const csrfToken = newToken(24);
      const now = clock.now();
      const nowIso = now.toISOString();
      await db.transaction().execute(async (tx) => {
        await accounts.recordSignIn(tx, user.id, nowIso);
        await repo.insertSession(tx, {
          id: sessionId(token),
          tenant_id: tenant.id,
          user_id: user.id,
          csrf_token: csrfToken,
          created_at: nowIso,
          expires_at: new Date(now.getTime() + Math.min(idleMs, absoluteMs)).toISOString(),
          last_seen_at: nowIso,
          ip: meta.ip,
          user_agent: meta.userAgent?.slice(0, 300) ?? null,
        });
        await audit.record(
          tx,
          { userId: user.id, displayName: user.display_name, tenantId: tenant.id, requestId: meta.requestId },
          tenant.id,
          {
            action: 'auth.login',
            entity: 'user',
            entityId: user.id,
            after: { ip: meta.ip, userAgent: meta.userAgent?.slice(0, 300) ?? null },
          },
        );
      });
      await throttle.succeed(subject);
      return { token, me: await me({ tenantId: tenant.id, userId: user.id }, csrfToken) };
    },

    /** Resolves a cookie token to the acting user, extending the idle expiry. */
    async resolveSession(token: string): Promise<SessionInfo | undefined> {
      return loadSession(sessionId(token), true);
    },

    /** Whether a session still stands, without extending it: the live stream asks on every heartbeat. */
    async recheckSession(id: string): Promise<SessionInfo | undefined> {
      return loadSession(id, false);
    },

    async logout(actor: Actor, sessionIdValue: string) {
      await db.transaction().execute(async (tx) => {
        await repo.deleteSession(tx, sessionIdValue);
        await audit.record(tx, actor, actor.tenantId, {
          action: 'auth.logout',
          entity: 'user',
          entityId: actor.userId,
        });
      });
    },

    async changePassword(actor: Actor, sessionIdValue: string, input: ChangePasswordBody, locale: Locale = 'zh-CN') {
      const user = await accounts.findUser(db, actor.tenantId, actor.userId);
      if (!user) throw authErrors.required();
      if (!(await verifyPassword(user.password_hash, input.currentPassword))) {
        throw authErrors.wrongPassword();
      }
      if (input.currentPassword === input.newPassword) {
        throw authErrors.passwordReused();
      }
      assertPasswordPolicy(input.newPassword, user.username, 'body.newPassword', locale);
      const hashed = await hashPassword(input.newPassword);
      const now = clock.now().toISOString();
      await db.transaction().execute(async (tx) => {
        await accounts.setUserPassword(tx, user.id, hashed, false, now);
        // Other devices signed in with the old password are signed out (their live streams end at the next heartbeat).
        await repo.deleteUserSessions(tx, user.id, sessionIdValue);
        await audit.record(tx, actor, actor.tenantId, {
          action: 'user.password_changed',
          entity: 'user',
          entityId: user.id,
        });
      });
    },

    sameCsrf(expected: string, given: string | undefined): boolean {
      if (!given) return false;
      const a = Buffer.from(expected);
      const b = Buffer.from(given);
      return a.length === b.length && timingSafeEqual(a, b);
    },

    /** Hourly: expired sessions and sign-in throttle rows nobody has touched for a day. */
    async purgeExpiredSessions() {
      await repo.deleteExpiredSessions(db, clock.now().toISOString());
      await throttle.purge();
    },
  };
}
export type AuthService = ReturnType<typeof createAuthService>;
