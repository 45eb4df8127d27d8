/**
 * What a decision to grant does outside this module: the registry of register effects, keyed by application type
 * code. The composition root registers one per type whose register lives in another module (户外广告 → the sign
 * inventory, 文明黄线 → its permits, …); a type without one keeps only this module's generic permit record.
 * An effect may first `prepare` what it needs outside any transaction (on SQLite the one connection belongs to the
 * transaction until it ends, so a register that reads the city's geography reads it here); then `apply` runs inside
 * the decision's transaction, so the decision, the permit, the register entry and the audit rows commit or fail
 * together (docs/approvals.md, "Register effects").
 */
import type { DetailGeometry } from '../../../../common/contracts/approvals.ts';
import type { Executor } from '../../platform/db.ts';
import type { Actor } from '../auth/index.ts';

export type DetailValue = string | number | null | DetailGeometry;

/** What an effect is told about a granted application. */
export interface ApprovalDecision {
  tenantId: string;
  /** the decider: the register's audit row names them */
  actor: Actor;
  applicationId: string;
  applicationNo: string;
  typeCode: string;
  typeName: string;
  applicantName: string;
  /** full phone number: registers that keep the holder's phone mask it themselves */
  applicantPhone: string;
  address: string;
  details: Readonly<Record<string, DetailValue>>;
  permitNo: string;
  /** local dates: the decision day and the permit's last day (null: no end) */
  validFrom: string;
  validTo: string | null;
  note: string;
}

/** Where the entry went: a register name (e.g. `outdoor_ad`) and the entry's id in it. */
export interface RegisterEntry {
  register: string;
  id: string;
}

export interface DetailIssue {
  /** request path, e.g. body.details.adType or body.validTo */
  field: string;
  message: string;
}

export interface ApprovalEffect<P = unknown> {
  /**
   * Runs before the decision's transaction, only for a grant; what it answers is handed to `apply`. It must not
   * write: a refused decision leaves nothing behind.
   */
  prepare?(tenantId: string, actor: Actor): Promise<P>;
  /** Writes the register entry in `tx`; throws an AppError (4xx) to refuse, which rolls the decision back. */
  apply(tx: Executor, decision: ApprovalDecision, prepared: P): Promise<RegisterEntry>;
  /**
   * Checks the type-specific facts at 受理 (validTo undefined) and again at the decision, so a window clerk hears
   * of a missing size or position when the applicant is still at the counter.
   */
  check?(details: Readonly<Record<string, DetailValue>>, validTo?: string | null): DetailIssue[];
}

export function createApprovalEffects() {
  const effects = new Map<string, ApprovalEffect>();
  return {
    /**
     * `approvals.effects.register('outdoor_ad', async (tx, d) => …)`; an object form adds a `check` of the details
     * and a `prepare` step, whose answer the registry hands to the same effect's `apply`. A second registration
     * under the same code replaces the first.
     */
    register<P>(typeCode: string, effect: ApprovalEffect<P> | ApprovalEffect<undefined>['apply']): void {
      effects.set(typeCode, typeof effect === 'function' ? { apply: effect } : effect);
    },
    get: (typeCode: string): ApprovalEffect | undefined => effects.get(typeCode),
    has: (typeCode: string): boolean => effects.has(typeCode),
  };
}
export type ApprovalEffects = ReturnType<typeof createApprovalEffects>;
