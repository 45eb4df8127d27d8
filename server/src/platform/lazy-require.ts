import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/**
 * A CommonJS package loaded on its first use, for code that needs it synchronously (a parser called from a sync
 * function, a driver opened by a sync factory). A process that never uses it does not carry it: `pg` on a SQLite
 * deployment, the XML builder without Open311 XML requests, csv-parse without imports
 * (docs/decisions/0013-intake-reads-and-footprint-measured.md, "What changed in this round").
 */
export function lazyRequire<T>(name: string): () => T {
  let loaded: T | undefined;
  return () => (loaded ??= require(name) as T);
}
