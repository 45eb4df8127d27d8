import type { Loader } from './common.ts';
import { ensureEntries, ensureLogs, pad } from './asset-records.ts';

/** 园林: 110万 pots of flowers in 12 beds (two plantings each) and 80万 m² of lawn over 8 lawns, as daily logs. */
export const parksLoader: Loader = {
  name: 'parks',
  async load(api, year) {
    let created = await ensureEntries(api, 'PRK-FLOWER', 'point', 12, (i) => ({
      code: `DY-HT-${pad(i + 1)}`,
      name: `${['人民广场', '青龙山', '尹家湖', '金湖大道', '新冶大道', '东风路'][i % 6]}花坛${Math.floor(i / 6) + 1}`,
    }));
    created += await ensureEntries(api, 'PRK-LAWN', 'point', 8, (i) => ({
      code: `DY-CP-${pad(i + 1)}`,
      name: `${['雨润广场', '世纪林', '大冶湖', '港湖'][i % 4]}草坪${Math.floor(i / 4) + 1}`,
    }));
    created += await ensureLogs(api, 'PRK-FLOWER', year, 1_100_000, 24);
    created += await ensureLogs(api, 'PRK-LAWN', year, 800_000, 16);
    return created;
  },
};
