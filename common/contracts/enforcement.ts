import { Type, type Static } from 'typebox';
import {
  DECISION_KINDS,
  DISCRETION_LEVELS,
  ENFORCEMENT_ACTIONS,
  ENFORCEMENT_PROCEDURES,
  ENFORCEMENT_SOURCES,
  ENFORCEMENT_STAGES,
  ENFORCEMENT_CLOCKS,
  EVIDENCE_KINDS,
  LENIENCY_MARKS,
  PLEA_OUTCOMES,
  REVIEW_OUTCOMES,
  STEP_KINDS,
  WARNING_LEVELS,
} from '../domain/enforcement-lifecycle.ts';
import { Id, Literals, Nullable, PageQuery } from './common.ts';

/**
 * Enforcement cases (行政处罚) API: cases with their party, steps carried out by two officers, evidence with its
 * SHA-256, the decision with its 文号, payments, legal bases with discretion bands (docs/enforcement.md).
 * Amounts are integer fen. ID numbers are accepted in bodies only, never in URLs (URLs are logged).
 */
const Day = Type.String({ format: 'date', description: 'local calendar date YYYY-MM-DD' });
const Fen = Type.Integer({ minimum: 0, maximum: 1_000_000_000_000, description: 'amount in fen' });
const Text = (max: number) => Type.String({ minLength: 1, maxLength: max });
const ViolationCode = Type.String({ pattern: '^[A-Za-z0-9_.-]{1,40}$' });

const CertNo = Type.String({ minLength: 4, maxLength: 40, pattern: '^[A-Za-z0-9-]+$' });
export const Officer = Type.Object({
  userId: Id,
  /** 执法证号: taken from the certificate register when omitted; when given it must be the registered one */
  certNo: Type.Optional(CertNo),
});
export type Officer = Static<typeof Officer>;
const Officers = Type.Array(Officer, { maxItems: 20 });

export const Party = Type.Object({
  kind: Literals(['person', 'organisation'] as const),
  name: Text(100),
  /** person: 18-character 公民身份号码 */
  idNumber: Type.Optional(Type.String({ maxLength: 40 })),
  /** organisation: 18-character 统一社会信用代码 */
  creditCode: Type.Optional(Type.String({ maxLength: 40 })),
});
export type Party = Static<typeof Party>;

export const Penalty = Type.Object({
  kind: Literals(DECISION_KINDS),
  fineFen: Fen,
  basisId: Id,
  bandId: Id,
  /** required when the fine is outside the band (裁量基准) */
  reason: Type.Optional(Type.String({ maxLength: 2000 })),
});
export type Penalty = Static<typeof Penalty>;

export const EnforcementCaseCreate = Type.Object({
  procedure: Literals(ENFORCEMENT_PROCEDURES),
  source: Literals(ENFORCEMENT_SOURCES),
  sourceCaseId: Type.Optional(Id),
  sourceRef: Type.Optional(Type.String({ maxLength: 200 })),
  violationCode: ViolationCode,
  facts: Text(4000),
  address: Type.Optional(Type.String({ maxLength: 200 })),
  violationOn: Day,
  major: Type.Optional(Type.Boolean()),
  discussion: Type.Optional(Type.Boolean()),
  party: Party,
  officers: Officers,
  /** 简易程序 only: the decision made on the spot */
  decision: Type.Optional(Penalty),
});
export type EnforcementCaseCreate = Static<typeof EnforcementCaseCreate>;

export const EvidenceInput = Type.Object({
  kind: Literals(EVIDENCE_KINDS),
  title: Text(200),
  sha256: Type.String({ pattern: '^[0-9a-f]{64}$' }),
});

