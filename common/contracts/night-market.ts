import { Type, type Static } from 'typebox';
import { Literals, Nullable, PageQuery } from './common.ts';
import {
  APPLICATION_STATUSES,
  LEDGER_KINDS,
  ROUND_PHASES,
  RULE_KEYS,
  VIOLATION_KINDS,
} from '../domain/night-market.ts';
import { MOBILE_PATTERN } from '../domain/citizen-report.ts';

/** Request and response schemas of the 夜市 module (docs/night-market.md). */

const Text = (max: number) => Type.String({ minLength: 1, maxLength: max });
const Instant = Type.String({ format: 'date-time', maxLength: 40 });
const DateText = Type.String({ format: 'date', maxLength: 10 });
const Fen = Type.Integer({ minimum: 0, maximum: 100_000_000 });
const Hex64 = Type.String({ pattern: '^[0-9a-f]{64}$' });

export const MarketCreate = Type.Object(
  { name: Text(60), address: Text(200), openingHours: Type.Optional(Nullable(Type.String({ maxLength: 60 }))) },
  { additionalProperties: false },
);
export type MarketCreate = Static<typeof MarketCreate>;

export const Stall = Type.Object({
  id: Type.String(),
  code: Type.String(),
  widthCm: Type.Integer(),
  depthCm: Type.Integer(),
  location: Type.String(),
  holder: Nullable(Type.Object({ applicationNo: Type.String(), name: Type.String() })),
});
export type Stall = Static<typeof Stall>;

export const StallInput = Type.Object(
  {
    code: Type.String({ minLength: 1, maxLength: 20, pattern: '^[A-Za-z0-9-]+$' }),
    widthCm: Type.Integer({ minimum: 50, maximum: 2000 }),
    depthCm: Type.Integer({ minimum: 50, maximum: 2000 }),
    location: Text(100),
  },
  { additionalProperties: false },
);
export const StallsCreate = Type.Object(
  { stalls: Type.Array(StallInput, { minItems: 1, maxItems: 500 }) },
  { additionalProperties: false },
);
export type StallsCreate = Static<typeof StallsCreate>;

export const Market = Type.Object({
  id: Type.String(),
  name: Type.String(),
  address: Type.String(),
  openingHours: Nullable(Type.String()),
  stallCount: Type.Integer(),
  createdAt: Type.String(),
});
export type Market = Static<typeof Market>;
export const MarketDetail = Type.Intersect([Market, Type.Object({ stalls: Type.Array(Stall) })]);
export type MarketDetail = Static<typeof MarketDetail>;

export const Rules = Type.Object(
  {
    localHousehold: Type.Object(
      {
        enabled: Type.Boolean(),
        idPrefixes: Type.Array(Type.String({ pattern: '^[0-9]{2,6}$' }), { maxItems: 20 }),
      },
      { additionalProperties: false },
    ),
    noUnpaidFines: Type.Object({ enabled: Type.Boolean() }, { additionalProperties: false }),
  },
  { additionalProperties: false },
);

export const RoundCreate = Type.Object(
  {
    marketId: Type.String({ minLength: 1, maxLength: 64 }),
    name: Text(80),
    applyFrom: Instant,
    applyTo: Instant,
    rules: Type.Optional(Rules),
    stallFeeFen: Fen,
    depositFen: Fen,
    pointThreshold: Type.Integer({ minimum: 1, maximum: 100 }),
  },
  { additionalProperties: false },
);
export type RoundCreate = Static<typeof RoundCreate>;

export const Round = Type.Object({
  id: Type.String(),
  roundNo: Type.String(),
  name: Type.String(),
  marketId: Type.String(),
  marketName: Type.String(),
  applyFrom: Type.String(),
  applyTo: Type.String(),
  phase: Literals(ROUND_PHASES),
  rules: Rules,
  stallFeeFen: Type.Integer(),
  depositFen: Type.Integer(),
  pointThreshold: Type.Integer(),
  stallCount: Type.Integer(),
  commitment: Nullable(Type.String()),
  publicValueSource: Nullable(Type.String()),
  committedAt: Nullable(Type.String()),
  publicValue: Nullable(Type.String()),
  publicValueAt: Nullable(Type.String()),
  drawnAt: Nullable(Type.String()),
  counts: Type.Record(Type.String(), Type.Integer()),
});
export type Round = Static<typeof Round>;

export const RoundQuery = Type.Intersect([
  PageQuery,
  Type.Object({ marketId: Type.Optional(Type.String({ maxLength: 64 })) }),
]);
export type RoundQuery = Static<typeof RoundQuery>;

export const Commit = Type.Object({ commitment: Hex64, publicValueSource: Text(200) }, { additionalProperties: false });
export type Commit = Static<typeof Commit>;
export const PublicValue = Type.Object({ publicValue: Text(200) }, { additionalProperties: false });
export type PublicValue = Static<typeof PublicValue>;
export const Draw = Type.Object({ secret: Text(200) }, { additionalProperties: false });
export type Draw = Static<typeof Draw>;

export const RuleCheck = Type.Object({
  rule: Literals(RULE_KEYS),
  result: Literals(['pass', 'fail', 'unknown'] as const),
});

