import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { AfterPhotoRules } from '../../../../common/contracts/case-photo-rules.ts';
import {
  WORKFLOW_PHOTO_STEPS,
  type PhotoRule,
  type WorkflowPhotoStep,
} from '../../../../common/contracts/workflow-options.ts';
import { MATTER_MAJOR_CLASSES } from '../../../../common/domain/catalog.ts';
import type { Database } from '../../platform/db.ts';
import { invalidField } from '../../platform/errors.ts';
import { errorResponses } from '../../platform/http.ts';
import { actorOf, requirePermission, type Actor } from '../auth/index.ts';
import type { SettingsService } from '../settings/index.ts';
import type { CaseDeps } from './case-deps.ts';

/**
 * Photos as evidence of a step (docs/standards.md, "After-photos"; docs/workflow-options.md, "Photos"): per matter
 * class, which of 核实, 处置反馈, 核查通过 and 自行处置 must carry photos (setting `case.afterPhotos`, changed with
 * settings.manage). 处置反馈 and 核查通过 need them unless waived, the other two only when asked for. Stored as
 * { [majorCode]: { report_back?: false, check_pass?: false, verify?: true, self_handle?: true } }: only departures
 * from the defaults are kept, so a class added later, or a malformed value, keeps the defaults.
 */
export const AFTER_PHOTOS_KEY = 'case.afterPhotos';
type Stored = Record<string, Partial<Record<WorkflowPhotoStep, boolean>>>;

export const PHOTO_DEFAULTS: Readonly<Record<WorkflowPhotoStep, boolean>> = {
  verify: false,
  report_back: true,
  check_pass: true,
  self_handle: false,
};

// Sorted: '10' is an integer-like key, so the object lists it before '01'.
const MAJORS = Object.keys(MATTER_MAJOR_CLASSES).sort();
const majorOf = (matterCode: string) => matterCode.slice(0, 2);

function departures(value: unknown): Stored {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Stored) : {};
}

const requiredIn = (stored: Stored, majorCode: string, step: WorkflowPhotoStep) => {
  const v = stored[majorCode]?.[step];
  return typeof v === 'boolean' ? v : PHOTO_DEFAULTS[step];
};

/** Whether `step` of a case of this matter needs photos for the tenant (no settings service: the defaults). */
export async function photosRequired(
  deps: Pick<CaseDeps, 'settings'>,
  tenantId: string,
  matterCode: string,
  step: WorkflowPhotoStep,
): Promise<boolean> {
  const stored = departures((await deps.settings?.get(tenantId, AFTER_PHOTOS_KEY))?.value);
  return requiredIn(stored, majorOf(matterCode), step);
}

/**
 * The steps of a case that need photos, for the case page to mark its photo field. Every case answer shows it (an
 * intake's too), so it is read through the settings cache, which a change of the rules forgets; the step itself
 * checks the stored rule (photosRequired).
 */
export async function photoSteps(deps: Pick<CaseDeps, 'settings'>, tenantId: string, matterCode: string) {
  const stored = departures((await deps.settings?.current(tenantId, AFTER_PHOTOS_KEY))?.value);
  return WORKFLOW_PHOTO_STEPS.filter((s) => requiredIn(stored, majorOf(matterCode), s));
}

/** The rules of every class, as the workflow options show them. */
export function photoRulesOf(value: unknown): PhotoRule[] {
  const stored = departures(value);
  return MAJORS.map((majorCode) => ({
    majorCode,
    verify: requiredIn(stored, majorCode, 'verify'),
    reportBack: requiredIn(stored, majorCode, 'report_back'),
    checkPass: requiredIn(stored, majorCode, 'check_pass'),
    selfHandle: requiredIn(stored, majorCode, 'self_handle'),
  }));
}

/** Rules → the stored departures; a class left out keeps what `previous` held for it. `path` names the list for errors. */
export function storedPhotoRules(rules: readonly Partial<PhotoRule>[], previous: unknown, path: string): Stored {
  const out: Stored = { ...departures(previous) };
  rules.forEach((r, i) => {
    const major = r.majorCode ?? '';
    if (!MAJORS.includes(major)) throw invalidField(`${path}.${i}.majorCode`, 'enum', `one of ${MAJORS.join(', ')}`);
    const given: Partial<Record<WorkflowPhotoStep, boolean | undefined>> = {
      verify: r.verify,
      report_back: r.reportBack,
      check_pass: r.checkPass,
      self_handle: r.selfHandle,
    };
    const kept: Partial<Record<WorkflowPhotoStep, boolean>> = {};
    for (const step of WORKFLOW_PHOTO_STEPS) {
      const v = given[step] ?? requiredIn(out, major, step);
      if (v !== PHOTO_DEFAULTS[step]) kept[step] = v;
    }
    if (Object.keys(kept).length > 0) out[major] = kept;
    else delete out[major];
  });
  return out;
}

export function createAfterPhotoSettings(database: Database, settings: Pick<SettingsService, 'get' | 'put'>) {
  const tenantId = (actor: Actor) => actor.tenantId;
  const view = async (tenant: string): Promise<AfterPhotoRules> => ({
    classes: photoRulesOf((await settings.get(tenant, AFTER_PHOTOS_KEY))?.value).map((r) => ({
      majorCode: r.majorCode,
      reportBack: r.reportBack,
      checkPass: r.checkPass,
    })),
  });
  return {
    async get(actor: Actor): Promise<AfterPhotoRules> {
      requirePermission(actor, 'case.read');
      return view(actor.tenantId);
    },
    /**
     * The older, narrower form: 处置反馈 and 核查通过 per class. A class not listed goes back to the defaults of those
     * two steps; the 核实 and 自行处置 rules set through the workflow options stay as they are.
     */
    async put(actor: Actor, body: AfterPhotoRules): Promise<AfterPhotoRules> {
      requirePermission(actor, 'settings.manage');
      await database.db.transaction().execute(async (tx) => {
        const previous = departures((await settings.get(tenantId(actor), AFTER_PHOTOS_KEY, tx))?.value);
        const base: Stored = {};
        for (const [major, steps] of Object.entries(previous)) {
          const { verify, self_handle } = steps ?? {};
          const rest = {
            ...(verify !== undefined ? { verify } : {}),
            ...(self_handle !== undefined ? { self_handle } : {}),
          };
          if (Object.keys(rest).length) base[major] = rest;
        }
        const stored = storedPhotoRules(body.classes, base, 'body.classes');
        await settings.put(tx, actor, AFTER_PHOTOS_KEY, stored);
      });
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