export const EnforcementActionBody = Type.Object({
  action: Literals(ENFORCEMENT_ACTIONS),
  version: Type.Integer({ minimum: 1, maximum: 1_000_000_000 }),
  note: Type.Optional(Type.String({ maxLength: 4000 })),
  officers: Type.Optional(Officers),
  stepKind: Type.Optional(Literals(STEP_KINDS)),
  evidence: Type.Optional(Type.Array(EvidenceInput, { maxItems: 50 })),
  /** 责令改正: the date by which to correct */
  correctBy: Type.Optional(Day),
  /** finish_investigation: the proposed penalty, which decides whether a hearing notice is due */
  proposal: Type.Optional(Penalty),
  /** end_notice: the party waived its right to state, defend and ask for a hearing */
  waived: Type.Optional(Type.Boolean()),
  decision: Type.Optional(Penalty),
  servedOn: Type.Optional(Day),
  payment: Type.Optional(
    Type.Object({
      amountFen: Type.Integer({ minimum: 1, maximum: 1_000_000_000_000 }),
      channel: Literals(['bank', 'non_tax'] as const),
      reference: Text(80),
      paidOn: Day,
    }),
  ),
  extensionDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 365 })),
  /** record_statement / record_hearing: whether the party's case was accepted */
  outcome: Type.Optional(Literals(PLEA_OUTCOMES)),
  /** record_hearing: the day the hearing was held */
  heldOn: Type.Optional(Day),
  /** request_plan: deferral (one date) or instalments (2–12) covering the unpaid fine (art. 66) */
  plan: Type.Optional(
    Type.Object({
      kind: Literals(['deferral', 'instalment'] as const),
      instalments: Type.Array(Type.Object({ dueOn: Day, amountFen: Type.Integer({ minimum: 1, maximum: 1e12 }) }), {
        minItems: 1,
        maxItems: 12,
      }),
    }),
  ),
  /** record_review: 行政复议 or 行政诉讼, and its outcome */
  reviewKind: Type.Optional(Literals(['reconsideration', 'litigation'] as const)),
  reviewOutcome: Type.Optional(Literals(REVIEW_OUTCOMES)),
});
export type EnforcementActionBody = Static<typeof EnforcementActionBody>;

export const EnforcementCaseSummary = Type.Object({
  id: Type.String(),
  caseNo: Type.String(),
  procedure: Literals(ENFORCEMENT_PROCEDURES),
  source: Literals(ENFORCEMENT_SOURCES),
  stage: Literals(ENFORCEMENT_STAGES),
  violationCode: Type.String(),
  partyKind: Literals(['person', 'organisation'] as const),
  partyName: Type.String(),
  /** masked ID number (person) or credit code (organisation) */
  partyIdentifier: Nullable(Type.String()),
  fineFen: Nullable(Type.Integer()),
  decisionNo: Nullable(Type.String()),
  decisionDue: Nullable(Type.String()),
  /** the squad (org unit) the case belongs to */
  unitId: Nullable(Type.String()),
  /** 首违不罚 / 轻微免罚 proposal, or a repeat within the list's window */
  leniency: Nullable(Literals(LENIENCY_MARKS)),
  createdAt: Type.String(),
});
export type EnforcementCaseSummary = Static<typeof EnforcementCaseSummary>;

const EventOfficer = Type.Object({ userId: Type.String(), name: Type.String(), certNo: Type.String() });

export const EnforcementEvent = Type.Object({
  id: Type.String(),
  action: Type.String(),
  fromStage: Nullable(Type.String()),
  toStage: Type.String(),
  actorId: Type.String(),
  note: Nullable(Type.String()),
  officers: Type.Array(EventOfficer),
  data: Type.Unknown(),
  at: Type.String(),
});

