import type { KyselyPlugin, RootOperationNode } from 'kysely';

/**
 * Bench-only: counts the statements an app sends through Kysely, by kind and table, and the rows of the inserts into
 * telemetry_readings (a VALUES list's rows, or the length of the first array of an `unnest` insert), so the IoT bench
 * can report statements and readings per batch. Never part of the product.
 */
export function statementCounter() {
  const stats = {
    statements: 0,
    byTarget: {} as Record<string, number>,
    readingInserts: 0,
    readingRows: 0,
    readingRowsMax: 0,
  };
  const tableOf = (n: unknown): string => {
    const x = n as { table?: { identifier?: { name?: string } } } | undefined;
    return x?.table?.identifier?.name ?? '?';
  };
  const count = (node: RootOperationNode): void => {
    stats.statements++;
    let target: string = node.kind;
    let rows = -1;
    if (node.kind === 'InsertQueryNode') {
      target = `insert ${tableOf(node.into)}`;
      const v = node.values as { values?: readonly unknown[] } | undefined;
      rows = v?.values?.length ?? 0;
    } else if (node.kind === 'UpdateQueryNode') target = `update ${tableOf(node.table)}`;
    else if (node.kind === 'DeleteQueryNode') target = `delete ${tableOf(node.from.froms[0])}`;
    else if (node.kind === 'SelectQueryNode') target = `select ${tableOf(node.from?.froms[0])}`;
    else if (node.kind === 'RawNode') {
      const text = node.sqlFragments.join('?');
      const m = /^\s*(with\b[\s\S]*?\)\s*)?(insert into|update|select[\s\S]*?from|delete from)\s+"?(\w+)/i.exec(text);
      target = m ? `${m[2]!.split(/\s/)[0]!.toLowerCase()} ${m[3]} (raw)` : `raw ${text.slice(0, 30)}`;
      if (/insert into "?telemetry_readings/i.test(text)) {
        const first = (node.parameters[0] as { value?: unknown } | undefined)?.value;
        rows = Array.isArray(first) ? first.length : node.parameters.length / 6;
      }
    }
    stats.byTarget[target] = (stats.byTarget[target] ?? 0) + 1;
    if (rows >= 0 && target.includes('telemetry_readings')) {
      stats.readingInserts++;
      stats.readingRows += rows;
      stats.readingRowsMax = Math.max(stats.readingRowsMax, rows);
    }
  };
  const plugin: KyselyPlugin = {
    transformQuery(args) {
      count(args.node);
      return args.node;
    },
    transformResult: async (args) => args.result,
  };
  return { plugin, stats };
}
