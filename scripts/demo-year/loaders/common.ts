import type { DemoApi } from '../api.ts';

/** How much of the year to load: `fraction` (0–1) stops a loader that supports it after that share of its series. */
export interface LoadOptions {
  fraction?: number;
}

/** A loader creates the records behind some figures of the year, through the API; it answers how many it created. */
export interface Loader {
  name: string;
  load(api: DemoApi, year: number, options?: LoadOptions): Promise<number>;
}

/**
 * Creates records n.. of a deterministic series until `want` stand: `have` is how many the API already lists, so a
 * second run creates nothing and an interrupted one goes on where it stopped.
 */
export async function ensure(have: number, want: number, create: (i: number) => Promise<unknown>): Promise<number> {
  for (let i = have; i < want; i++) await create(i);
  return Math.max(0, want - have);
}

/** The tenant's townships and streets (top-level regions), in code order. */
export async function townships(api: DemoApi): Promise<{ id: string; name: string }[]> {
  const page = await api.get<{ items: { id: string; name: string; code: string; parentId: string | null }[] }>(
    'admin',
    '/api/org/regions?pageSize=200',
  );
  return page.items.filter((r) => r.parentId === null).sort((a, b) => a.code.localeCompare(b.code));
}

export const yearRange = (year: number) => `from=${year}-01-01&to=${year}-12-31`;

export const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
