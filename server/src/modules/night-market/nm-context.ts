/**
 * What the parts of the 夜市 service share: permissions, the row views (phones and ID numbers masked), the fines
 * register it is given and the scope-checked lookups (docs/night-market.md).
 */
import type { Application, Round } from '../../../../common/contracts/night-market.ts';
import { roundPhase, type EligibilityRules, type RuleCheck } from '../../../../common/domain/night-market.ts';
import { maskPhone } from '../../../../common/domain/privacy.ts';
import type { NmApplicationsTable, NmRoundsTable } from '../../db/schema-night-market.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db.ts';
import type { PiiCipher } from '../../platform/pii-cipher.ts';
import type { AuditService } from '../audit/index.ts';
import type { Actor } from '../auth/index.ts';

export const READ = 'market.read';
export const MANAGE = 'market.manage';
export const DRAW = 'market.draw';

/**
 * The enforcement register as this module needs it: whether a person has a decided fine still unpaid. `null` when
 * the reviewer cannot read the register; the reviewer then decides on the paper record and the check says so. The
 * composition root fills it from the enforcement module's party lookup.
 */
export interface FineRegister {
  unpaidFines(actor: Actor, idNumber: string): Promise<boolean | null>;
}

export interface NmDeps {
  audit: AuditService;
  pii: PiiCipher;
  fines: FineRegister;
  timeZone: string;
}

export type RoundRow = NmRoundsTable & { market_name: string };

export const parseJson = <T>(text: string | null, fallback: T): T => (text ? (JSON.parse(text) as T) : fallback);

export function roundView(r: RoundRow, now: string, stallCount: number, counts: Record<string, number>): Round {
  return {
    id: r.id,
    roundNo: r.round_no,
    name: r.name,
    marketId: r.market_id,
    marketName: r.market_name,
    applyFrom: r.apply_from,
    applyTo: r.apply_to,
    phase: roundPhase(
      {
        applyFrom: r.apply_from,
        applyTo: r.apply_to,
        committedAt: r.committed_at,
        publicValue: r.public_value,
        drawnAt: r.drawn_at,
      },
      now,
    ),
    rules: JSON.parse(r.rules) as EligibilityRules,
    stallFeeFen: Number(r.stall_fee_fen),
    depositFen: Number(r.deposit_fen),
    pointThreshold: Number(r.point_threshold),
    stallCount,
    commitment: r.commitment,
    publicValueSource: r.public_value_source,
    committedAt: r.committed_at,
    publicValue: r.public_value,
    publicValueAt: r.public_value_at,
    drawnAt: r.drawn_at,
    counts,
  };
}

export const applicationView = (r: NmApplicationsTable & { stall_code: string | null }): Application => ({
  id: r.id,
  applicationNo: r.application_no,
  name: r.name,
  // personal data: masked in every staff list (docs/security.md)
  phone: maskPhone(r.phone) ?? '',
  idNumber: r.id_masked,
  goods: r.goods,
  status: r.status,
  checks: parseJson<RuleCheck[]>(r.checks, []),
  reviewNote: r.review_note,
  drawPosition: r.draw_position === null ? null : Number(r.draw_position),
  stallCode: r.stall_code,
  points: Number(r.points),
  createdAt: r.created_at,
});

/** What an audit row keeps of an application: no phone, the ID number masked. */
export const auditedApplication = (
  r: Pick<NmApplicationsTable, 'application_no' | 'name' | 'id_masked' | 'status'>,
) => ({
  applicationNo: r.application_no,
  name: r.name,
  idNumber: r.id_masked,
  status: r.status,
});

export function createNmContext(database: Database, clock: Clock, deps: NmDeps) {
  return { db: database.db, clock, ...deps, now: () => clock.now().toISOString() };
}
export type NmContext = ReturnType<typeof createNmContext>;
