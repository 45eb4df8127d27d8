import type { FastifyInstance } from 'fastify';

/**
 * One access line per request at info, written when the response has gone (docs/decisions/0012-footprint-and-logging.md):
 * what a 等保 audit of access needs (when, who asked from where, what, with which result, how long) and nothing
 * personal. The route is the pattern (`/api/cases/:id`), never the URL: URLs carry search terms, phone numbers and
 * Open311 api_keys. Bodies and headers are never read. Written through the app's logger and not the request's, so
 * routes that quiet their request logger (the keyed Open311 calls) are still access-logged.
 */
export function installAccessLog(app: FastifyInstance) {
  app.addHook('onResponse', (request, reply, done) => {
    app.log.info(
      {
        reqId: request.id,
        method: request.method,
        route: request.routeOptions.url ?? '(no route)',
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime * 10) / 10,
        ip: request.ip,
      },
      'access',
    );
    done();
  });
}
