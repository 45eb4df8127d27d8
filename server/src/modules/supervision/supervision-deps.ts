import type { CaseTransition } from '../../../../common/contracts/cases.ts';
import { DEFAULT_REPLY_LIMITS, type SupervisionLevel } from '../../../../common/domain/supervision.ts';
import type { WorkCalendar } from '../../../../common/domain/work-calendar.ts';
import type { Executor } from '../../platform/db.ts';
import type { LiveHub } from '../../platform/live-events.ts';
import type { Actor } from '../auth/index.ts';

/** What the supervision service needs from other modules (a file of its own so the sweep takes it too). */
export interface SupervisionDeps {
  calendar: { forTenant(tenantId: string, ex?: Executor): Promise<WorkCalendar> };
  /** the case service: reading a case under its visibility rule and taking the 督办 step */
  cases: {
    get(actor: Actor, id: string): Promise<{ id: string; version: number }>;
    transition(actor: Actor, id: string, input: CaseTransition): Promise<unknown>;
  };
  photos: {
    attachPhotos(
      tx: Executor,
      tenantId: string,
      caseId: string,
      photoIds: readonly string[],
      phase: 'before' | 'after' | 'check',
      actorUserId: string,
    ): Promise<void>;
  };
  live: LiveHub;
}

/** The deadline of a level from an instant, on the tenant's work calendar (docs/supervision.md, "Deadlines"). */
export const dueFrom = (calendar: WorkCalendar, from: Date, level: SupervisionLevel): Date =>
  calendar.addLimit(from, DEFAULT_REPLY_LIMITS[level].value, DEFAULT_REPLY_LIMITS[level].unit);
