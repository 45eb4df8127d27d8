import { createHmac, timingSafeEqual } from 'node:crypto';
import type { ChangePasswordBody, LoginBody, Me } from '../../../../common/contracts/auth.ts';
import { isRole, permissionsOf, type Grant } from '../../../../common/domain/roles.ts';
import type { Config } from '../../config.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db.ts';
import { AppError, invalidField } from '../../platform/errors.ts';
import { newToken } from '../../platform/ids.ts';
import type { AuditService } from '../audit/index.ts';
import type { Actor } from './actor.ts';
import * as repo from './auth.repository.ts';
import { burnVerifyTime, hashPassword, verifyPassword } from './password.ts';

const MINUTE = 60_000;
/** Sliding expiry is written at most this often, so reads do not turn into writes on every request. */
const TOUCH_INTERVAL_MS = MINUTE;

export interface SessionInfo {
  actor: Omit<Actor, 'requestId'>;
  sessionId: string;
  csrfToken: string;
}

/** Grant rows → domain grants (rows naming a role this build does not know are ignored). */
function domainGrants(rows: readonly { role: string; unit_id: string | null; region_id: string | null }[]): Grant[] {
  return rows.flatMap((g) => (isRole(g.role) ? [{ role: g.role, unitId: g.unit_id, regionId: g.region_id }] : []));
}

