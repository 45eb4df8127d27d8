import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { AfterPhotoRules, type PhotoStep } from '../../../../common/contracts/case-photo-rules.ts';
import { MATTER_MAJOR_CLASSES } from '../../../../common/domain/catalog.ts';
import type { Database } from '../../platform/db.ts';
import { invalidField } from '../../platform/errors.ts';
import { errorResponses } from '../../platform/http.ts';
import { actorOf, requirePermission, type Actor } from '../auth/index.ts';
import type { SettingsService } from '../settings/index.ts';
import type { CaseDeps } from './case-deps.ts';

/**
 * After-photos as evidence of the result (docs/standards.md, "After-photos"): 处置反馈 and 核查通过 need photos
 * unless the tenant waives them for a matter class (setting `case.afterPhotos`, changed with settings.manage).
 * Stored as { [majorCode]: { report_back?: false, check_pass?: false } }: only waivers are kept, so a class added
 * later, or a malformed value, still requires photos.
 */
export const AFTER_PHOTOS_KEY = 'case.afterPhotos';
type Stored = Record<string, Partial<Record<PhotoStep, boolean>>>;

const MAJORS = Object.keys(MATTER_MAJOR_CLASSES);
const majorOf = (matterCode: string) => matterCode.slice(0, 2);

function waivers(value: unknown): Stored {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Stored) : {};
}

/** Whether `step` of a case of this matter needs photos for the tenant (no settings service: always). */
export async function photosRequired(
  deps: Pick<CaseDeps, 'settings'>,
  tenantId: string,
  matterCode: string,
  step: PhotoStep,
): Promise<boolean> {
  const stored = waivers((await deps.settings?.get(tenantId, AFTER_PHOTOS_KEY))?.value);
  return stored[majorOf(matterCode)]?.[step] !== false;
}

/** The steps of a case that need photos, for the case page to mark its photo field. */
export async function photoSteps(deps: Pick<CaseDeps, 'settings'>, tenantId: string, matterCode: string) {
  const stored = waivers((await deps.settings?.get(tenantId, AFTER_PHOTOS_KEY))?.value)[majorOf(matterCode)];
  return (['report_back', 'check_pass'] as const).filter((s) => stored?.[s] !== false);
}

export function createAfterPhotoSettings(database: Database, settings: Pick<SettingsService, 'get' | 'put'>) {
  const view = async (tenantId: string): Promise<AfterPhotoRules> => {
    const stored = waivers((await settings.get(tenantId, AFTER_PHOTOS_KEY))?.value);
    return {
      classes: MAJORS.map((majorCode) => ({
        majorCode,
        reportBack: stored[majorCode]?.report_back !== false,
        checkPass: stored[majorCode]?.check_pass !== false,
      })),
    };
  };
  return {
    async get(actor: Actor): Promise<AfterPhotoRules> {
      requirePermission(actor, 'case.read');
      return view(actor.tenantId);
    },
    async put(actor: Actor, body: AfterPhotoRules): Promise<AfterPhotoRules> {
      requirePermission(actor, 'settings.manage');
      const stored: Stored = {};
      body.classes.forEach((c, i) => {
        if (!MAJORS.includes(c.majorCode))
          throw invalidField(`body.classes.${i}.majorCode`, 'enum', `one of ${MAJORS.join(', ')}`);
        const waived: Partial<Record<PhotoStep, boolean>> = {};
        if (!c.reportBack) waived.report_back = false;
        if (!c.checkPass) waived.check_pass = false;
        if (Object.keys(waived).length > 0) stored[c.majorCode] = waived;
      });
      await database.db.transaction().execute((tx) => settings.put(tx, actor, AFTER_PHOTOS_KEY, stored));
      return view(actor.tenantId);
    },
  };
}
export type AfterPhotoSettingsService = ReturnType<typeof createAfterPhotoSettings>;

export function registerAfterPhotoRoutes(app: FastifyInstance, s: AfterPhotoSettingsService): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['cases'];
  const errors = errorResponses(400, 401, 403);
  r.get(
    '/api/cases/settings/after-photos',
    {
      config: { permission: 'case.read' },
      schema: {
        tags,
        summary: 'Per matter class: whether 处置反馈 and 核查通过 need photos (default: both)',
        response: { 200: AfterPhotoRules, ...errors },
      },
    },
    async (req) => s.get(actorOf(req)),
  );
  r.put(
    '/api/cases/settings/after-photos',
    {
      config: { permission: 'settings.manage' },
      schema: {
        tags,
        summary: 'Require or waive after-photos per matter class. Audited',
        body: AfterPhotoRules,
        response: { 200: AfterPhotoRules, ...errors },
      },
    },
    async (req) => s.put(actorOf(req), req.body),
  );
}
