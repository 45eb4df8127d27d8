/**
 * 城市之眼 (docs/vision.md): what cameras and drones report, the class → matter defaults of the catalog
 * (GB/T 47678.5) and the rule that turns review outcomes into a false-positive rate and a suggested threshold.
 */
export const VISION_SOURCE_KINDS = ['camera', 'drone'] as const;
export type VisionSourceKind = (typeof VISION_SOURCE_KINDS)[number];

/** What a recognition model reports; each maps to one matter of the catalog by default (tenant data may change it). */
export const VISION_CLASSES = [
  'street_vending',
  'exposed_garbage',
  'illegal_parking',
  'piled_materials',
  'illegal_building',
  'shopfront_business',
  'hanging_clothes',
] as const;
export type VisionClass = (typeof VISION_CLASSES)[number];

export interface VisionClassDefault {
  /** the bureau's name of the class (stored case texts are written in the bureau's language) */
  name: string;
  /** 5-digit matter code of GB/T 47678.5 */
  matterCode: string;
  /** confidence at or above which an event becomes a case pending 核实 */
  threshold: number;
}

/** Defaults (docs/vision.md, "Classes"): matters from the GB/T 47678.5 catalog, thresholds a starting point to tune. */
export const VISION_CLASS_DEFAULTS: Readonly<Record<VisionClass, VisionClassDefault>> = {
  street_vending: { name: '占道经营', matterCode: '09006', threshold: 0.8 },
  exposed_garbage: { name: '暴露垃圾', matterCode: '06010', threshold: 0.75 },
  illegal_parking: { name: '机动车乱停放', matterCode: '09009', threshold: 0.85 },
  piled_materials: { name: '乱堆物料', matterCode: '06036', threshold: 0.8 },
  illegal_building: { name: '违法建设', matterCode: '06001', threshold: 0.9 },
  shopfront_business: { name: '店外经营', matterCode: '09005', threshold: 0.8 },
  hanging_clothes: { name: '沿街晾挂', matterCode: '06007', threshold: 0.8 },
};

/**
 * What became of an event: below its threshold it is only logged; above it a case waits for 核实 on the review desk
 * (`pending`), or it joined an open case of the same kind nearby (`merged`); the desk then confirms or rejects it.
 */
export const VISION_EVENT_STATUSES = ['logged', 'pending', 'merged', 'confirmed', 'rejected'] as const;
export type VisionEventStatus = (typeof VISION_EVENT_STATUSES)[number];

/** The rolling window of the false-positive rate, in days. */
export const FP_WINDOW_DAYS = 30;
/** Reviews below which no threshold is suggested: a rate of 2 in 3 tells nothing. */
export const FP_MIN_REVIEWS = 10;
/** The false-positive rate the suggested threshold aims to stay under. */
export const FP_TARGET = 0.1;

export interface ReviewOutcome {
  confidence: number;
  falsePositive: boolean;
}

/**
 * The lowest threshold (among the reviewed confidences, rounded up to 2 decimals) at which the events that would
 * still pass it have a false-positive rate at or under the target; null with too few reviews. A lower threshold
 * lets more true events through, so the lowest one that keeps the rate is the one to suggest.
 */
export function suggestThreshold(outcomes: readonly ReviewOutcome[], target = FP_TARGET): number | null {
  if (outcomes.length < FP_MIN_REVIEWS) return null;
  const sorted = [...outcomes].sort((a, b) => a.confidence - b.confidence);
  let fp = sorted.filter((o) => o.falsePositive).length;
  for (let i = 0; i < sorted.length; i++) {
    const passing = sorted.length - i;
    if (fp / passing <= target) return Math.min(1, Math.ceil(sorted[i]!.confidence * 100) / 100);
    if (sorted[i]!.falsePositive) fp--;
  }
  return 1;
}

/** The signing string of a webhook call (docs/vision.md, "Signing"): the timestamp, a dot, the body's bytes. */
export const VISION_SIGNATURE_HEADER = 'x-cityloop-signature';
export const VISION_TIMESTAMP_HEADER = 'x-cityloop-timestamp';
/** A call whose timestamp is further than this from the server clock is refused. */
export const VISION_SKEW_SECONDS = 300;
