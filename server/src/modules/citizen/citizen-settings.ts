import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { CitizenSettings } from '../../../../common/contracts/public.ts';
import type { Database } from '../../platform/db.ts';
import { errorResponses } from '../../platform/http.ts';
import { actorOf, requirePermission, type Actor } from '../auth/index.ts';
import { REOPEN_DAYS_KEY, type CaseService } from '../cases/index.ts';
import type { SettingsService } from '../settings/index.ts';

/**
 * The reopen window is business data (docs/conventions.md, "Configuration"): tenant setting `case.reopenDays`, read
 * by the case
 * module; administrators change it here (audited by the settings service). 0 turns citizen reopening off.
 */
export function createCitizenSettings(
  database: Database,
  settings: Pick<SettingsService, 'put'>,
  cases: Pick<CaseService, 'reopenDays'>,
) {
  return {
    async get(actor: Actor): Promise<CitizenSettings> {
      requirePermission(actor, 'case.read');
      return { reopenDays: await cases.reopenDays(actor.tenantId) };
    },
    async put(actor: Actor, body: CitizenSettings): Promise<CitizenSettings> {
      requirePermission(actor, 'settings.manage');
      await database.db.transaction().execute((tx) => settings.put(tx, actor, REOPEN_DAYS_KEY, body.reopenDays));
      return { reopenDays: await cases.reopenDays(actor.tenantId) };
    },
  };
}
export type CitizenSettingsService = ReturnType<typeof createCitizenSettings>;

export function registerCitizenSettingsRoutes(app: FastifyInstance, s: CitizenSettingsService): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['public'];
  const errors = errorResponses(400, 401, 403);
  r.get(
    '/api/citizen/settings',
    {
      config: { permission: 'case.read' },
      schema: {
        tags,
        summary: 'Citizen channel settings (reopen window in days)',
        response: { 200: CitizenSettings, ...errors },
      },
    },
    async (req) => s.get(actorOf(req)),
  );
  r.put(
    '/api/citizen/settings',
    {
      config: { permission: 'settings.manage' },
      schema: {
        tags,
        summary: 'Change the citizen reopen window (0–90 days after closing; 0 = off)',
        body: CitizenSettings,
        response: { 200: CitizenSettings, ...errors },
      },
    },
    async (req) => s.put(actorOf(req), req.body),
  );
}
