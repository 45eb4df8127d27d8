import type { Loader } from './common.ts';
import { ensureEntries, ensureLogs, pad } from './asset-records.ts';

const ACCESS_KINDS = ['缘石坡道', '无障碍坡道', '扶手', '无障碍卫生间', '无障碍停车位'];

/**
 * 市政: the 65 主次干道 (the base seed has 6), the 6 桥涵 of the base seed, 380 无障碍设施, and 9,206 m² of
 * 人行道/盲道 repaired over 10 sections as their daily logs.
 */
export const municipalLoader: Loader = {
  name: 'municipal',
  async load(api, year) {
    let created = await ensureEntries(api, 'MUN-ROAD', 'line', 65, (i) => ({
      code: `DY-DL-${pad(i + 1)}`,
      name: `城区道路${i + 1}号（示例）`,
      attributes: { grade: i % 3 ? '次干路' : '主干路' },
    }));
    created += await ensureEntries(api, 'MUN-BRIDGE', 'point', 6, (i) => ({
      code: `DY-QL-${pad(i + 1)}`,
      name: `桥涵${i + 1}`,
      attributes: { structure: '梁桥' },
    }));
    created += await ensureEntries(api, 'MUN-ACCESS', 'point', 380, (i) => ({
      code: `DY-WZA-${pad(i + 1, 3)}`,
      name: `无障碍设施${i + 1}`,
      attributes: { kind: ACCESS_KINDS[i % ACCESS_KINDS.length] },
    }));
    created += await ensureEntries(api, 'MUN-SIDEWALK', 'line', 10, (i) => ({
      code: `DY-RX-${pad(i + 1)}`,
      name: `${['乾塔路', '七里界路', '金湖大道', '新冶大道', '建设路'][i % 5]}人行道${Math.floor(i / 5) + 1}段`,
    }));
    created += await ensureLogs(api, 'MUN-SIDEWALK', year, 9_206, 20);
    return created;
  },
};
