import type { FastifyInstance } from 'fastify';
import type { ServerResponse } from 'node:http';
import type { Permission } from '../../../../common/domain/roles.ts';
import { AppError } from '../../platform/errors.ts';
import { errorResponses } from '../../platform/http.ts';
import type { LiveHub } from '../../platform/live-events.ts';
import { actorOf, type Actor } from '../auth/index.ts';
import { caseErrors } from './case.errors.ts';
import { canSee } from './case.policy.ts';

/** What the stream needs of the auth module: whether a session still stands, without extending it. */
export interface SessionRecheck {
  recheckSession(
    sessionId: string,
  ): Promise<{ actor: Omit<Actor, 'requestId'>; mustChangePassword: boolean } | undefined>;
}

export interface LiveStreamOptions {
  /** Re-check the session and send a keep-alive this often. */
  heartbeatMs: number;
  /** Open streams per user on this instance; one more is refused with 429. */
  maxStreamsPerUser: number;
}

/**
 * Live updates (Server-Sent Events): each connection gets the tenant's case events its user may see.
 *
 * A stream outlives the request that opened it, so the session is checked again on every heartbeat: once the
 * session is signed out (here or on another device), ended by a password change or reset, or the account is
 * disabled or loses case.read, the stream says `event: end` and closes. Grants are re-read each time too, so a
 * narrowed scope applies to the next event. The re-check does not extend the idle timeout: an open dashboard
 * alone does not keep a session alive. A browser's EventSource reconnects after the close, meets 401 and stops.
 *
 * A user may hold `maxStreamsPerUser` streams per instance; the next one is refused (429) rather than closing the
 * oldest, because a closed EventSource reconnects by itself and two tabs would keep evicting each other.
 */
export function registerLiveRoute(
  app: FastifyInstance,
  live: LiveHub,
  sessions: SessionRecheck,
  options: LiveStreamOptions,
): void {
  const openByUser = new Map<string, Set<ServerResponse>>();

  app.get(
    '/api/live',
    {
      config: { permission: 'case.read' },
      schema: {
        tags: ['cases'],
        summary: 'Server-Sent Events: case changes (ends when the session does)',
        response: errorResponses(401, 403, 429),
      },
    },
    (req, reply) => {
      let actor = actorOf(req);
      const sessionId = req.sessionId;
      if (!sessionId) throw new AppError('AUTH_REQUIRED', 401);
      const mine = openByUser.get(actor.userId) ?? new Set<ServerResponse>();
      if (mine.size >= options.maxStreamsPerUser) throw caseErrors.tooManyStreams(options.maxStreamsPerUser);

      reply.hijack();
      const res = reply.raw;
      mine.add(res);
      openByUser.set(actor.userId, mine);
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });
      res.write(': connected\n\n');

      const unsubscribe = live.subscribe((event) => {
        if (event.tenantId !== actor.tenantId) return;
        if (event.permission !== undefined) {
          if (actor.permissions.has(event.permission as Permission))
            res.write(`event: ${event.type}\ndata: ${JSON.stringify(event.data)}\n\n`);
          return;
        }
        const d = event.data as { unitId: string | null; streetId: string | null; communityId: string | null };
        if (!canSee(actor, { unit_id: d.unitId, street_id: d.streetId, community_id: d.communityId })) return;
        res.write(`event: ${event.type}\ndata: ${JSON.stringify(event.data)}\n\n`);
      });

      let ended = false;
      const end = (reason: 'session' | 'error') => {
        if (ended) return;
        ended = true;
        res.end(`event: end\ndata: ${JSON.stringify({ reason })}\n\n`);
      };
      let checking = false;
      const beat = setInterval(() => {
        if (checking || ended) return;
        checking = true;
        sessions
          .recheckSession(sessionId)
          .then(
            (session) => {
              if (!session || session.mustChangePassword || !session.actor.permissions.has('case.read'))
                return end('session');
              actor = { ...session.actor, requestId: actor.requestId };
              if (!ended) res.write(': ping\n\n');
            },
            (err: unknown) => {
              // Fail closed: without a database answer the session cannot be vouched for; the client reconnects.
              req.log.warn({ err }, 'live stream: session re-check failed');
              end('error');
            },
          )
          .finally(() => {
            checking = false;
          });
      }, options.heartbeatMs);

      // 'close' on the response covers both ends: the client went away, or end() above finished the stream.
      res.on('close', () => {
        ended = true;
        clearInterval(beat);
        unsubscribe();
        mine.delete(res);
        if (mine.size === 0 && openByUser.get(actor.userId) === mine) openByUser.delete(actor.userId);
      });
    },
  );
}
