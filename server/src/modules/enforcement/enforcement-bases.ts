/**
 * Legal bases and discretion bands (tenant data kept by the 法制 staff), the starter set, the officers a step may
 * name, and the tenant settings of the enforcement line (docs/enforcement.md).
 */
import type {
  EnforcementSettings,
  LegalBasis,
  LegalBasisCreate,
  OfficerOption,
} from '../../../../common/contracts/enforcement.ts';
import type { Role } from '../../../../common/domain/roles.ts';

import type { Clock } from '../../platform/clock.ts';
import type { Database, Executor } from '../../platform/db.ts';
import { newId } from '../../platform/ids.ts';
import { requirePermission, type Actor } from '../auth/index.ts';
import type { AuditService } from '../audit/index.ts';
import { orgNames } from '../org/index.ts';
import type { SettingsService } from '../settings/index.ts';
import { enforcementErrors as E } from './enforcement.errors.ts';
import * as repo from './enforcement.repository.ts';
import { seedStarterBases } from './enforcement.seed.ts';
import {} from './enforcement-parties.ts';

export const ENFORCEMENT_SETTINGS_KEY = 'enforcement.settings';

/**
 * Tenant settings of the enforcement line. The hearing thresholds are set by each province's rules (art. 63):
 * the defaults are placeholders for the bureau to replace (docs/enforcement.md, "Procedures and stages").
 */
export const DEFAULT_ENFORCEMENT_SETTINGS: EnforcementSettings = {
  decisionPrefix: '城管罚决字',
  summaryPrefix: '城管当罚字',
  hearingThresholdFen: { person: 1_000_000, organisation: 10_000_000 },
};

/** Roles whose holders carry out enforcement steps (docs/enforcement.md, "Roles"). */
const OFFICER_ROLES: readonly Role[] = ['enforcementOfficer', 'squadLeader'];

/** The tenant's settings over the defaults. */
export async function settingsOf(
  settings: SettingsService,
  tenantId: string,
  ex: Executor,
): Promise<EnforcementSettings> {
  const stored = await settings.get(tenantId, ENFORCEMENT_SETTINGS_KEY, ex);
  return { ...DEFAULT_ENFORCEMENT_SETTINGS, ...((stored?.value as Partial<EnforcementSettings>) ?? {}) };
}

export function createEnforcementBases(
  database: Database,
  clock: Clock,
  deps: { audit: AuditService; settings: SettingsService },
) {
  const { db } = database;

  async function listBases(actor: Actor, violationCode?: string): Promise<LegalBasis[]> {
    requirePermission(actor, 'enforcement.read');
    const bases = await repo.listBases(db, actor.tenantId, violationCode);
    const bands = await repo.bandsOf(
      db,
      bases.map((b) => b.id),
    );
    const order = ['slight', 'general', 'serious', 'severe'];
    return bases.map((b) => ({
      id: b.id,
      violationCode: b.violation_code,
      violationName: b.violation_name,
      law: b.law,
      article: b.article,
      provisionText: b.provision_text,
      sample: b.sample === 1,
      bands: bands
        .filter((x) => x.basis_id === b.id)
        .sort((x, y) => order.indexOf(x.level) - order.indexOf(y.level))
        .map((x) => ({
          id: x.id,
          level: x.level,
          minFen: Number(x.min_fen),
          maxFen: Number(x.max_fen),
          factors: x.factors,
        })),
    }));
  }

  return {
    listBases,

    async createBasis(actor: Actor, input: LegalBasisCreate): Promise<LegalBasis> {
      requirePermission(actor, 'enforcement.manage');
      const levels = new Set<string>();
      input.bands.forEach((b, i) => {
        if (b.maxFen < b.minFen) throw E.field(`body.bands.${i}.maxFen`, 'range', 'the maximum is below the minimum');
        if (levels.has(b.level)) throw E.field(`body.bands.${i}.level`, 'unique', 'each level once');
        levels.add(b.level);
      });
      const now = clock.now().toISOString();
      const id = newId();
      await db.transaction().execute(async (tx) => {
        await repo.insertBasis(
          tx,
          {
            id,
            tenant_id: actor.tenantId,
            violation_code: input.violationCode,
            violation_name: input.violationName,
            law: input.law,
            article: input.article,
            provision_text: input.provisionText,
            sample: 0,
            active: 1,
            created_at: now,
            updated_at: now,
          },
          input.bands.map((b) => ({
            id: newId(),
            tenant_id: actor.tenantId,
            basis_id: id,
            level: b.level,
            min_fen: b.minFen,
            max_fen: b.maxFen,
            factors: b.factors,
          })),
        );
        await deps.audit.record(tx, actor, actor.tenantId, {
          action: 'enforcement.basis.create',
          entity: 'legal_basis',
          entityId: id,
          before: null,
          after: input,
        });
      });
      const all = await listBases(actor, input.violationCode);
      return all.find((b) => b.id === id) as LegalBasis;
    },

    /** Loads the starter set (marked sample) into a city that has no legal bases yet. */
    async loadStarterBases(actor: Actor): Promise<{ written: number }> {
      requirePermission(actor, 'enforcement.manage');
      const written = await db.transaction().execute(async (tx) => {
        const n = await seedStarterBases(tx, actor.tenantId, clock.now().toISOString());
        if (n > 0)
          await deps.audit.record(tx, actor, actor.tenantId, {
            action: 'enforcement.basis.starter',
            entity: 'legal_basis',
            entityId: actor.tenantId,
            before: null,
            after: { written: n },
          });
        return n;
      });
      return { written };
    },

    /** The officers a step may name, for the pickers (officers themselves hold no user.read). */
    async officers(actor: Actor): Promise<OfficerOption[]> {
      requirePermission(actor, 'enforcement.read');
      const rows = await orgNames.activeUsersWithRoles(db, actor.tenantId, OFFICER_ROLES);
      return rows.map((r) => ({ userId: r.id, name: r.display_name, unitName: r.unit_name }));
    },

    async getSettings(actor: Actor): Promise<EnforcementSettings> {
      requirePermission(actor, 'enforcement.read');
      return settingsOf(deps.settings, actor.tenantId, db);
    },

    async putSettings(actor: Actor, value: EnforcementSettings): Promise<EnforcementSettings> {
      requirePermission(actor, 'enforcement.manage');
      await db.transaction().execute((tx) => deps.settings.put(tx, actor, ENFORCEMENT_SETTINGS_KEY, value));
      return settingsOf(deps.settings, actor.tenantId, db);
    },
  };
}
