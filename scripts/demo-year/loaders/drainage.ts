import type { Loader } from './common.ts';
import { ensureEntries, ensureLogs, ensureOrders, pad } from './asset-records.ts';

/**
 * 排水: 23.5 km dredged over the 13 易渍水 sections; 135 manholes cleaned or re-covered and 200 “五防” manholes
 * replaced (finished orders of the manholes' two work kinds); the 19 泵房's overhaul, 250万 in all; the 4 sewage
 * plants; and the survey's 831 雨污混接 points and 1,894 structural defects with their remediation state.
 */
export const drainageLoader: Loader = {
  name: 'drainage',
  async load(api, year) {
    let created = await ensureEntries(api, 'DRN-WATERLOG', 'line', 13, (i) => ({
      code: `DY-ZS-${pad(i + 1)}`,
      name: `易渍水路段${i + 1}`,
    }));
    created += await ensureLogs(api, 'DRN-WATERLOG', year, 23_500, 47);
    created += await ensureEntries(api, 'DRN-WWTP', 'point', 4, (i) => ({
      code: `DY-WS-${pad(i + 1)}`,
      name: `${['城区', '城东', '城西', '城南'][i]}生活污水处理厂`,
    }));
    created += await ensureEntries(api, 'DRN-DEFECT', 'point', 831 + 1894, (i) => ({
      code: `DY-QX-${pad(i + 1, 4)}`,
      name: `${i < 831 ? '雨污混接点' : '结构性缺陷点'}${pad(i + 1, 4)}`,
      attributes: { kind: i < 831 ? '雨污混接' : '结构性缺陷', state: ['已整改', '整改中', '待整改'][i % 3] },
    }));
    created += await ensureEntries(api, 'DRN-MANHOLE', 'point', 60, (i) => ({
      code: `DY-JC-${pad(i + 1, 3)}`,
      name: `检查井${pad(i + 1, 3)}`,
    }));
    const order = { typeCode: 'DRN-MANHOLE', line: 'drainage', unit: 'DRAINAGE', year };
    created += await ensureOrders(api, { ...order, kind: 'clean-cover', title: '清理窨井、更换井盖', want: 135 });
    created += await ensureOrders(api, { ...order, kind: 'five-proof', title: '更换“五防”宽边承插井', want: 200 });
    created += await ensureOrders(
      api,
      { ...order, typeCode: 'DRN-PUMP', kind: 'overhaul', title: '泵房维修改造', want: 19 },
      250_000_000,
    );
    return created;
  },
};