export function createAuthService(database: Database, clock: Clock, config: Config, audit: AuditService) {
  const { db } = database;
  const sessionId = (token: string) => createHmac('sha256', config.sessionSecret).update(token).digest('hex');
  const invalidCredentials = () => new AppError('AUTH_INVALID_CREDENTIALS', 401);

  async function me(actor: Pick<Actor, 'tenantId' | 'userId'>, csrfToken: string): Promise<Me> {
    const [user, tenant, grants] = await Promise.all([
      repo.findUser(db, actor.tenantId, actor.userId),
      repo.findTenant(db, actor.tenantId),
      repo.grantsWithNames(db, actor.tenantId, [actor.userId]),
    ]);
    if (!user || !tenant) throw new AppError('AUTH_REQUIRED', 401);
    return {
      user: {
        id: user.id,
        username: user.username,
        displayName: user.display_name,
        tenantId: tenant.id,
        tenantCode: tenant.code,
        tenantName: tenant.name,
        unitId: user.unit_id,
        mustChangePassword: user.must_change_password === 1,
      },
      grants: grants.map((g) => ({ role: g.role, unitId: g.unit_id, unitName: g.unit_name, regionId: g.region_id, regionName: g.region_name })),
      permissions: permissionsOf(domainGrants(grants)),
      csrfToken,
    };
  }

  return {
    me,

    async login(input: LoginBody, meta: { ip: string; userAgent: string | null }) {
      const tenant = input.tenantCode ? await repo.findTenantByCode(db, input.tenantCode) : await repo.soleTenant(db);
      if (!tenant && !input.tenantCode) throw invalidField('body.tenantCode', 'required', 'tenantCode is required on a multi-tenant installation');
      const user = tenant ? await repo.findUserByUsername(db, tenant.id, input.username) : undefined;
      if (!tenant || !user) {
        await burnVerifyTime(input.password);
        throw invalidCredentials();
      }
      const now = clock.now();
      if (user.locked_until && user.locked_until > now.toISOString()) {
        const minutes = Math.ceil((Date.parse(user.locked_until) - now.getTime()) / MINUTE);
        throw new AppError('AUTH_LOCKED', 423, { minutes });
      }
      const ok = await verifyPassword(user.password_hash, input.password);
      if (!ok || user.active !== 1) {
        const failures = user.failed_logins + 1;
        if (failures >= config.loginMaxFailures) {
          const until = new Date(now.getTime() + config.lockoutMinutes * MINUTE).toISOString();
          await db.transaction().execute(async (tx) => {
            await repo.recordFailure(tx, user.id, 0, until, now.toISOString());
            await audit.record(tx, null, tenant.id, { action: 'user.locked', entity: 'user', entityId: user.id, after: { lockedUntil: until, ip: meta.ip } });
          });
          throw new AppError('AUTH_LOCKED', 423, { minutes: config.lockoutMinutes });
        }
        await repo.recordFailure(db, user.id, failures, null, now.toISOString());
        throw invalidCredentials();
      }
      const token = newToken();
      const csrfToken = newToken(24);
      const nowIso = now.toISOString();
      await repo.recordSuccess(db, user.id, nowIso);
      await repo.insertSession(db, {
        id: sessionId(token),
        tenant_id: tenant.id,
        user_id: user.id,
        csrf_token: csrfToken,
        created_at: nowIso,
        expires_at: new Date(now.getTime() + config.sessionTtlHours * 60 * MINUTE).toISOString(),
        last_seen_at: nowIso,
        ip: meta.ip,
        user_agent: meta.userAgent?.slice(0, 300) ?? null,
      });
      return { token, me: await me({ tenantId: tenant.id, userId: user.id }, csrfToken) };
    },

    /**
     * Resolves a cookie token to the acting user, extending the sliding expiry. One statement (session, user and
     * grants joined) instead of three: every authenticated request pays it (issue 7 bench), and reading the rows
     * each time keeps a disabled user, a changed grant or a logout effective at once on every instance.
     */
    async resolveSession(token: string): Promise<SessionInfo | undefined> {
      const id = sessionId(token);
      const rows = await db.selectFrom('sessions as s')
        .innerJoin('users as u', (j) => j.onRef('u.id', '=', 's.user_id').onRef('u.tenant_id', '=', 's.tenant_id'))
        .leftJoin('user_grants as g', (j) => j.onRef('g.user_id', '=', 'u.id').onRef('g.tenant_id', '=', 'u.tenant_id'))
        .select(['s.tenant_id', 's.user_id', 's.csrf_token', 's.expires_at', 's.last_seen_at', 'u.username', 'u.display_name', 'u.unit_id', 'u.active',
          'g.role', 'g.unit_id as grant_unit_id', 'g.region_id as grant_region_id'])
        .where('s.id', '=', id)
        .orderBy('g.role')
        .execute();
      const session = rows[0];
      const now = clock.now();
      if (!session) return undefined;
      if (session.expires_at <= now.toISOString()) {
        await repo.deleteSession(db, id);
        return undefined;
      }
      if (session.active !== 1) return undefined;
      const grants = domainGrants(rows.flatMap((r) => (r.role === null ? [] : [{ role: r.role, unit_id: r.grant_unit_id, region_id: r.grant_region_id }])));
      const actor: Omit<Actor, 'requestId'> = {
        userId: session.user_id, tenantId: session.tenant_id, username: session.username, displayName: session.display_name,
        unitId: session.unit_id, grants, permissions: new Set(permissionsOf(grants)),
      };
      if (now.getTime() - Date.parse(session.last_seen_at) > TOUCH_INTERVAL_MS) {
        const expires = new Date(now.getTime() + config.sessionTtlHours * 60 * MINUTE).toISOString();
        await repo.touchSession(db, id, now.toISOString(), expires);
      }
      return { actor, sessionId: id, csrfToken: session.csrf_token };
    },

    async logout(sessionIdValue: string) {
      await repo.deleteSession(db, sessionIdValue);
    },

    async changePassword(actor: Actor, sessionIdValue: string, input: ChangePasswordBody) {
      const user = await repo.findUser(db, actor.tenantId, actor.userId);
      if (!user) throw new AppError('AUTH_REQUIRED', 401);
      if (!(await verifyPassword(user.password_hash, input.currentPassword))) {
        throw new AppError('AUTH_WRONG_PASSWORD', 400, [{ field: 'body.currentPassword', rule: 'password', message: 'current password is wrong' }]);
      }
      if (input.currentPassword === input.newPassword) {
        throw new AppError('AUTH_PASSWORD_REUSED', 400, [{ field: 'body.newPassword', rule: 'different', message: 'must differ from the current password' }]);
      }
      const hashed = await hashPassword(input.newPassword);
      const now = clock.now().toISOString();
      await db.transaction().execute(async (tx) => {
        await repo.setPassword(tx, user.id, hashed, false, now);
        // Other devices signed in with the old password are signed out.
        await repo.deleteUserSessions(tx, user.id, sessionIdValue);
        await audit.record(tx, actor, actor.tenantId, { action: 'user.password_changed', entity: 'user', entityId: user.id });
      });
    },

    sameCsrf(expected: string, given: string | undefined): boolean {
      if (!given) return false;
      const a = Buffer.from(expected);
      const b = Buffer.from(given);
      return a.length === b.length && timingSafeEqual(a, b);
    },

    async purgeExpiredSessions() {
      await repo.deleteExpiredSessions(db, clock.now().toISOString());
    },
  };
}
export type AuthService = ReturnType<typeof createAuthService>;
