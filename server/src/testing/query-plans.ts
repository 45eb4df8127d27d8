import {
  CompiledQuery,
  sql,
  type KyselyPlugin,
  type QueryResult,
  type RootOperationNode,
  type UnknownRow,
} from 'kysely';
import type { Database, Db } from '../platform/db.ts';

/**
 * The plan guard's tools (docs/decisions/0006-query-plans-and-statistics.md): record every statement the app runs
 * while a test drives its routes, then ask the database how it would execute each one.
 */

export interface CapturedStatement {
  sql: string;
  parameters: readonly unknown[];
  /** how often the app ran this text */
  count: number;
}

/**
 * A Kysely plugin that compiles each query the way the executor will and keeps one example (with its parameters)
 * per distinct SQL text. Installed with `db.withPlugin`, so transactions opened from that instance are covered too.
 */
export function captureStatements(base: Db): { db: Db; statements: Map<string, CapturedStatement>; clear(): void } {
  const statements = new Map<string, CapturedStatement>();
  const executor = base.getExecutor();
  const plugin: KyselyPlugin = {
    transformQuery({ node, queryId }): RootOperationNode {
      const compiled = executor.compileQuery(node, queryId);
      const known = statements.get(compiled.sql);
      if (known) known.count += 1;
      else statements.set(compiled.sql, { sql: compiled.sql, parameters: compiled.parameters, count: 1 });
      return node;
    },
    async transformResult({ result }): Promise<QueryResult<UnknownRow>> {
      return result;
    },
  };
  return { db: base.withPlugin(plugin), statements, clear: () => statements.clear() };
}

/** Tables that grow with the city's cases, orders, components or time: a full read of one is a defect. */
export const BIG_TABLES = [
  'cases',
  'case_events',
  'case_photos',
  'case_requests',
  'case_warnings',
  'notifications',
  'idempotency_keys',
  'audit_log',
  'sessions',
  'kpi_case_facts',
  'kpi_daily',
  'kpi_monthly',
  'kpi_period_scores',
  'hotline_orders',
  'hotline_events',
  'hotline_pushes',
  'open311_requests',
  'open311_updates',
  'components',
  'job_runs',
  'ic_reports',
  'ic_demolitions',
  'oa_ads',
  'oa_removals',
  'gazetteer_places',
  'gazetteer_keys',
] as const;

export interface PlanStep {
  table: string;
  /** how the table is read, in the database's own words */
  access: string;
  /** 'full': every row of the table; 'tenant': every row of one tenant (the leading tenant_id column alone) */
  reads: 'full' | 'tenant' | 'narrow';
}

export interface Plan {
  steps: PlanStep[];
  /**
   * The statement stops after LIMIT rows and takes them in an index's order (no sort of all matches first), so a
   * wide index range is only walked until the page is full: how inboxes page through a city's cases.
   */
  orderedLimit: boolean;
}

const STATEMENT = /^\s*(select|with|update|delete|insert)\b/i;