/** Staff view of an application: phone and ID number masked (docs/security.md). */
export const Application = Type.Object({
  id: Type.String(),
  applicationNo: Type.String(),
  name: Type.String(),
  phone: Type.String(),
  idNumber: Type.String(),
  goods: Type.String(),
  status: Literals(APPLICATION_STATUSES),
  checks: Type.Array(RuleCheck),
  reviewNote: Nullable(Type.String()),
  drawPosition: Nullable(Type.Integer()),
  stallCode: Nullable(Type.String()),
  points: Type.Integer(),
  createdAt: Type.String(),
});
export type Application = Static<typeof Application>;

export const ApplicationQuery = Type.Intersect([
  PageQuery,
  Type.Object({ status: Type.Optional(Literals(APPLICATION_STATUSES)) }),
]);
export type ApplicationQuery = Static<typeof ApplicationQuery>;

export const Review = Type.Object(
  { decision: Literals(['eligible', 'ineligible'] as const), note: Type.Optional(Type.String({ maxLength: 200 })) },
  { additionalProperties: false },
);
export type Review = Static<typeof Review>;

export const LedgerCreate = Type.Object(
  {
    applicationId: Type.String({ minLength: 1, maxLength: 64 }),
    kind: Literals(LEDGER_KINDS),
    amountFen: Type.Integer({ minimum: 1, maximum: 100_000_000 }),
    onDate: DateText,
    note: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false },
);
export type LedgerCreate = Static<typeof LedgerCreate>;

/** One holder's account: what is due, paid, held and given back. */
export const LedgerLine = Type.Object({
  applicationId: Type.String(),
  applicationNo: Type.String(),
  name: Type.String(),
  stallCode: Nullable(Type.String()),
  status: Literals(APPLICATION_STATUSES),
  feeDueFen: Type.Integer(),
  feePaidFen: Type.Integer(),
  depositPaidFen: Type.Integer(),
  depositRefundedFen: Type.Integer(),
  depositForfeitedFen: Type.Integer(),
  points: Type.Integer(),
});
export type LedgerLine = Static<typeof LedgerLine>;
export const Ledger = Type.Object({
  lines: Type.Array(LedgerLine),
  totals: Type.Object({
    feeDueFen: Type.Integer(),
    feePaidFen: Type.Integer(),
    depositHeldFen: Type.Integer(),
  }),
});
export type Ledger = Static<typeof Ledger>;

export const ViolationCreate = Type.Object(
  {
    applicationId: Type.String({ minLength: 1, maxLength: 64 }),
    kind: Literals(VIOLATION_KINDS),
    points: Type.Integer({ minimum: 1, maximum: 100 }),
    onDate: DateText,
    note: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false },
);
export type ViolationCreate = Static<typeof ViolationCreate>;
export const ViolationResult = Type.Object({
  applicationId: Type.String(),
  points: Type.Integer(),
  threshold: Type.Integer(),
  status: Literals(APPLICATION_STATUSES),
  stallLost: Type.Boolean(),
});
export type ViolationResult = Static<typeof ViolationResult>;

// ── public (citizen page) ──

export const RoundNoParams = Type.Object({ roundNo: Type.String({ pattern: '^[A-Za-z0-9-]{1,30}$' }) });
export type RoundNoParams = Static<typeof RoundNoParams>;

export const PublicApply = Type.Object(
  {
    name: Type.String({ minLength: 2, maxLength: 20 }),
    phone: Type.String({ pattern: MOBILE_PATTERN }),
    idNumber: Type.String({ minLength: 18, maxLength: 18 }),
    goods: Type.String({ minLength: 2, maxLength: 100 }),
  },
  { additionalProperties: false },
);
export type PublicApply = Static<typeof PublicApply>;
export const PublicApplied = Type.Object({ applicationNo: Type.String(), roundNo: Type.String() });
export type PublicApplied = Static<typeof PublicApplied>;

export const PublicRound = Type.Object({
  roundNo: Type.String(),
  name: Type.String(),
  market: Type.String(),
  address: Type.String(),
  applyFrom: Type.String(),
  applyTo: Type.String(),
  phase: Literals(ROUND_PHASES),
  stallCount: Type.Integer(),
  stallFeeFen: Type.Integer(),
  depositFen: Type.Integer(),
  rules: Rules,
  commitment: Nullable(Type.String()),
  publicValueSource: Nullable(Type.String()),
  committedAt: Nullable(Type.String()),
  publicValue: Nullable(Type.String()),
  drawnAt: Nullable(Type.String()),
  /** after the commitment: the entrants (application number, masked name), ascending; after the draw, with results */
  entrants: Type.Array(
    Type.Object({
      applicationNo: Type.String(),
      name: Type.String(),
      position: Nullable(Type.Integer()),
      stallCode: Nullable(Type.String()),
    }),
  ),
});
export type PublicRound = Static<typeof PublicRound>;
export const PublicRoundList = Type.Object({ items: Type.Array(PublicRound) });
export type PublicRoundList = Static<typeof PublicRoundList>;

export const LotteryFileSchema = Type.Object({
  format: Type.Literal('cityloop-night-market-lottery/1'),
  city: Type.String(),
  market: Type.String(),
  roundNo: Type.String(),
  roundName: Type.String(),
  commitment: Type.String(),
  committedAt: Type.String(),
  publicValueSource: Type.String(),
  publicValue: Type.String(),
  secret: Type.String(),
  entrants: Type.Array(Type.String()),
  seed: Type.String(),
  order: Type.Array(Type.String()),
  stalls: Type.Array(Type.String()),
  drawnAt: Type.String(),
});
