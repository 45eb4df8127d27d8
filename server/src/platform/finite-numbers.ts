import type { FastifyInstance } from 'fastify';
import { invalidField } from './errors.ts';

/**
 * The path of the first non-finite number in a parsed query or body, or null. Raw uploads (Buffers) are not
 * walked, and at most `budget` values are looked at, so a large GeoJSON import costs little (its own validation
 * refuses impossible coordinates anyway).
 */
export function firstNonFinite(value: unknown, path: string, budget = { left: 20_000 }, depth = 0): string | null {
  if (typeof value === 'number') return Number.isFinite(value) ? null : path;
  if (depth > 8 || value === null || typeof value !== 'object' || ArrayBuffer.isView(value)) return null;
  for (const [k, v] of Object.entries(value)) {
    if (--budget.left < 0) return null;
    const found = firstNonFinite(v, Array.isArray(value) ? `${path}[${k}]` : `${path}.${k}`, budget, depth + 1);
    if (found) return found;
  }
  return null;
}

/**
 * ajv's coercion turns "Infinity" or "1e309" into Infinity and lets it pass `integer` and `maximum`, and JSON.parse
 * reads 1e309 as Infinity: such a value then breaks SQL offsets and the response serializer (a 500, found by the
 * route fuzzer). Every route refuses it with the usual 400 naming the field.
 */
export function installFiniteNumberGuard(app: FastifyInstance): void {
  app.addHook('preHandler', async (request) => {
    const bad =
      firstNonFinite(request.query, 'query') ??
      firstNonFinite(request.body, 'body') ??
      firstNonFinite(request.params, 'params');
    if (bad) throw invalidField(bad, 'type', 'must be a finite number');
  });
}
