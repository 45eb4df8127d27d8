import { townships, type Loader } from './common.ts';
import { ensureEntries, ensureLogs, entryIds, pad, waitImport } from './asset-records.ts';
import { dayOf } from '../spread.ts';

/** 7000 t through the two transfer stations in the year: one weighbridge line per station and day, in kg-exact milli. */
function weighbridgeCsv(year: number, stations: readonly string[]) {
  const days = Array.from({ length: 365 }, (_, i) => dayOf(year, i, 365));
  const n = days.length * stations.length;
  const base = Math.floor(7_000_000 / n);
  const lines = ['station,date,tonnes'];
  days.forEach((d, i) =>
    stations.forEach((s, k) => {
      const milli = i * stations.length + k === n - 1 ? 7_000_000 - base * (n - 1) : base;
      lines.push(`${s},${d},${(milli / 1000).toFixed(3)}`);
    }),
  );
  return lines.join('\n');
}

/**
 * 环卫: the year's tonnage of the 2 transfer stations (the base seed's 16 stations stand), the 24 洒水雾化车, and the
 * 农村环卫 of each township with its 奖补资金 (43.5万 in all, one payment each) as that entry's log in 元.
 */
export const sanitationLoader: Loader = {
  name: 'sanitation',
  async load(api, year) {
    let created = 0;
    const stations = ['DY-ZZ-01', 'DY-ZZ-02'];
    const ids = await entryIds(api, 'SAN-TRANSFER');
    let logged = 0;
    for (const id of ids)
      logged += await api.total('admin', `/api/assets/logs?assetId=${id}&from=${year}-01-01&to=${year}-12-31`);
    if (logged < 365 * stations.length) {
      const job = await api
        .at(`${year}-12-31`, '20:00')
        .postFile<{ id: string }>('admin', '/api/assets/logs/import', weighbridgeCsv(year, stations), 'text/csv');
      await waitImport(api, job.id);
      created += 365 * stations.length - logged;
    }
    created += await ensureEntries(api, 'SAN-SPRINKLER', 'point', 24, (i) => ({
      code: `DY-SS-${pad(i + 1)}`,
      name: `${i + 1}号洒水雾化车`,
      attributes: { plate: `鄂B-S${pad(i + 1, 4)}` },
    }));
    const towns = await townships(api);
    created += await ensureEntries(api, 'SAN-RURAL', 'point', towns.length, (i) => ({
      code: `DY-NH-${pad(i + 1)}`,
      name: `${towns[i]!.name}农村环卫`,
      attributes: { grade: ['优秀', '良好', '合格'][i % 3] },
    }));
    created += await ensureLogs(api, 'SAN-RURAL', year, 435_000, towns.length);
    return created;
  },
};
