import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Clock } from '../../platform/clock.ts';
import type { HitCounter } from '../../platform/rate-counter.ts';
import { Limiter } from './citizen-limits.ts';
import { deviceOf, tooMany } from './citizen.routes.ts';

const HOUR = 3_600_000;
/** A city code as the citizen page sends it in `x-city`; anything else falls back to the default city. */
const CITY = /^[A-Za-z0-9_-]{1,20}$/;

/** What a business line's citizen routes may take: reads per IP, and (when it has writes) writes per device and IP. */
export interface PublicLineLimits {
  readsPerMinuteIp: number;
  writes?: { name: string; perHourDevice: number; perHourIp: number };
}

export interface PublicLineOptions {
  /** the line's name: its limiters count under `<name>-reads` and `<name>-<writes.name>` */
  name: string;
  limits: PublicLineLimits;
  tenantOf: (cityCode: string | null) => Promise<{ id: string }>;
  hits: HitCounter;
  clock: Clock;
}

/** Handed to the line's own registration: the typed scope, the tenant of a request, and the public route config. */
export interface PublicLine {
  routes: ReturnType<typeof typed>;
  /** the tenant id of the city named by `x-city` (or the default city) */
  tenant: (req: FastifyRequest) => Promise<string>;
  config: { readonly public: true };
  tags: string[];
}

const typed = (scope: FastifyInstance) => scope.withTypeProvider<TypeBoxTypeProvider>();

/**
 * The plumbing every business line's citizen routes share (夜市, 门前三包, 文明黄线): no session, every GET counted
 * per IP and every write per device and per IP (docs/security.md, "Rate limits across instances"), refusals as the
 * citizen page's 429, and the city taken from the `x-city` header like the other citizen routes. A line without
 * writes refuses nothing else: its scope registers only GETs.
 */
export async function publicLineScope(
  app: FastifyInstance,
  o: PublicLineOptions,
  register: (line: PublicLine) => void | Promise<void>,
): Promise<void> {
  const reads = new Limiter(
    `${o.name}-reads`,
    [{ scope: 'ip', limit: o.limits.readsPerMinuteIp, windowMs: 60_000 }],
    o.hits,
  );
  const w = o.limits.writes;
  const writes = w
    ? new Limiter(
        `${o.name}-${w.name}`,
        [
          { scope: 'device', limit: w.perHourDevice, windowMs: HOUR },
          { scope: 'ip', limit: w.perHourIp, windowMs: HOUR },
        ],
        o.hits,
      )
    : reads;
  const tenant = async (req: FastifyRequest) => {
    const city = req.headers['x-city'];
    return (await o.tenantOf(typeof city === 'string' && CITY.test(city) ? city : null)).id;
  };
  await app.register(async (scope) => {
    scope.addHook('onRequest', async (req, reply) => {
      const read = req.method === 'GET' || !w;
      const device = read ? `ip:${req.ip}` : deviceOf(req).key;
      const refusal = await (read ? reads : writes).take({ ip: req.ip, device }, o.clock.now().getTime());
      if (refusal) return tooMany(req, reply, refusal);
    });
    await register({ routes: typed(scope), tenant, config: { public: true }, tags: ['public'] });
  });
}
