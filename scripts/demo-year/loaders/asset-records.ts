import type { DemoApi } from '../api.ts';
import { apportion, dayOf } from '../spread.ts';
import { ensure } from './common.ts';

/**
 * What the loaders of the lines' registers share (docs/assets.md, "Figures"): the entries of a type imported in
 * one file, the daily logs of a year's total spread over its entries, and finished 养护工单 of one work kind. Each
 * counts what the API already lists, so a second run creates nothing.
 */
export interface EntryRow {
  code: string;
  name: string;
  attributes?: Record<string, unknown>;
}

const r6 = (v: number) => Math.round(v * 1e6) / 1e6;
/** Inside the city centre (the demo extent's corners fall outside the boundary the register checks against). */
function geometryOf(kind: 'point' | 'line', i: number) {
  const lng = r6(114.965 + ((i * 37) % 200) / 10_000);
  const lat = r6(30.09 + ((i * 53) % 150) / 10_000);
  if (kind === 'point') return { type: 'Point', coordinates: [lng, lat] };
  return {
    type: 'LineString',
    coordinates: [
      [lng, lat],
      [r6(lng + 0.003), r6(lat + 0.001)],
    ],
  };
}

/** Follows an import job to its end (it runs in the app's own process). */
export async function waitImport(api: DemoApi, id: string) {
  for (;;) {
    const job = await api.get<{ status: string; error?: unknown }>('admin', `/api/imports/${id}`);
    if (job.status === 'succeeded') return;
    if (job.status === 'failed') throw new Error(`import ${id} failed: ${JSON.stringify(job)}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** The entries of a type, `want` in all: the missing ones of the series in one GeoJSON import (created by code). */
export async function ensureEntries(
  api: DemoApi,
  typeCode: string,
  geometry: 'point' | 'line',
  want: number,
  row: (i: number) => EntryRow,
): Promise<number> {
  const have = await api.total('admin', `/api/assets/items?typeCode=${typeCode}`);
  if (have >= want) return 0;
  const features = [];
  for (let i = have; i < want; i++) {
    const r = row(i);
    features.push({
      type: 'Feature',
      geometry: geometryOf(geometry, i + typeCode.length * 11),
      properties: { code: r.code, name: r.name, type: typeCode, attributes: r.attributes ?? {} },
    });
  }
  const job = await api.post<{ id: string }>('admin', '/api/assets/import', { type: 'FeatureCollection', features });
  await waitImport(api, job.id);
  return want - have;
}

/** The ids of a type's entries in code order (at most 200: the types loaded here hold a few dozen). */
export async function entryIds(api: DemoApi, typeCode: string): Promise<string[]> {
  const page = await api.get<{ items: { id: string }[] }>(
    'admin',
    `/api/assets/items?typeCode=${typeCode}&sort=code&order=asc&pageSize=200`,
  );
  return page.items.map((a) => a.id);
}

/**
 * A year's total of a type's daily log in `n` entries (whole units, unevenly), entry i on the type's asset i mod
 * count, on the i-th of n days of the year: one log per asset and day, so a rerun writes none of them again.
 */
export async function ensureLogs(api: DemoApi, typeCode: string, year: number, total: number, n: number) {
  const ids = await entryIds(api, typeCode);
  const parts = apportion(total, n);
  let created = 0;
  for (const [a, assetId] of ids.entries()) {
    const mine = parts.map((q, i) => ({ q, i })).filter((e) => e.i % ids.length === a);
    const have = await api.total('admin', `/api/assets/logs?assetId=${assetId}&from=${year}-01-01&to=${year}-12-31`);
    created += await ensure(have, mine.length, async (j) => {
      const { q, i } = mine[j]!;
      const logDate = dayOf(year, i, n);
      await api.at(logDate, '18:00').post('admin', '/api/assets/logs', { assetId, logDate, quantity: q });
    });
  }
  return created;
}

/**
 * `want` finished orders of one work kind on a type's entries (order i on entry i mod count, on the i-th of `want`
 * days): opened, started and finished by the register's keeper at that day's moments, with the cost apportioned.
 */
export async function ensureOrders(
  api: DemoApi,
  o: { typeCode: string; line: string; kind: string; unit: string; title: string; year: number; want: number },
  costFen = 0,
) {
  const ids = await entryIds(api, o.typeCode);
  const units = await api.get<{ items: { id: string; code: string }[] }>('admin', '/api/org/units?pageSize=200');
  const unitId = units.items.find((u) => u.code === o.unit)?.id;
  const costs = costFen ? apportion(costFen, o.want) : [];
  const have = await api.total('admin', `/api/assets/work-orders?line=${o.line}&kind=${o.kind}`);
  return ensure(have, o.want, async (i) => {
    const day = dayOf(o.year, i, o.want);
    const { id } = await api.at(day, '09:00').post<{ id: string }>('admin', '/api/assets/work-orders', {
      assetId: ids[i % ids.length],
      title: o.title,
      kind: o.kind,
      unitId,
      workDays: 5,
    });
    await api.at(day, '10:00').post('admin', `/api/assets/work-orders/${id}/steps`, { action: 'start' });
    await api.at(day, '16:00').post('admin', `/api/assets/work-orders/${id}/steps`, {
      action: 'finish',
      ...(costFen ? { costFen: costs[i] } : {}),
    });
  });
}

export const pad = (i: number, width = 2) => String(i).padStart(width, '0');