/** EXPLAIN for one statement, reduced to the reads of tables (SQLite: EXPLAIN QUERY PLAN; PostgreSQL: JSON plan). */
export async function explainStatement(
  database: Database,
  stmt: CapturedStatement,
  options: { tenantUnindexed?: boolean } = {},
): Promise<Plan> {
  if (!STATEMENT.test(stmt.sql)) return { steps: [], orderedLimit: false };
  const limited = /\blimit\b/i.test(stmt.sql);
  const text = options.tenantUnindexed ? withoutTenantIndex(stmt.sql, database.dialect) : stmt.sql;
  if (database.dialect === 'sqlite') {
    // A statement compiled once (platform/compiled-statements.ts) is seen here as it was compiled, with stand-ins
    // for its values; SQLite plans without looking at bound values, so any string stands in for them.
    const bindable = stmt.parameters.map((v) =>
      v === null || ['number', 'string', 'bigint'].includes(typeof v) || Buffer.isBuffer(v) ? v : '',
    );
    const res = await database.db.executeQuery<{ detail: string }>(
      CompiledQuery.raw(`explain query plan ${text}`, bindable),
    );
    // SQLite names a table by its alias when it has one: map `"cases" as "c"` back.
    const aliases = new Map([...text.matchAll(/"(\w+)" as "(\w+)"/g)].map((m) => [m[2] as string, m[1] as string]));
    return {
      steps: res.rows
        .flatMap((r) => sqliteStep(r.detail))
        .map((st) => ({ ...st, table: aliases.get(st.table) ?? st.table })),
      orderedLimit: limited && !res.rows.some((r) => /TEMP B-TREE FOR (ORDER|GROUP) BY|^SCAN \(/.test(r.detail)),
    };
  }
  // enable_seqscan=off: PostgreSQL then takes an index whenever one serves the predicate, so a remaining Seq Scan
  // means no index can serve it. Small test tables would otherwise (rightly) be read sequentially.
  return database.db.transaction().execute(async (tx) => {
    await sql`set local enable_seqscan = off`.execute(tx);
    const res = await tx.executeQuery<{ 'QUERY PLAN': unknown }>(
      CompiledQuery.raw(`explain (format json) ${text}`, [...stmt.parameters]),
    );
    const raw = res.rows[0]?.['QUERY PLAN'];
    const doc = (typeof raw === 'string' ? JSON.parse(raw) : raw) as { Plan: PgNode }[];
    const steps: PlanStep[] = [];
    const types: string[] = [];
    for (const d of doc) walkPg(d.Plan, steps, types);
    return {
      steps,
      orderedLimit: limited && types[0] === 'Limit' && !types.some((t) => /Sort|Aggregate|Hash/.test(t)),
    };
  });
}

const SQLITE_STEP =
  /^(SCAN|SEARCH) (\S+)(?: AS \S+)?(?: USING (?:COVERING |INTEGER PRIMARY KEY|PRIMARY KEY)?(?:INDEX )?(\S*)\s*(?:\((.*)\))?)?/;

/** `SCAN t`, `SCAN t USING INDEX i`, `SEARCH t USING INDEX i (tenant_id=?)` … (https://sqlite.org/eqp.html). */
export function sqliteStep(detail: string): PlanStep[] {
  const m = SQLITE_STEP.exec(detail.trim());
  if (!m) return [];
  const [, verb, table = '', , constraint = ''] = m;
  // An automatic index is built from a full read of the table for this one statement.
  if (verb === 'SCAN' || / AUTOMATIC /.test(detail)) return [{ table, access: detail, reads: 'full' }];
  return [
    { table, access: detail, reads: tenantOnly(constraint.split(' AND ').map((c) => c.trim())) ? 'tenant' : 'narrow' },
  ];
}

const tenantOnly = (terms: readonly string[]) => terms.length === 1 && /^tenant_id\s*=/.test(terms[0] ?? '');

interface PgNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  'Index Cond'?: string;
  Plans?: PgNode[];
}

function walkPg(node: PgNode, out: PlanStep[], types: string[], parentTable?: string): void {
  const type = node['Node Type'];
  types.push(type);
  // A Bitmap Index Scan names only its index; the Bitmap Heap Scan above it names the table.
  const table = node['Relation Name'] ?? (type === 'Bitmap Index Scan' ? parentTable : undefined);
  if (table && type === 'Seq Scan') out.push({ table, access: 'Seq Scan', reads: 'full' });
  if (table && /Index/.test(type) && type !== 'Bitmap Heap Scan') {
    const cond = node['Index Cond'];
    const terms = cond ? cond.replace(/^\(|\)$/g, '').split(/\)\s+AND\s+\(/) : [];
    // An index walked without a condition serves a join's or an ORDER BY's order: with enable_seqscan off that is
    // how PostgreSQL reads a small table it would otherwise scan, so only a Seq Scan counts as a whole-table read.
    out.push({
      table,
      access: `${type} using ${node['Index Name'] ?? '?'}${cond ? ` ${cond}` : ''}`,
      reads: tenantOnly(terms.map((t) => t.replace(/^\(/, '').replace(/\)$/, ''))) ? 'tenant' : 'narrow',
    });
  }
  for (const child of node.Plans ?? []) walkPg(child, out, types, node['Relation Name'] ?? parentTable);
}

/** A statement as a reader wants to see it: long lists of placeholders folded. */
export const shortSql = (text: string) =>
  text
    .replace(/(\?|\$\d+)(, (\?|\$\d+)){3,}/g, '$1, …')
    .replace(/\s+/g, ' ')
    .slice(0, 600);

/**
 * The same statement with every `tenant_id = …` term made unusable for an index (SQLite's unary `+`, an
 * expression on PostgreSQL) while it still filters the same rows. If the planner then finds a narrow index range,
 * an index exists for the rest of the predicate, and a plan that read the whole tenant instead chose badly.
 */
export function withoutTenantIndex(text: string, dialect: Database['dialect']): string {
  return text.replace(/(?<![\w".])((?:"?\w+"?\.)?"?tenant_id"?)\s*=/g, (_m, col: string) =>
    dialect === 'sqlite' ? `+${col} =` : `(${col} || '') =`,
  );
}
