import type { Loader } from './common.ts';
import { ensureEntries, ensureLogs, pad } from './asset-records.ts';

/**
 * 渣土: 70 pollution sources found, and the year's 1,600 person-times on duty, 150 sprinkler trips and 60,000 m²
 * washed as the daily logs of the posts, vehicles and sections.
 */
export const muckLoader: Loader = {
  name: 'muck',
  async load(api, year) {
    let created = await ensureEntries(api, 'MUCK-SOURCE', 'point', 70, (i) => ({
      code: `DY-WR-${pad(i + 1)}`,
      name: `渣土污染源头${i + 1}（工地出入口）`,
      attributes: { state: i % 5 ? '已整改' : '已查处' },
    }));
    created += await ensureEntries(api, 'MUCK-PATROL', 'point', 8, (i) => ({
      code: `DY-ZQ-${pad(i + 1)}`,
      name: `渣土执勤点${i + 1}`,
    }));
    created += await ensureEntries(api, 'MUCK-SPRINKLER', 'point', 3, (i) => ({
      code: `DY-ZSS-${pad(i + 1)}`,
      name: `渣土洒水车${i + 1}`,
      attributes: { plate: `鄂B-Z${pad(i + 1, 4)}` },
    }));
    created += await ensureEntries(api, 'MUCK-WASH', 'line', 5, (i) => ({
      code: `DY-CX-${pad(i + 1)}`,
      name: `渣土运输路段冲洗${i + 1}`,
    }));
    created += await ensureLogs(api, 'MUCK-PATROL', year, 1_600, 40);
    created += await ensureLogs(api, 'MUCK-SPRINKLER', year, 150, 30);
    created += await ensureLogs(api, 'MUCK-WASH', year, 60_000, 20);
    return created;
  },
};
