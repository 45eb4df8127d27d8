import { Type, type Static } from 'typebox';
import { Literals, Nullable } from './common.ts';
import { ReportUpRecord } from './federation.ts';

/**
 * Report-up to the higher 运管服 platform beyond the daily case file (docs/federation.md, "Report-up"): the monthly
 * statistics record, the bodies posted in push mode, the settings and the state an administrator reads. These
 * schemas are also published as JSON Schema in docs/report-up.schema.json.
 */

export const REPORT_UP_MODES = ['file', 'push', 'both'] as const;
export type ReportUpMode = (typeof REPORT_UP_MODES)[number];
export const REPORT_UP_FORMAT = 'cityloop.report-up/1' as const;

const Rate = Nullable(Type.Number({ minimum: 0, maximum: 100 }));
const Counts = Type.Object(
  {
    reported: Type.Integer({ minimum: 0 }),
    filed: Type.Integer({ minimum: 0 }),
    needClose: Type.Integer({ minimum: 0 }),
    closed: Type.Integer({ minimum: 0 }),
    closedOnTime: Type.Integer({ minimum: 0 }),
  },
  { additionalProperties: false },
);
export type ReportUpCounts = Static<typeof Counts>;

/** One month's statistics (月报): the KPI roll-up's counters and rates, by source, class and current status. */
export const ReportUpMonthRecord = Type.Object(
  {
    /** `<tenant code>:month:<YYYY-MM>`: one record per month, the same on every re-send */
    key: Type.String({ minLength: 1 }),
    month: Type.String({ pattern: '^[0-9]{4}-(0[1-9]|1[0-2])$' }),
    /** 上报数, 立案数, 应结案数, 结案数, 按期结案数 */
    totals: Counts,
    /** 结案率 = 结案数/应结案数, 按期结案率 = 按期结案数/应结案数 (percent, null without cases) */
    closeRate: Rate,
    onTimeCloseRate: Rate,
    bySource: Type.Record(Type.String(), Counts),
    byClass: Type.Record(Type.String(), Counts),
    /** current status of the cases reported in the month */
    byStatus: Type.Record(Type.String(), Type.Integer({ minimum: 0 })),
  },
  { additionalProperties: false },
);
export type ReportUpMonthRecord = Static<typeof ReportUpMonthRecord>;

const Header = {
  format: Type.Literal(REPORT_UP_FORMAT),
  tenantCode: Type.String(),
  timeZone: Type.String(),
  generatedAt: Type.String({ format: 'date-time' }),
};

/** The monthly file (`month-YYYY-MM.json`). */
export const ReportUpMonthFile = Type.Object(
  { ...Header, month: Type.String({ pattern: '^[0-9]{4}-[0-9]{2}$' }), statistics: ReportUpMonthRecord },
  { additionalProperties: false },
);
export type ReportUpMonthFile = Static<typeof ReportUpMonthFile>;

/** A push body: a batch of one day's cases, one month's statistics, or the connection test. */
export const ReportUpPayload = Type.Union([
  Type.Object(
    {
      ...Header,
      kind: Type.Literal('cases'),
      /** `<tenant code>:cases:<day>:<n>/<of>`, also sent as the Idempotency-Key header */
      batchId: Type.String(),
      day: Type.String({ format: 'date' }),
      batch: Type.Integer({ minimum: 1 }),
      batches: Type.Integer({ minimum: 1 }),
      records: Type.Array(ReportUpRecord),
    },
    { additionalProperties: false },
  ),
  Type.Object(
    {
      ...Header,
      kind: Type.Literal('month'),
      batchId: Type.String(),
      month: Type.String({ pattern: '^[0-9]{4}-[0-9]{2}$' }),
      records: Type.Array(ReportUpMonthRecord, { minItems: 1, maxItems: 1 }),
    },
    { additionalProperties: false },
  ),
  Type.Object({ ...Header, kind: Type.Literal('ping'), batchId: Type.String() }, { additionalProperties: false }),
]);
export type ReportUpPayload = Static<typeof ReportUpPayload>;

export const ReportUpConfig = Type.Object({
  mode: Literals(REPORT_UP_MODES),
  endpoint: Nullable(Type.String()),
  hasToken: Type.Boolean(),
  hasSecret: Type.Boolean(),
  batchSize: Type.Integer(),
  updatedAt: Nullable(Type.String()),
});
export type ReportUpConfig = Static<typeof ReportUpConfig>;

/** Settings input: a token or secret left out keeps the stored one; an empty string clears it. */
export const ReportUpConfigInput = Type.Object(
  {
    mode: Literals(REPORT_UP_MODES),
    endpoint: Type.Optional(Nullable(Type.String({ maxLength: 500 }))),
    token: Type.Optional(Type.String({ maxLength: 500 })),
    secret: Type.Optional(Type.String({ maxLength: 500 })),
    batchSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
  },
  { additionalProperties: false },
);
export type ReportUpConfigInput = Static<typeof ReportUpConfigInput>;

export const ReportUpCursor = Type.Object({
  channel: Literals(['file', 'push'] as const),
  kind: Literals(['day', 'month'] as const),
  last: Nullable(Type.String()),
  attempts: Type.Integer(),
  nextAttemptAt: Nullable(Type.String()),
  lastError: Nullable(Type.String()),
});
export type ReportUpCursor = Static<typeof ReportUpCursor>;

export const ReportUpRunView = Type.Object({
  id: Type.String(),
  channel: Literals(['file', 'push'] as const),
  kind: Literals(['day', 'month'] as const),
  period: Type.String(),
  ok: Type.Boolean(),
  records: Type.Integer(),
  error: Nullable(Type.String()),
  at: Type.String(),
});
export type ReportUpRunView = Static<typeof ReportUpRunView>;

export const ReportUpOverview = Type.Object({
  lastDay: Nullable(Type.String()),
  files: Type.Array(Type.String()),
  timeZone: Type.String(),
  config: ReportUpConfig,
  cursors: Type.Array(ReportUpCursor),
  runs: Type.Array(ReportUpRunView),
});
export type ReportUpOverview = Static<typeof ReportUpOverview>;

export const ReportUpTestResult = Type.Object({
  ok: Type.Boolean(),
  status: Nullable(Type.Integer()),
  error: Nullable(Type.String()),
  ms: Type.Integer(),
});
export type ReportUpTestResult = Static<typeof ReportUpTestResult>;
