import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Permission } from '../../../../common/domain/roles.ts';
import { authErrors } from './auth.errors.ts';
import type { Actor } from './actor.ts';
import type { AuthService } from './auth.service.ts';

export const SESSION_COOKIE = 'cityloop_sid';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** All a user whose password an administrator chose may do until they replace it (the console's forced dialog). */
const BEFORE_PASSWORD_CHANGE = new Set(['POST /api/auth/password', 'POST /api/auth/logout', 'GET /api/auth/me']);

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Deliberately public route: no session needed (login, health, docs, citizen pages). */
    public?: boolean;
    /** Coarse gate checked before the handler; services check again with scope. */
    permission?: Permission;
  }
  interface FastifyRequest {
    actor: Actor | null;
    sessionId: string | null;
    csrfToken: string | null;
  }
}

/** The actor of an authenticated route (the hook guarantees it is set). */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw authErrors.required();
  return request.actor;
}

/**
 * Every /api route is authenticated and permission-checked unless its config says `public: true`
 * (brief: security). Cookie-authenticated writes must carry the session's CSRF token in `x-csrf-token`.
 */
export function installAuthHooks(app: FastifyInstance, auth: AuthService): void {
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionId', null);
  app.decorateRequest('csrfToken', null);

  // onRequest: before the body is parsed or validated, so an anonymous caller learns nothing about the contract.
  app.addHook('onRequest', async (request) => {
    const config = request.routeOptions.config;
    const url = request.routeOptions.url ?? '';
    if (!url.startsWith('/api/')) return;
    const token = request.cookies[SESSION_COOKIE];
    let mustChange = false;
    if (token) {
      const session = await auth.resolveSession(token);
      if (session) {
        request.actor = { ...session.actor, requestId: request.id };
        request.sessionId = session.sessionId;
        request.csrfToken = session.csrfToken;
        mustChange = session.mustChangePassword;
        if (
          !SAFE_METHODS.has(request.method) &&
          !auth.sameCsrf(session.csrfToken, headerValue(request, 'x-csrf-token'))
        ) {
          throw authErrors.csrf();
        }
      }
    }
    if (config.public) return;
    if (!request.actor) throw authErrors.required();
    if (mustChange && !BEFORE_PASSWORD_CHANGE.has(`${request.method} ${url}`))
      throw authErrors.passwordChangeRequired();
    if (config.permission && !request.actor.permissions.has(config.permission)) {
      throw authErrors.forbidden(config.permission);
    }
  });
}

function headerValue(request: FastifyRequest, name: string): string | undefined {
  const v = request.headers[name];
  return Array.isArray(v) ? v[0] : v;
}
