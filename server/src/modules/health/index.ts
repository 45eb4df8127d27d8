/** Liveness and database status for load balancers and operators (public, no personal data). */
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { pingDatabase, type Database } from '../../platform/db.ts';

const Health = Type.Object({
  status: Type.Union([Type.Literal('ok'), Type.Literal('degraded')]),
  db: Type.Object({ ok: Type.Boolean(), dialect: Type.String(), latencyMs: Type.Number() }),
  version: Type.String(),
});

export function registerHealthRoutes(app: FastifyInstance, database: Database, version: string): void {
  app.withTypeProvider<TypeBoxTypeProvider>().get('/api/health', {
    config: { public: true },
    schema: { tags: ['platform'], summary: 'Service and database status', response: { 200: Health, 503: Health } },
  }, async (_req, reply) => {
    const started = performance.now();
    let ok = true;
    try {
      await pingDatabase(database.db);
    } catch {
      ok = false;
    }
    const body = {
      status: ok ? ('ok' as const) : ('degraded' as const),
      db: { ok, dialect: database.dialect, latencyMs: Math.round((performance.now() - started) * 100) / 100 },
      version,
    };
    return reply.status(ok ? 200 : 503).send(body);
  });
}
