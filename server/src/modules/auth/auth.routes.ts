import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { ChangePasswordBody, LoginBody, Me, SignInHints } from '../../../../common/contracts/auth.ts';
import { Ok } from '../../../../common/contracts/common.ts';
import type { Config } from '../../config.ts';
import { AppError } from '../../platform/errors.ts';
import { errorResponses } from '../../platform/http.ts';
import { localeFromHeader } from '../../platform/messages.ts';
import { actorOf, SESSION_COOKIE } from './auth.plugin.ts';
import type { AuthService } from './auth.service.ts';

export function registerAuthRoutes(
  app: FastifyInstance,
  auth: AuthService,
  config: Config,
  hints: SignInHints = { demo: null },
): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  // Public on purpose: a real deployment (SEED_DEMO=0) answers { demo: null }; the demo's accounts are in the README.
  r.get(
    '/api/auth/sign-in-hints',
    {
      config: { public: true },
      schema: {
        tags: ['auth'],
        summary: 'What the sign-in page may offer (the demo accounts)',
        response: { 200: SignInHints },
      },
    },
    async () => hints,
  );
  /**
   * Secure whenever the browser reached us over HTTPS: directly, or through a proxy we trust (TRUST_PROXY) that says
   * so in X-Forwarded-Proto (Fastify's request.protocol reads it only then). COOKIE_SECURE forces it everywhere.
   * The cookie lives as long as the session's absolute lifetime; the idle timeout is enforced on the server.
   */
  const cookieOptions = (request: FastifyRequest) => ({
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: config.cookieSecure || request.protocol === 'https',
    path: '/',
  });

  r.post(
    '/api/auth/login',
    {
      config: { public: true, rateLimit: { max: config.loginPerMinuteIp, timeWindow: '1 minute' } },
      schema: {
        tags: ['auth'],
        summary: 'Sign in with username and password; sets the session cookie',
        body: LoginBody,
        response: { 200: Me, ...errorResponses(401, 429, 400) },
      },
    },
    async (request, reply) => {
      try {
        const { token, me } = await auth.login(request.body, {
          ip: request.ip,
          userAgent: request.headers['user-agent'] ?? null,
          requestId: request.id,
        });
        reply.setCookie(SESSION_COOKIE, token, {
          ...cookieOptions(request),
          maxAge: config.sessionAbsoluteHours * 3600,
        });
        return me;
      } catch (err) {
        if (err instanceof AppError && err.code === 'AUTH_THROTTLED')
          reply.header('retry-after', String((err.details as { minutes: number }).minutes * 60));
        throw err;
      }
    },
  );

  r.post(
    '/api/auth/logout',
    {
      config: { public: true },
      schema: { tags: ['auth'], summary: 'Sign out (ends this session)', response: { 200: Ok } },
    },
    async (request, reply) => {
      if (request.sessionId && request.actor) await auth.logout(request.actor, request.sessionId);
      reply.clearCookie(SESSION_COOKIE, cookieOptions(request));
      return { ok: true };
    },
  );

  r.get(
    '/api/auth/me',
    {
      schema: {
        tags: ['auth'],
        summary: 'The signed-in user, grants, permissions and CSRF token',
        response: { 200: Me, ...errorResponses(401) },
      },
    },
    async (request) => {
      return auth.me(actorOf(request), request.csrfToken ?? '');
    },
  );

  r.post(
    '/api/auth/password',
    {
      schema: {
        tags: ['auth'],
        summary: 'Change own password (policy: common/domain/password-policy.ts)',
        body: ChangePasswordBody,
        response: { 200: Ok, ...errorResponses(400) },
      },
    },
    async (request) => {
      await auth.changePassword(
        actorOf(request),
        request.sessionId ?? '',
        request.body,
        localeFromHeader(request.headers['accept-language']),
      );
      return { ok: true };
    },
  );
}
