/**
 * The citizen page's side of 夜市摊位分配 (docs/night-market.md): the open and recent rounds with their phase, rules,
 * commitment and masked entrants, and a merchant's application without sign-in.
 */
import type { PublicApplied, PublicApply, PublicRound } from '../../../../common/contracts/night-market.ts';
import { idNumberProblem, normalizeIdNumber } from '../../../../common/domain/enforcement-identity.ts';
import { maskName, roundPhase, type EligibilityRules } from '../../../../common/domain/night-market.ts';
import { maskIdNumber } from '../../../../common/domain/privacy.ts';
import type { NmApplicationsTable } from '../../db/schema-night-market.ts';
import { isUniqueViolation } from '../../platform/db.ts';
import { notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { nextSequence } from '../../platform/sequences.ts';
import { parseJson, type NmContext, type RoundRow } from './nm-context.ts';
import { nmErrors } from './night-market.errors.ts';
import * as repo from './night-market.repository.ts';

export function createNmPublic(ctx: NmContext) {
  const { db, pii, now } = ctx;

  async function publicRoundView(tenantId: string, r: RoundRow): Promise<PublicRound> {
    const phase = roundPhase(
      {
        applyFrom: r.apply_from,
        applyTo: r.apply_to,
        committedAt: r.committed_at,
        publicValue: r.public_value,
        drawnAt: r.drawn_at,
      },
      now(),
    );
    // Before the commitment the list is not final; after it, the entrants are exactly those the draw will use.
    const entrants = r.committed_at
      ? await repo.applicationsOf(db, tenantId, r.id, ['eligible', 'won', 'waiting', 'revoked'])
      : [];
    const fixed = new Set(parseJson<string[]>(r.entrants, []));
    return {
      roundNo: r.round_no,
      name: r.name,
      market: r.market_name,
      address: (r as RoundRow & { market_address?: string }).market_address ?? '',
      applyFrom: r.apply_from,
      applyTo: r.apply_to,
      phase,
      stallCount: await repo.stallCount(db, tenantId, r.market_id),
      stallFeeFen: Number(r.stall_fee_fen),
      depositFen: Number(r.deposit_fen),
      rules: JSON.parse(r.rules) as EligibilityRules,
      commitment: r.commitment,
      publicValueSource: r.public_value_source,
      committedAt: r.committed_at,
      publicValue: r.public_value,
      drawnAt: r.drawn_at,
      entrants: entrants
        .filter((a) => fixed.has(a.application_no))
        .map((a) => ({
          applicationNo: a.application_no,
          name: maskName(a.name),
          position: a.draw_position === null ? null : Number(a.draw_position),
          stallCode: a.stall_code,
        })),
    };
  }

  return {
    async publicRounds(tenantId: string): Promise<PublicRound[]> {
      const rows = await repo.recentRounds(db, tenantId);
      return Promise.all(rows.map((r) => publicRoundView(tenantId, r)));
    },

    async publicRound(tenantId: string, roundNo: string): Promise<PublicRound> {
      const row = await repo.findRoundByNo(db, tenantId, roundNo);
      if (!row) throw notFound('night_market_round');
      return publicRoundView(tenantId, row);
    },

    /** A merchant's application (no sign-in). The ID number is kept encrypted with a keyed index for the one-per-ID rule. */
    async apply(tenantId: string, roundNo: string, input: PublicApply): Promise<PublicApplied> {
      const round = await repo.findRoundByNo(db, tenantId, roundNo);
      if (!round) throw notFound('night_market_round');
      const at = now();
      if (round.committed_at || at < round.apply_from || at >= round.apply_to) throw nmErrors.notApplying();
      const problem = idNumberProblem(input.idNumber);
      if (problem) throw nmErrors.field('body.idNumber', problem, 'not a valid 18-digit resident ID number');
      const idNumber = normalizeIdNumber(input.idNumber);
      if (await repo.applicationByIndex(db, round.id, pii.indexes(idNumber))) throw nmErrors.duplicateId();
      try {
        return await db.transaction().execute(async (tx) => {
          const seq = await nextSequence(tx, tenantId, `nm-app-${round.id}`);
          const row: NmApplicationsTable = {
            id: newId(),
            tenant_id: tenantId,
            round_id: round.id,
            application_no: `${round.round_no}-${String(seq).padStart(4, '0')}`,
            name: input.name.trim(),
            phone: input.phone.trim(),
            id_cipher: pii.encrypt(idNumber),
            id_index: pii.index(idNumber),
            id_masked: maskIdNumber(idNumber) ?? '',
            goods: input.goods.trim(),
            status: 'submitted',
            checks: null,
            review_note: null,
            reviewed_by: null,
            reviewed_at: null,
            draw_position: null,
            stall_id: null,
            points: 0,
            created_at: at,
            updated_at: at,
          };
          await repo.insertApplication(tx, row);
          return { applicationNo: row.application_no, roundNo: round.round_no };
        });
      } catch (e) {
        if (isUniqueViolation(e)) throw nmErrors.duplicateId();
        throw e;
      }
    },
  };
}
