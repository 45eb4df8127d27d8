/**
 * 燃气安全 (docs/gas-safety.md): the bureau's safety checks of gas companies and users, the hazards they find with
 * their rectification and re-inspection, and the household 三件套 (alarm, self-closing valve, metal hose) installed
 * by community against the year's targets. Commercial users are assets of type `GAS-USER` in the registers.
 */

/** who ran the check: the bureau itself, or a superior authority (省厅督查) whose findings are tracked apart */
export const GAS_CHECK_SOURCES = ['bureau', 'superior'] as const;
export type GasCheckSource = (typeof GAS_CHECK_SOURCES)[number];

export const GAS_HAZARD_LEVELS = ['general', 'major'] as const;
export type GasHazardLevel = (typeof GAS_HAZARD_LEVELS)[number];

/** open → rectified (the holder reports the work) → closed (a re-inspection passes, with a photo) */
/**
 * A gas hazard's human number, e.g. RQYH2026-00001 (燃气隐患): its own prefix, because the registers' 养护工单 number
 * as YH<year>-… and the two must not read alike. Hazards numbered YH… before the change keep their numbers.
 */
export const gasHazardNo = (year: string | number, seq: number) => `RQYH${year}-${String(seq).padStart(5, '0')}`;

export const GAS_HAZARD_STATUSES = ['open', 'rectified', 'closed'] as const;
export type GasHazardStatus = (typeof GAS_HAZARD_STATUSES)[number];

export const GAS_HAZARD_ACTIONS = ['rectify', 'reinspect'] as const;
export type GasHazardAction = (typeof GAS_HAZARD_ACTIONS)[number];

/** the household 三件套: 可燃气体报警装置, 自闭阀 (切断阀), 燃气专用软管 (金属波纹管) */
export const GAS_INSTALL_KINDS = ['alarm', 'valve', 'hose'] as const;
export type GasInstallKind = (typeof GAS_INSTALL_KINDS)[number];

/** the register type of commercial gas users, with the attributes the figures read */
export const GAS_USER_TYPE = 'GAS-USER';
export const GAS_USER_SUPPLY = { pipeline: '管道燃气', lpg: '瓶装液化石油气' } as const;

/** Whether a hazard not closed by its deadline is overdue on `today` (local dates compare as text). */
export const hazardOverdue = (h: { status: GasHazardStatus; deadline: string }, today: string): boolean =>
  h.status !== 'closed' && h.deadline < today;

/** The share of a target reached, as a percentage with one decimal; null without a target. */
export function progressPct(done: number, target: number): number | null {
  if (target <= 0) return null;
  return Math.round((done / target) * 1000) / 10;
}
