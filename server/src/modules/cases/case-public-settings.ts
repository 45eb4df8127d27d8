import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { PublicOutputRule, PublicOutputSettings } from '../../../../common/contracts/case-public.ts';
import {
  NEVER_PUBLIC_CHANNELS,
  PUBLIC_CHANNELS_SETTING,
  PUBLIC_COORDINATE_DECIMALS,
  PUBLISHABLE_CHANNELS,
  type PublishableChannel,
} from '../../../../common/domain/public-output.ts';
import type { Database } from '../../platform/db.ts';
import { invalidField } from '../../platform/errors.ts';
import { errorResponses } from '../../platform/http.ts';
import { actorOf, requirePermission, type Actor } from '../auth/index.ts';
import type { SettingsService } from '../settings/index.ts';

/**
 * The tenant's public channels (setting `public.channels`) as business data with an admin API: read with
 * case.read, changed with settings.manage, every change audited by the settings service in the same transaction.
 */
export function createPublicOutputSettings(
  database: Database,
  settings: Pick<SettingsService, 'put'>,
  cases: { publicChannels(tenantId: string): Promise<PublishableChannel[]> },
) {
  const view = async (tenantId: string): Promise<PublicOutputRule> => ({
    publicChannels: await cases.publicChannels(tenantId),
    neverPublicChannels: [...NEVER_PUBLIC_CHANNELS],
    coordinateDecimals: PUBLIC_COORDINATE_DECIMALS,
  });
  return {
    async get(actor: Actor): Promise<PublicOutputRule> {
      requirePermission(actor, 'case.read');
      return view(actor.tenantId);
    },
    async put(actor: Actor, body: PublicOutputSettings): Promise<PublicOutputRule> {
      requirePermission(actor, 'settings.manage');
      // the contract already refuses these; the service keeps the rule for any other caller
      body.publicChannels.forEach((c, i) => {
        if (!(PUBLISHABLE_CHANNELS as readonly string[]).includes(c))
          throw invalidField(`body.publicChannels.${i}`, 'enum', `one of ${PUBLISHABLE_CHANNELS.join(', ')}`);
      });
      const channels = PUBLISHABLE_CHANNELS.filter((c) => body.publicChannels.includes(c as PublishableChannel));
      await database.db.transaction().execute((tx) => settings.put(tx, actor, PUBLIC_CHANNELS_SETTING, channels));
      return view(actor.tenantId);
    },
  };
}
export type PublicOutputSettingsService = ReturnType<typeof createPublicOutputSettings>;

export function registerPublicOutputRoutes(app: FastifyInstance, s: PublicOutputSettingsService): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['cases'];
  const errors = errorResponses(400, 401, 403);
  r.get(
    '/api/cases/settings/public-output',
    {
      config: { permission: 'case.read' },
      schema: {
        tags,
        summary:
          'Which channels public routes show (Open311, citizen tracking, public photos) and the fixed parts of the rule',
        response: { 200: PublicOutputRule, ...errors },
      },
    },
    async (req) => s.get(actorOf(req)),
  );
  r.put(
    '/api/cases/settings/public-output',
    {
      config: { permission: 'settings.manage' },
      schema: {
        tags,
        summary: 'Choose the public channels (信访 never; [] publishes nothing). Audited',
        body: PublicOutputSettings,
        response: { 200: PublicOutputRule, ...errors },
      },
    },
    async (req) => s.put(actorOf(req), req.body),
  );
}
