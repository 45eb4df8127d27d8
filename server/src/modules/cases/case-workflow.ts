import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { MATTER_MAJOR_CLASSES } from '../../../../common/domain/catalog.ts';
import { WorkflowOptionsBody } from '../../../../common/contracts/workflow-options.ts';
import { workflowOf, type WorkflowOptions } from '../../../../common/domain/workflow-options.ts';
import type { Database } from '../../platform/db.ts';
import { AppError, invalidField, withMessage } from '../../platform/errors.ts';
import { errorResponses } from '../../platform/http.ts';
import { actorOf, requirePermission, type Actor } from '../auth/index.ts';
import { catalogReadModel } from '../catalog/index.ts';
import type { SettingsService } from '../settings/index.ts';
import * as repo from './case.repository.ts';
import { AFTER_PHOTOS_KEY, photoRulesOf, storedPhotoRules } from './case-photo-rules.ts';
import { unclosableOption } from './case-workflow-closable.ts';

/**
 * The tenant's workflow options (应用维护, docs/workflow-options.md): setting `case.workflow`, with the photo rules of
 * `case.afterPhotos` edited beside them. Read on every step through the settings cache; written with settings.manage,
 * audited, and refused when the set would leave some case unable to close.
 */
export const WORKFLOW_KEY = 'case.workflow';
const MAJORS = Object.keys(MATTER_MAJOR_CLASSES);

/** Inspectors holding responsibility grids, and whether they are on duty now (the monitor module). */
export type GridInspectors = (
  tenantId: string,
  gridCode?: string | null,
) => Promise<{ id: string; displayName: string; onDuty: boolean }[]>;

export async function workflowFor(
  settings: { current(tenantId: string, key: string): Promise<{ value: unknown } | undefined> } | undefined,
  tenantId: string,
): Promise<WorkflowOptions> {
  return workflowOf((await settings?.current(tenantId, WORKFLOW_KEY))?.value);
}

export function createWorkflowSettings(
  database: Database,
  settings: Pick<SettingsService, 'get' | 'put' | 'current'>,
  gridInspectors: GridInspectors | undefined,
) {
  const { db } = database;
  const view = async (tenantId: string): Promise<WorkflowOptionsBody> => {
    const [options, photos] = await Promise.all([
      settings.get(tenantId, WORKFLOW_KEY),
      settings.get(tenantId, AFTER_PHOTOS_KEY),
    ]);
    return { ...workflowOf(options?.value), photos: photoRulesOf(photos?.value) };
  };

  /** Whether the set leaves every case that closes today still able to close, read against the tenant's data. */
  async function refuseUnclosable(tenantId: string, options: WorkflowOptions) {
    const [matters, withConditions, inspectors, holders] = await Promise.all([
      catalogReadModel.activeMattersFull(db, tenantId),
      catalogReadModel.conditionStats(db, tenantId),
      repo.inspectors(db, tenantId),
      options.checkBy === 'grid_on_duty' && gridInspectors ? gridInspectors(tenantId) : Promise.resolve([]),
    ]);
    const known = new Set(matters.map((m) => m.code));
    for (const list of ['dispatchOnAccept', 'selfHandle'] as const)
      (options[list] ?? []).forEach((code, i) => {
        if (!(code.length === 2 ? MAJORS.includes(code) : known.has(code)))
          throw invalidField(`body.${list}.${i}`, 'exists', 'no such matter class or active matter');
      });
    const conditioned = new Set(withConditions.filter((r) => Number(r.n) > 0).map((r) => r.matter_code));
    // One matter per class of path is enough: the options tell matters apart only by the lists they name.
    const named = new Set([...options.dispatchOnAccept, ...(options.selfHandle ?? [])]);
    const sample = matters
      .map((m) => m.code)
      .filter((code, i, all) => i === all.findIndex((c) => c.slice(0, 2) === code.slice(0, 2)) || named.has(code));
    const found = unclosableOption(
      options,
      {
        inspectors: inspectors.length > 0,
        gridInspectors: holders.length > 0,
        hasCondition: (m) => conditioned.has(m),
      },
      sample,
    );
    if (found)
      throw new AppError('CASE_WORKFLOW_UNCLOSABLE', 400, [
        withMessage(
          { field: `body.${found.option}`, rule: 'closable' },
          `details.workflow.unclosable.${found.option.split('.')[0]}`,
          { channel: found.channel, matter: found.matterCode },
        ),
      ]);
  }

  return {
    async get(actor: Actor): Promise<WorkflowOptionsBody> {
      requirePermission(actor, 'case.read');
      return view(actor.tenantId);
    },
    async put(actor: Actor, body: WorkflowOptionsBody): Promise<WorkflowOptionsBody> {
      requirePermission(actor, 'settings.manage');
      const { photos, ...rest } = body;
      const options = workflowOf(rest);
      await refuseUnclosable(actor.tenantId, options);
      await db.transaction().execute(async (tx) => {
        const previous = (await settings.get(actor.tenantId, AFTER_PHOTOS_KEY, tx))?.value;
        const stored = storedPhotoRules(photos, previous, 'body.photos');
        await settings.put(tx, actor, WORKFLOW_KEY, options);
        await settings.put(tx, actor, AFTER_PHOTOS_KEY, stored);
      });
      return view(actor.tenantId);
    },
  };
}
export type WorkflowSettingsService = ReturnType<typeof createWorkflowSettings>;

export function registerWorkflowRoutes(app: FastifyInstance, s: WorkflowSettingsService): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['cases'];
  r.get(
    '/api/cases/settings/workflow',
    {
      config: { permission: 'case.read' },
      schema: {
        tags,
        summary: 'The workflow options: 核实 per channel, 受理即派遣, 自行处置, who checks, photos per step',
        response: { 200: WorkflowOptionsBody, ...errorResponses(401, 403) },
      },
    },
    async (req) => s.get(actorOf(req)),
  );
  r.put(
    '/api/cases/settings/workflow',
    {
      config: { permission: 'settings.manage' },
      schema: {
        tags,
        summary:
          'Change the workflow options. Refused (400, naming the option) when some case could no longer close. Audited',
        body: WorkflowOptionsBody,
        response: { 200: WorkflowOptionsBody, ...errorResponses(400, 401, 403) },
      },
    },
    async (req) => s.put(actorOf(req), req.body),
  );
}
