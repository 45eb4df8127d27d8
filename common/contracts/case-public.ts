import { Type, type Static } from 'typebox';
import { PUBLISHABLE_CHANNELS } from '../domain/public-output.ts';
import { Literals, Nullable } from './common.ts';

/** 满意 / 基本满意 / 不满意: the 回访 answer behind 满意率 (docs/standards.md, "KPI indicators"; docs/hotline.md). */
export const SATISFACTION = ['satisfied', 'basically_satisfied', 'unsatisfied'] as const;
export type Satisfaction = (typeof SATISFACTION)[number];
export const Satisfaction = Literals(SATISFACTION);
export const SATISFACTION_SOURCES = ['citizen', 'open311', 'hotline_revisit'] as const;
export type SatisfactionSource = (typeof SATISFACTION_SOURCES)[number];

export const PublicPhoto = Type.Object({
  id: Type.String(),
  phase: Type.String(),
  url: Type.String(),
  thumbUrl: Type.String(),
});
export type PublicPhoto = Static<typeof PublicPhoto>;

export const PublicEvent = Type.Object({
  at: Type.String(),
  action: Type.String(),
  status: Nullable(Type.String()),
  /** only for actions whose note is written for the public (closing, replies); otherwise null */
  note: Nullable(Type.String()),
});

/**
 * What anybody may see of a case: no reporter (name, phone, e-mail, device), no staff names, no internal notes
 * (the reporter's identity never appears in any public response: docs/conventions.md, "Public output").
 */
export const PublicCaseSummary = Type.Object({
  id: Type.String(),
  caseNo: Type.String(),
  status: Type.String(),
  open: Type.Boolean(),
  channel: Type.String(),
  matterCode: Type.String(),
  matterName: Nullable(Type.String()),
  description: Type.String(),
  address: Nullable(Type.String()),
  lng: Type.Number(),
  lat: Type.Number(),
  gridCode: Nullable(Type.String()),
  parentCaseNo: Nullable(Type.String()),
  reportedAt: Type.String(),
  updatedAt: Type.String(),
  closedAt: Nullable(Type.String()),
  /** handling deadline, or the current step's while the case is not yet with a unit */
  expectedAt: Nullable(Type.String()),
  /** the handling unit (agency responsible) */
  unitName: Nullable(Type.String()),
  satisfaction: Nullable(Satisfaction),
  /** last moment the reporter may reopen a closed case; null when not (or no longer) possible */
  reopenUntil: Nullable(Type.String()),
  /** the latest note written for the public */
  statusNotes: Nullable(Type.String()),
  photos: Type.Array(PublicPhoto),
});
export type PublicCaseSummary = Static<typeof PublicCaseSummary>;

export const PublicCaseView = Type.Object({ ...PublicCaseSummary.properties, timeline: Type.Array(PublicEvent) });
export type PublicCaseView = Static<typeof PublicCaseView>;

/** Which channels the public sees (common/domain/public-output.ts); 信访 is never among the choices. */
export const PublicOutputSettings = Type.Object({
  publicChannels: Type.Array(Literals(PUBLISHABLE_CHANNELS), {
    uniqueItems: true,
    maxItems: PUBLISHABLE_CHANNELS.length,
    description:
      'channels whose cases appear on public routes (Open311, citizen tracking, public photos); [] publishes nothing',
  }),
});
export type PublicOutputSettings = Static<typeof PublicOutputSettings>;

/** The setting with the fixed parts of the rule, for the admin screen. */
export const PublicOutputRule = Type.Object({
  ...PublicOutputSettings.properties,
  neverPublicChannels: Type.Array(Type.String()),
  coordinateDecimals: Type.Integer(),
});
export type PublicOutputRule = Static<typeof PublicOutputRule>;
