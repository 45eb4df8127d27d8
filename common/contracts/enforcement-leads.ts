import { Type, type Static } from 'typebox';
import { LEAD_EVIDENCE_KINDS, LEAD_SOURCES, LEAD_STATUSES, type LeadMatterCode } from '../domain/enforcement-leads.ts';
import { Literals, Nullable, PageQuery } from './common.ts';
import { Officer, Party } from './enforcement.ts';

/** Leads (线索) of the enforcement intake (docs/enforcement-leads.md). */
export const LeadEvidence = Type.Object({
  kind: Literals(LEAD_EVIDENCE_KINDS),
  title: Type.String({ minLength: 1, maxLength: 200 }),
  /** a path of this server (the track's GeoJSON, the photo) the reader opens with their own permissions */
  url: Type.String({ minLength: 1, maxLength: 500, pattern: '^/api/' }),
  sha256: Type.Optional(Type.String({ pattern: '^[0-9a-f]{64}$' })),
});
export type LeadEvidence = Static<typeof LeadEvidence>;

export const EnforcementLead = Type.Object({
  id: Type.String(),
  leadNo: Type.String(),
  source: Literals(LEAD_SOURCES),
  sourceId: Type.String(),
  /** in the bureau's language, as stored */
  matter: Type.String(),
  /** the template of the matter (LEAD_MATTER_CODES) and its parameters, for a reader in another language */
  matterCode: Nullable(Type.String()),
  matterParams: Type.Record(Type.String(), Type.String()),
  /** the city case the finding belongs to (a camera event's case), for the link back */
  originCaseId: Nullable(Type.String()),
  originCaseNo: Nullable(Type.String()),
  violationCode: Nullable(Type.String()),
  place: Nullable(Type.String()),
  lng: Nullable(Type.Number()),
  lat: Nullable(Type.Number()),
  occurredAt: Type.String(),
  evidence: Type.Array(LeadEvidence),
  note: Nullable(Type.String()),
  status: Literals(LEAD_STATUSES),
  reason: Nullable(Type.String()),
  caseId: Nullable(Type.String()),
  caseNo: Nullable(Type.String()),
  submittedByName: Nullable(Type.String()),
  decidedByName: Nullable(Type.String()),
  decidedAt: Nullable(Type.String()),
  version: Type.Integer(),
  createdAt: Type.String(),
});
export type EnforcementLead = Static<typeof EnforcementLead>;

export const EnforcementLeadQuery = Type.Object({
  ...PageQuery.properties,
  status: Type.Optional(Literals(LEAD_STATUSES)),
  source: Type.Optional(Literals(LEAD_SOURCES)),
});
export type EnforcementLeadQuery = Static<typeof EnforcementLeadQuery>;

/** 立案 from a lead: the case's own fields; facts, place and date come from the lead unless given. */
export const LeadFile = Type.Object(
  {
    version: Type.Integer({ minimum: 1, maximum: 1_000_000_000 }),
    violationCode: Type.String({ pattern: '^[A-Za-z0-9_.-]{1,40}$' }),
    facts: Type.Optional(Type.String({ minLength: 1, maxLength: 4000 })),
    violationOn: Type.Optional(Type.String({ format: 'date' })),
    major: Type.Optional(Type.Boolean()),
    discussion: Type.Optional(Type.Boolean()),
    party: Party,
    officers: Type.Array(Officer, { maxItems: 20 }),
  },
  { additionalProperties: false },
);
export type LeadFile = Static<typeof LeadFile>;

/** 不予立案 with the reason. */
export const LeadDecline = Type.Object(
  {
    version: Type.Integer({ minimum: 1, maximum: 1_000_000_000 }),
    reason: Type.String({ minLength: 2, maxLength: 1000 }),
  },
  { additionalProperties: false },
);
export type LeadDecline = Static<typeof LeadDecline>;

/** What a module hands to the intake (not an HTTP body: modules call the intake through enforcement's index.ts). */
export interface LeadSubmission {
  source: (typeof LEAD_SOURCES)[number];
  sourceId: string;
  matter: string;
  matterCode?: LeadMatterCode | null;
  matterParams?: Record<string, string>;
  originCaseId?: string | null;
  originCaseNo?: string | null;
  violationCode?: string | null;
  place?: string | null;
  lng?: number | null;
  lat?: number | null;
  occurredAt: string;
  evidence: LeadEvidence[];
  note?: string | null;
}