export const EnforcementCaseDetail = Type.Object({
  ...EnforcementCaseSummary.properties,
  version: Type.Integer(),
  sourceCaseId: Nullable(Type.String()),
  sourceCaseNo: Nullable(Type.String()),
  sourceRef: Nullable(Type.String()),
  major: Type.Boolean(),
  discussion: Type.Boolean(),
  facts: Type.String(),
  address: Nullable(Type.String()),
  violationOn: Type.String(),
  /** true when the caller is one of the case's officers and `partyIdentifier` is the full ID number */
  partyUnmasked: Type.Boolean(),
  basisId: Nullable(Type.String()),
  bandId: Nullable(Type.String()),
  proposedFineFen: Nullable(Type.Integer()),
  decisionKind: Nullable(Literals(DECISION_KINDS)),
  bandExceptionReason: Nullable(Type.String()),
  decidedOn: Nullable(Type.String()),
  filedOn: Nullable(Type.String()),
  extensionDays: Type.Integer(),
  hearing: Type.Boolean(),
  statementDue: Nullable(Type.String()),
  hearingDue: Nullable(Type.String()),
  serviceDue: Nullable(Type.String()),
  servedOn: Nullable(Type.String()),
  demandServedOn: Nullable(Type.String({ description: 'the day the 催告书 was served' })),
  paymentDue: Nullable(Type.String()),
  paidFen: Type.Integer(),
  /** 加处罚款 owed as of today (capped at the fine) */
  lateFeeFen: Type.Integer(),
  /** fine + late fee − paid, never below 0 */
  outstandingFen: Type.Integer(),
  closedOn: Nullable(Type.String()),
  archivedOn: Nullable(Type.String()),
  unitName: Nullable(Type.String()),
  /** the earlier case of the same party that makes this one a repeat */
  priorCaseId: Nullable(Type.String()),
  hearingRequestedOn: Nullable(Type.String()),
  hearingHeldOn: Nullable(Type.String()),
  hearingOutcome: Nullable(Literals(PLEA_OUTCOMES)),
  statementOutcome: Nullable(Literals(PLEA_OUTCOMES)),
  paymentPlan: Nullable(
    Type.Object({
      kind: Literals(['deferral', 'instalment'] as const),
      status: Literals(['requested', 'approved', 'rejected'] as const),
      instalments: Type.Array(Type.Object({ dueOn: Type.String(), amountFen: Type.Integer() })),
    }),
  ),
  courtAppliedOn: Nullable(Type.String()),
  reconsiderationOutcome: Nullable(Literals(REVIEW_OUTCOMES)),
  litigationOutcome: Nullable(Literals(REVIEW_OUTCOMES)),
  warnings: Type.Array(
    Type.Object({
      clock: Literals(ENFORCEMENT_CLOCKS),
      due: Type.String(),
      level: Literals(WARNING_LEVELS),
      at: Type.String(),
    }),
  ),
  officers: Type.Array(Type.Object({ userId: Type.String(), name: Type.String(), certNo: Type.String() })),
  allowedActions: Type.Array(Literals(ENFORCEMENT_ACTIONS)),
  events: Type.Array(EnforcementEvent),
  evidence: Type.Array(
    Type.Object({
      id: Type.String(),
      kind: Type.String(),
      title: Type.String(),
      sha256: Type.String(),
      collectedAt: Type.String(),
    }),
  ),
  payments: Type.Array(
    Type.Object({
      id: Type.String(),
      amountFen: Type.Integer(),
      channel: Type.String(),
      reference: Type.String(),
      paidOn: Type.String(),
    }),
  ),
});
export type EnforcementCaseDetail = Static<typeof EnforcementCaseDetail>;

export const EnforcementCaseQuery = Type.Object({
  ...PageQuery.properties,
  stage: Type.Optional(Literals(ENFORCEMENT_STAGES)),
  sourceCaseId: Type.Optional(Id),
});
export type EnforcementCaseQuery = Static<typeof EnforcementCaseQuery>;

export const PartyLookup = Type.Object({
  idNumber: Type.Optional(Type.String({ maxLength: 40 })),
  creditCode: Type.Optional(Type.String({ maxLength: 40 })),
});
export type PartyLookup = Static<typeof PartyLookup>;

export const Band = Type.Object({
  id: Type.String(),
  level: Literals(DISCRETION_LEVELS),
  minFen: Type.Integer(),
  maxFen: Type.Integer(),
  factors: Type.String(),
});
export const LegalBasis = Type.Object({
  id: Type.String(),
  violationCode: Type.String(),
  violationName: Type.String(),
  law: Type.String(),
  article: Type.String(),
  provisionText: Type.String(),
  /** a starter row, to be confirmed by the bureau's 法制 staff */
  sample: Type.Boolean(),
  bands: Type.Array(Band),
});
export type LegalBasis = Static<typeof LegalBasis>;

