import { Type, type Static } from 'typebox';
import type { CaseState } from '../../../../common/domain/case-status.ts';
import { LIMIT_UNITS } from '../../../../common/domain/work-calendar.ts';
import type { Database } from '../../platform/db.ts';
import { requirePermission, type Actor } from '../auth/index.ts';
import type { SettingsService } from '../settings/index.ts';
import { DEFAULT_STEP_LIMITS, type StepLimit } from './case-sla.ts';

/** Each step's limit is data: tenant setting `case.stepLimits`, defaults from docs/standards.md, "Time limits". */
export const STEP_LIMIT_KEY = 'case.stepLimits';
export const TIMED_STEPS = [
  'reported',
  'verifying',
  'pending_filing',
  'pending_dispatch',
  'reported_back',
  'checking',
  'pending_close',
] as const;

const Limit = Type.Object({
  value: Type.Number({ exclusiveMinimum: 0, maximum: 1000 }),
  unit: Type.Enum([...LIMIT_UNITS]),
});
export const StepLimits = Type.Object(
  Object.fromEntries(TIMED_STEPS.map((s) => [s, Limit])) as Record<(typeof TIMED_STEPS)[number], typeof Limit>,
);
export type StepLimits = Static<typeof StepLimits>;

function isLimit(v: unknown): v is StepLimit {
  const o = v as { value?: unknown; unit?: unknown } | null;
  return (
    !!o && typeof o.value === 'number' && o.value > 0 && (LIMIT_UNITS as readonly string[]).includes(String(o.unit))
  );
}

export function createStepLimits(database: Database, settings: SettingsService) {
  /** Stored values over the defaults; anything malformed in storage falls back to the default for that step. */
  async function forTenant(tenantId: string): Promise<Readonly<Partial<Record<CaseState, StepLimit>>>> {
    const stored = (await settings.current(tenantId, STEP_LIMIT_KEY))?.value as Record<string, unknown> | undefined;
    const out: Partial<Record<CaseState, StepLimit>> = { ...DEFAULT_STEP_LIMITS };
    for (const step of TIMED_STEPS) {
      const v = stored?.[step];
      if (isLimit(v)) out[step] = { value: v.value, unit: v.unit };
    }
    return out;
  }
  return {
    forTenant,
    async get(actor: Actor): Promise<StepLimits> {
      requirePermission(actor, 'case.read');
      return (await forTenant(actor.tenantId)) as StepLimits;
    },
    async put(actor: Actor, limits: StepLimits): Promise<StepLimits> {
      requirePermission(actor, 'settings.manage');
      await database.db.transaction().execute((tx) => settings.put(tx, actor, STEP_LIMIT_KEY, limits));
      return (await forTenant(actor.tenantId)) as StepLimits;
    },
  };
}
export type StepLimitService = ReturnType<typeof createStepLimits>;
