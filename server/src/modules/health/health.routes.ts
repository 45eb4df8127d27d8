import type { FastifyInstance } from 'fastify';
import { Type, type Static } from 'typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db.ts';
import { STORAGE_RETRY_AFTER_SECONDS } from '../../platform/storage-errors.ts';
import { writeHeartbeat } from './health.repository.ts';

const Health = Type.Object({
  status: Type.Union([Type.Literal('ok'), Type.Literal('degraded')]),
  db: Type.Object({ ok: Type.Boolean(), dialect: Type.String(), latencyMs: Type.Number() }),
  photos: Type.Object({ ok: Type.Boolean() }),
  /** the checks that failed: `db` (a write to the database), `photos` (a new file in the photo folder) */
  failed: Type.Array(Type.Union([Type.Literal('db'), Type.Literal('photos')])),
  version: Type.String(),
});
type Health = Static<typeof Health>;

export interface HealthDeps {
  clock: Clock;
  /** throws unless the photo folder accepts a new file */
  photoStorage(): Promise<void>;
}

/** A check that hangs (a PostgreSQL lock, a dead network mount) counts as failed after this long. */
const CHECK_TIMEOUT_MS = 3000;

function within<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

async function passes(check: () => Promise<unknown>): Promise<boolean> {
  try {
    await within(check(), CHECK_TIMEOUT_MS);
    return true;
  } catch {
    return false;
  }
}

/**
 * Healthy means able to take a report: a write reaches the database (an upsert of this module's heartbeat row; a
 * read alone succeeds on a locked or read-only database) and a file can be created in the photo folder.
 */
export function registerHealthRoutes(
  app: FastifyInstance,
  database: Database,
  version: string,
  deps: HealthDeps,
): void {
  async function probe(): Promise<Health> {
    const started = performance.now();
    const beatAt = deps.clock.now().toISOString();
    const db = await passes(() => writeHeartbeat(database.db, beatAt));
    const latencyMs = Math.round((performance.now() - started) * 100) / 100;
    const photos = await passes(() => deps.photoStorage());
    const failed: Health['failed'] = [...(db ? [] : ['db' as const]), ...(photos ? [] : ['photos' as const])];
    return {
      status: failed.length ? 'degraded' : 'ok',
      db: { ok: db, dialect: database.dialect, latencyMs },
      photos: { ok: photos },
      failed,
      version,
    };
  }

  // Probes arriving while one runs share its answer: a flood of health requests costs one write at a time.
  let running: Promise<Health> | null = null;
  app.withTypeProvider<TypeBoxTypeProvider>().get(
    '/api/health',
    {
      config: { public: true },
      schema: {
        tags: ['platform'],
        summary:
          'Service status: 200 when the database accepts a write and the photo folder a file, else 503 naming the failed checks',
        response: { 200: Health, 503: Health },
      },
    },
    async (_req, reply) => {
      running ??= probe().finally(() => {
        running = null;
      });
      const body = await running;
      if (body.failed.length) reply.header('retry-after', String(STORAGE_RETRY_AFTER_SECONDS));
      return reply.status(body.failed.length ? 503 : 200).send(body);
    },
  );
}
