/**
 * 文明黄线 (docs/yellow-line.md): a line or polygon in front of a shop or around a stall inside which the holder may
 * trade, with its goods, hours and a permit of limited validity. Failed inspections are warnings; the tenant sets
 * after how many failures the permit is suspended and after how many it is revoked.
 */
export const HOLDER_KINDS = ['shop', 'stall'] as const;
export type HolderKind = (typeof HOLDER_KINDS)[number];

export const ZONE_STATUSES = ['active', 'suspended', 'revoked'] as const;
export type ZoneStatus = (typeof ZONE_STATUSES)[number];

export const INSPECTION_RESULTS = ['pass', 'fail'] as const;
export type InspectionResult = (typeof INSPECTION_RESULTS)[number];

/** What an inspection led to: nothing (a pass), a warning, or the permit suspended or revoked. */
export const INSPECTION_ACTIONS = ['none', 'warning', 'suspended', 'revoked'] as const;
export type InspectionAction = (typeof INSPECTION_ACTIONS)[number];

/** The longest permit the bureau issues in one go, in days (three years). */
export const MAX_PERMIT_DAYS = 1096;

export interface YellowLineSettings {
  /** the failed inspection that suspends the permit (the earlier ones are warnings) */
  suspendAfter: number;
  /** the failed inspection that revokes it */
  revokeAfter: number;
}
export const DEFAULT_YELLOW_LINE_SETTINGS: YellowLineSettings = { suspendAfter: 3, revokeAfter: 5 };

/** The consequence of the `failures`-th failed inspection (counting this one) under the tenant's settings. */
export function consequenceOf(failures: number, s: YellowLineSettings): Exclude<InspectionAction, 'none'> {
  if (failures >= s.revokeAfter) return 'revoked';
  if (failures >= s.suspendAfter) return 'suspended';
  return 'warning';
}

/** A setting that makes sense: suspension before revocation, both between 1 and 20 failures. */
export function settingsProblems(s: YellowLineSettings): { field: string; message: string }[] {
  const out: { field: string; message: string }[] = [];
  if (!Number.isInteger(s.suspendAfter) || s.suspendAfter < 1 || s.suspendAfter > 20)
    out.push({ field: 'body.suspendAfter', message: 'between 1 and 20 failed inspections' });
  if (!Number.isInteger(s.revokeAfter) || s.revokeAfter < 1 || s.revokeAfter > 20)
    out.push({ field: 'body.revokeAfter', message: 'between 1 and 20 failed inspections' });
  else if (s.revokeAfter <= s.suspendAfter)
    out.push({ field: 'body.revokeAfter', message: 'revocation comes after suspension' });
  return out;
}

/** Where a permit stands on `today` (YYYY-MM-DD): its status, or not yet valid / expired by its dates. */
export type PermitState = ZoneStatus | 'pending' | 'expired';
export function permitState(z: { status: ZoneStatus; validFrom: string; validTo: string }, today: string): PermitState {
  if (z.status !== 'active') return z.status;
  if (today < z.validFrom) return 'pending';
  if (today > z.validTo) return 'expired';
  return 'active';
}

/** Whole days from `from` to `to` (calendar dates). */
export const daysBetween = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);
