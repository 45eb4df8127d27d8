/**
 * Open311 GeoReport v2 under /open311/v2 (discovery, services from the catalog, definitions from 立结案标准,
 * requests read and written, tokens, mySociety updates) and the 开放接口 admin of client applications and keys.
 */
import type { FastifyInstance } from 'fastify';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db.ts';
import type { HitCounter } from '../../platform/rate-counter.ts';
import type { AuditService } from '../audit/index.ts';
import { createClientService } from './open311-clients.service.ts';
import { createOpen311Intake, type IntakeDeps } from './open311-intake.ts';
import { createOpen311Updates, type UpdatesDeps } from './open311-updates.ts';
import { createOpen311Reader, type Open311Deps } from './open311.service.ts';
import { registerOpen311AdminRoutes } from './open311-admin.routes.ts';
import { registerOpen311Routes, type Open311Limits } from './open311.routes.ts';

/** `hits`: the app's rate counter, for each api_key's per-minute limit. */
export type Open311ServiceDeps = Omit<Open311Deps, 'cases'> & IntakeDeps & UpdatesDeps & { cases: Open311Deps['cases'] & IntakeDeps['cases'] & UpdatesDeps['cases']; hits: HitCounter };

export function createOpen311Services(database: Database, clock: Clock, audit: AuditService, deps: Open311ServiceDeps) {
  return {
    reader: createOpen311Reader(database, clock, deps),
    intake: createOpen311Intake(database, clock, deps),
    updates: createOpen311Updates(database, clock, deps),
    clients: createClientService(database, clock, audit, deps.hits),
  };
}
export type Open311Services = ReturnType<typeof createOpen311Services>;

/** Both route sets: /open311/v2/* (GeoReport formats) and /api/open311/clients (permission apikey.manage). */
export async function registerOpen311(app: FastifyInstance, s: Open311Services, limits: Open311Limits): Promise<void> {
  await registerOpen311Routes(app, s, limits);
  registerOpen311AdminRoutes(app, s.clients);
}
