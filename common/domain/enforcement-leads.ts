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

/**
 * The templates a lead's matter is written from, so each reader sees it in their own language: the submitter stores
 * the code with its parameters beside the text in the bureau's language (which 立案 copies into the case's facts).
 * `muck_truck`: { kind: a muck-truck violation kind, plate }; `vision_event`: { class: a vision class, source: the
 * camera's or drone's code }.
 */
export const LEAD_MATTER_CODES = ['muck_truck', 'vision_event'] as const;
export type LeadMatterCode = (typeof LEAD_MATTER_CODES)[number];
export const isLeadMatterCode = (code: string | null | undefined): code is LeadMatterCode =>
  (LEAD_MATTER_CODES as readonly (string | null | undefined)[]).includes(code);