export const LegalBasisCreate = Type.Object({
  violationCode: ViolationCode,
  violationName: Text(100),
  law: Text(200),
  article: Text(100),
  provisionText: Text(4000),
  bands: Type.Array(
    Type.Object({
      level: Literals(DISCRETION_LEVELS),
      minFen: Fen,
      maxFen: Fen,
      factors: Type.String({ maxLength: 2000 }),
    }),
    { minItems: 1, maxItems: 4 },
  ),
});
export type LegalBasisCreate = Static<typeof LegalBasisCreate>;

export const LegalBasisQuery = Type.Object({ violationCode: Type.Optional(ViolationCode) });
export const CaseIdParams = Type.Object({ caseId: Id });

export const EnforcementSettings = Type.Object({
  /** 文号 prefix of ordinary-procedure decisions, e.g. 大城管罚决字 → 大城管罚决字〔2024〕第12号 */
  decisionPrefix: Text(30),
  /** 文号 prefix of on-the-spot (简易程序) decisions */
  summaryPrefix: Text(30),
  /** a proposed fine at or above this (fen) brings a hearing notice (听证告知), per party kind */
  hearingThresholdFen: Type.Object({ person: Fen, organisation: Fen }),
});
export type EnforcementSettings = Static<typeof EnforcementSettings>;

/** An officer who may be named on a step (holds 执法队员 or 中队长/大队长). */
export const OfficerOption = Type.Object({
  userId: Type.String(),
  name: Type.String(),
  unitName: Nullable(Type.String()),
});
export type OfficerOption = Static<typeof OfficerOption>;

/** An officer's 执法证 in the register (certificate number and validity). */
export const Certificate = Type.Object({
  id: Type.String(),
  userId: Type.String(),
  name: Type.String(),
  certNo: Type.String(),
  validFrom: Type.String(),
  validTo: Type.String(),
});
export type Certificate = Static<typeof Certificate>;
export const CertificateCreate = Type.Object({ userId: Id, certNo: CertNo, validFrom: Day, validTo: Day });
export type CertificateCreate = Static<typeof CertificateCreate>;

/** One row of the 首违不罚 / 轻微免罚 list (tenant data kept by the 法制 staff). */
export const LeniencyEntry = Type.Object({
  id: Type.String(),
  violationCode: Type.String(),
  kind: Literals(['first_offence', 'minor'] as const),
  circumstances: Type.String(),
  windowDays: Type.Integer(),
});
export type LeniencyEntry = Static<typeof LeniencyEntry>;
export const LeniencyCreate = Type.Object({
  violationCode: ViolationCode,
  kind: Literals(['first_offence', 'minor'] as const),
  circumstances: Text(2000),
  windowDays: Type.Integer({ minimum: 1, maximum: 3660 }),
});
export type LeniencyCreate = Static<typeof LeniencyCreate>;

export const EnforcementFiguresQuery = Type.Object({ from: Day, to: Day });
const OutcomeCounts = Type.Record(Type.String(), Type.Integer());
/** KPIs of the enforcement line over a period, within the caller's visibility. */
export const EnforcementFigures = Type.Object({
  from: Type.String(),
  to: Type.String(),
  /** 办案数: cases opened in the period */
  cases: Type.Integer(),
  /** decisions made in the period (查处) */
  decided: Type.Integer(),
  /** of those, decided by the decision due date (90 days plus approved extensions) */
  decidedOnTime: Type.Integer(),
  /** 按期办结率 in per cent (one decimal), null when nothing was decided */
  onTimeRate: Nullable(Type.Number()),
  /** 处罚金额: fines decided in the period, fen */
  fineFen: Type.Integer(),
  /** 罚没金额 collected: payments received in the period, fen */
  collectedFen: Type.Integer(),
  reconsideration: OutcomeCounts,
  litigation: OutcomeCounts,
});
export type EnforcementFigures = Static<typeof EnforcementFigures>;
