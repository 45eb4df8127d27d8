import type { Expression, SqlBool } from 'kysely';
import type { CasePhoto, CaseTransition } from '../../../../common/contracts/cases.ts';
import type { CaseState } from '../../../../common/domain/case-status.ts';
import type { WorkCalendar } from '../../../../common/domain/work-calendar.ts';
import type { CasesTable } from '../../db/schema.ts';
import type { ChainKeys } from '../../platform/chain-keys.ts';
import type { Executor } from '../../platform/db.ts';
import type { LiveHub } from '../../platform/live-events.ts';
import type { LocatedPoint } from '../geo/index.ts';
import type { Actor } from '../auth/index.ts';
import type { StepLimit } from './case-sla.ts';

/**
 * What the case service needs from the platform and other modules. In a file of its own so the parts of the
 * service in other files (external intake, the SLA sweep) take it without importing the service itself.
 */
export interface CaseDeps {
  /** keys of the timeline's hash chain (platform/chain-keys.ts) */
  chainKeys: ChainKeys;
  calendar: { forTenant(tenantId: string, ex?: Executor): Promise<WorkCalendar> };
  geo: { locatePoint(tenantId: string, lng: number, lat: number): Promise<LocatedPoint | null> };
  live: LiveHub;
  stepLimits: { forTenant(tenantId: string): Promise<Readonly<Partial<Record<CaseState, StepLimit>>>> };
  /** inspectors for 核实/核查, on duty and nearest first (the monitor module, through the composition root) */
  inspectorChoices?: (
    tenantId: string,
    at: { lng: number; lat: number } | null,
  ) => Promise<{ id: string; displayName: string; onDuty: boolean; distanceM: number | null }[]>;
  /** inspectors holding responsibility grids (one grid or any), on duty now or not (the monitor module) */
  gridInspectors?: (
    tenantId: string,
    gridCode?: string | null,
  ) => Promise<{ id: string; displayName: string; onDuty: boolean }[]>;
  routing?: {
    suggestUnit(
      tenantId: string,
      q: {
        matterCode: string;
        streetId: string | null;
        communityId: string | null;
        filingConditionUnitId?: string | null;
      },
      ex?: Executor,
    ): Promise<{ unitId: string } | null>;
    findDuplicates(
      tenantId: string,
      q: {
        caseId?: string;
        matterCode: string;
        lng: number;
        lat: number;
        at: Date;
        visibility?: Expression<SqlBool> | null;
      },
      ex?: Executor,
    ): Promise<unknown[]>;
  };
  /**
   * Told of every status change inside its transaction (subscriptions to a case's updates write their notices
   * there, so a notice exists exactly when the change does). Late-bound in the composition root.
   */
  statusWatch?: { changed(tx: Executor, c: CasesTable, to: CaseState, at: string): Promise<void> };
  /**
   * Told of every 督办 inside its transaction: the supervision module issues the 督办单 there (or refuses, which
   * undoes the step), so the timeline row and the order exist together. Late-bound in the composition root.
   */
  escalationWatch?: {
    escalated(tx: Executor, actor: Actor, c: CasesTable, input: CaseTransition, at: string): Promise<void>;
  };
  /** tenant settings (case.reopenDays); `current` reuses a read for a few seconds (the public channels on each intake) */
  settings?: {
    get(tenantId: string, key: string): Promise<{ value: unknown } | undefined>;
    current(tenantId: string, key: string): Promise<{ value: unknown } | undefined>;
  };
  photos?: {
    attachExternal?(
      tx: Executor,
      tenantId: string,
      caseId: string,
      photoIds: readonly string[],
      phase: 'before' | 'after' | 'check',
      uploader: string,
    ): Promise<void>;
    attachPhotos(
      tx: Executor,
      tenantId: string,
      caseId: string,
      photoIds: readonly string[],
      phase: 'before' | 'after' | 'check',
      actorUserId: string,
    ): Promise<void>;
    photosOfCase(
      db: Executor,
      tenantId: string,
      caseIds: readonly string[],
    ): Promise<CasePhoto[] | Map<string, CasePhoto[]>>;
  };
}
