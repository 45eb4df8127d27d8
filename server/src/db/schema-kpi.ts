/** Tables of the KPI engine (migration 0010); DB in schema.ts maps them. Counter columns are snake_case
 * of common/domain/kpi.ts KPI_COUNTERS ('needClose' → need_close). */
import type { KpiCounter } from '../../../common/domain/kpi.ts';

type SnakeCase<S extends string> = S extends `${infer H}${infer T}`
  ? `${H extends Lowercase<H> ? H : `_${Lowercase<H>}`}${SnakeCase<T>}`
  : S;
export type CounterColumns = { [K in KpiCounter as SnakeCase<K>]: number };

/** One row per case: what the case contributes, where and to whom (recomputed whenever the case changes). */
export interface KpiCaseFactsTable extends CounterColumns {
  case_id: string;
  tenant_id: string;
  /** local business dates 'YYYY-MM-DD' */
  report_day: string;
  filed_day: string | null;
  street_id: string | null;
  community_id: string | null;
  grid_code: string | null;
  unit_id: string | null;
  channel: string;
  major_code: string;
  /** analysis columns (migration 0039); NULL on facts written before it */
  matter_code: string | null;
  report_hour: string | null;
  component_code: string | null;
  component_type: string | null;
  lng: number | null;
  lat: number | null;
  reporter_id: string | null;
  acceptor_id: string | null;
  verifier_id: string | null;
  filer_id: string | null;
  dispatcher_id: string | null;
  check_sender_id: string | null;
  checker_id: string | null;
  closer_id: string | null;
}

/** The daily roll-up: counters per (day, dimension, member). dim: all | street | community | grid | unit | channel | major | user, and for analysis matter | hour ('00'–'23') | ctype (component class). */
export interface KpiDailyTable extends CounterColumns {
  tenant_id: string;
  day: string;
  dim: string;
  dim_id: string;
}

/** The monthly roll-up (migration 0065): the daily rows summed per calendar month 'YYYY-MM', kept by the same writer. */
export interface KpiMonthlyTable extends CounterColumns {
  tenant_id: string;
  month: string;
  dim: string;
  dim_id: string;
}

/** A counter bumped in every transaction that changes a month's roll-up rows (migration 0068). */
export interface KpiMonthStampsTable {
  tenant_id: string;
  month: string;
  stamp: number;
}

/** Cached scores of a subject's members over a closed period of whole months (migration 0068). */
export interface KpiPeriodScoresTable {
  tenant_id: string;
  subject: string;
  period: string;
  member_id: string;
  basis: string;
  score: number | null;
  figures: string;
}

/** Cases changed since their facts were computed: written by triggers on `cases` in the changing transaction. */
export interface KpiDirtyTable {
  case_id: string;
  tenant_id: string;
  mark: string;
}
