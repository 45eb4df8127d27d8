import { sql, type Expression, type SqlBool } from 'kysely';

/** Escapes LIKE wildcards so a user's "%" or "_" matches literally. */
export function likePattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * Case-insensitive substring match over several columns, identical on SQLite and PostgreSQL. Short lists use
 * this; the case search gets trigram indexes (docs/conventions.md, "Search").
 */
export function containsAny(columns: readonly string[], term: string): Expression<SqlBool> {
  const pattern = likePattern(term.toLowerCase());
  const parts = columns.map((c) => sql<SqlBool>`lower(${sql.ref(c)}) like ${pattern} escape '\\'`);
  return sql<SqlBool>`(${sql.join(parts, sql` or `)})`;
}
