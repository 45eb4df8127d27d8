/**
 * 线索 (leads) that other modules hand to enforcement (docs/enforcement-leads.md): a vehicle check's finding, a camera
 * event of an enforcement matter. A lead waits 待研判 until a person decides 立案 (an enforcement case opened from it)
 * or 不予立案 with the reason.
 */
export const LEAD_STATUSES = ['pending', 'filed', 'declined'] as const;
export type LeadStatus = (typeof LEAD_STATUSES)[number];

/** the modules that submit leads */
export const LEAD_SOURCES = ['vehicles', 'vision'] as const;
export type LeadSource = (typeof LEAD_SOURCES)[number];

/** what a lead's evidence link points at */
export const LEAD_EVIDENCE_KINDS = ['track', 'image', 'file'] as const;
export type LeadEvidenceKind = (typeof LEAD_EVIDENCE_KINDS)[number];
