/**
 * 夜市摊位分配 (docs/night-market.md): the vocabulary of rounds and applications, the eligibility rules as data and
 * the pure checks both sides need. The lottery itself is in night-market-lottery.ts.
 */

export const APPLICATION_STATUSES = ['submitted', 'eligible', 'ineligible', 'won', 'waiting', 'revoked'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

/** A round moves forward only: applying → committed (entrants fixed) → valued (public value in) → drawn. */
export const ROUND_PHASES = ['upcoming', 'applying', 'reviewing', 'committed', 'valued', 'drawn'] as const;
export type RoundPhase = (typeof ROUND_PHASES)[number];

export const LEDGER_KINDS = ['fee', 'deposit', 'refund', 'forfeit'] as const;
export type LedgerKind = (typeof LEDGER_KINDS)[number];

export const VIOLATION_KINDS = ['outside_stall', 'hygiene', 'noise', 'fire_safety', 'unpaid_fee', 'other'] as const;

/**
 * The eligibility rules of a round, kept with the round. One application per ID number per round is not a choice:
 * the database holds it as a unique key.
 */
export interface EligibilityRules {
  /** 本地户籍: the ID number's 6-digit address code starts with one of these (the city's admin code by default) */
  localHousehold: { enabled: boolean; idPrefixes: string[] };
  /** 无未缴罚款: the enforcement register holds no decided and unpaid fine of the applicant */
  noUnpaidFines: { enabled: boolean };
}

export const defaultRules = (adminCode: string): EligibilityRules => ({
  localHousehold: { enabled: true, idPrefixes: [adminCode] },
  noUnpaidFines: { enabled: true },
});

export const RULE_KEYS = ['localHousehold', 'noUnpaidFines'] as const;
export type RuleKey = (typeof RULE_KEYS)[number];

/** One rule's outcome at review: passed, failed, or `unknown` when the register cannot be read by the reviewer. */
export interface RuleCheck {
  rule: RuleKey;
  result: 'pass' | 'fail' | 'unknown';
}

/** 本地户籍 by the ID number's address code. */
export function localHouseholdCheck(rules: EligibilityRules, idNumber: string): RuleCheck | null {
  if (!rules.localHousehold.enabled) return null;
  const ok = rules.localHousehold.idPrefixes.some((p) => p !== '' && idNumber.startsWith(p));
  return { rule: 'localHousehold', result: ok ? 'pass' : 'fail' };
}

/** The round's phase at an instant (ISO text compares as time). */
export function roundPhase(
  r: {
    applyFrom: string;
    applyTo: string;
    committedAt: string | null;
    publicValue: string | null;
    drawnAt: string | null;
  },
  now: string,
): RoundPhase {
  if (r.drawnAt) return 'drawn';
  if (r.publicValue !== null) return 'valued';
  if (r.committedAt) return 'committed';
  if (now < r.applyFrom) return 'upcoming';
  if (now < r.applyTo) return 'applying';
  return 'reviewing';
}

/** A public name: the family name kept, every other character a star (张三丰 → 张**). */
export function maskName(name: string): string {
  const chars = Array.from(name.trim());
  if (chars.length === 0) return '';
  return chars[0] + '*'.repeat(Math.max(1, chars.length - 1));
}

/** Points that take the stall away: reached or passed. */
export const loseStall = (points: number, threshold: number): boolean => points >= threshold;
