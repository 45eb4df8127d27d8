import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { ChangePasswordBody, LoginBody, Me } from '../../../../common/contracts/auth.ts';
import { ErrorBody, Ok } from '../../../../common/contracts/common.ts';
import type { Config } from '../../config.ts';
import { actorOf, SESSION_COOKIE } from './auth.plugin.ts';
import type { AuthService } from './auth.service.ts';

export function registerAuthRoutes(app: FastifyInstance, auth: AuthService, config: Config): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const cookieOptions = {
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: config.cookieSecure,
    path: '/',
    maxAge: config.sessionTtlHours * 3600,
  };

  r.post('/api/auth/login', {
    config: { public: true, rateLimit: { max: config.loginPerMinuteIp, timeWindow: '1 minute' } },
    schema: {
      tags: ['auth'],
      summary: 'Sign in with username and password; sets the session cookie',
      body: LoginBody,
      response: { 200: Me, 401: ErrorBody, 423: ErrorBody, 400: ErrorBody },
    },
  }, async (request, reply) => {
    const { token, me } = await auth.login(request.body, { ip: request.ip, userAgent: request.headers['user-agent'] ?? null });
    reply.setCookie(SESSION_COOKIE, token, cookieOptions);
    return me;
  });

  r.post('/api/auth/logout', {
    config: { public: true },
    schema: { tags: ['auth'], summary: 'Sign out (ends this session)', response: { 200: Ok } },
  }, async (request, reply) => {
    if (request.sessionId) await auth.logout(request.sessionId);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true };
  });

  r.get('/api/auth/me', {
    schema: { tags: ['auth'], summary: 'The signed-in user, grants, permissions and CSRF token', response: { 200: Me, 401: ErrorBody } },
  }, async (request) => {
    return auth.me(actorOf(request), request.csrfToken ?? '');
  });

  r.post('/api/auth/password', {
    schema: { tags: ['auth'], summary: 'Change own password', body: ChangePasswordBody, response: { 200: Ok, 400: ErrorBody } },
  }, async (request) => {
    await auth.changePassword(actorOf(request), request.sessionId ?? '', request.body);
    return { ok: true };
  });
}
