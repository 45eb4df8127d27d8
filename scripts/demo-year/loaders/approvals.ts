import { dayOf } from '../spread.ts';
import { addDays, ensure, yearRange, type Loader } from './common.ts';

/**
 * The window's types the loader uses: 临时占用城市道路 and types of the bureau's own whose codes wire no register (a
 * register type needs a sign's, a zone's or a disposal site's facts at the counter).
 */
const TYPES = [
  { code: 'road_occupation', name: '临时占用城市道路', promisedDays: 3 },
  { code: 'street_promotion', name: '大型商场占道促销', promisedDays: 3 },
  { code: 'tree_pruning', name: '城市树木修剪', promisedDays: 5 },
  { code: 'waste_collection', name: '生活垃圾经营性清扫收运', promisedDays: 10 },
] as const;
const MATERIALS = [
  { code: 'application', name: '申请书', required: true },
  { code: 'identity', name: '申请人身份证明', required: true },
  { code: 'plan', name: '施工或设置方案', required: false },
];

/** The tenant's calendar day of an instant (Asia/Shanghai). */
const localDay = (at: string) => new Date(Date.parse(at) + 8 * 3_600_000).toISOString().slice(0, 10);

interface TypeRow {
  id: string;
  code: string;
}

/**
 * 行政审批: 121 applications accepted at the window and all closed (granted, then the permit handed over), and 150
 * consultations. Acceptance, decision and closing stamp the app's clock, which the loader sets to each day.
 */
export const approvalsLoader: Loader = {
  name: 'approvals',
  async load(api, year) {
    const types = await api.get<TypeRow[] | { items: TypeRow[] }>('admin', '/api/approvals/types');
    const list = Array.isArray(types) ? types : types.items;
    const ids: string[] = [];
    for (const t of TYPES) {
      const found = list.find((r) => r.code === t.code);
      ids.push(
        found?.id ??
          (
            await api.at(`${year}-01-03`).post<TypeRow>('admin', '/api/approvals/types', {
              ...t,
              statutoryDays: 20,
              materials: MATERIALS,
            })
          ).id,
      );
    }
    const range = yearRange(year);
    let created = await ensure(await api.total('admin', `/api/approvals/applications?${range}`), 121, async (i) => {
      const day = dayOf(year, i, 121, `${year}-12-20`);
      await api.at(day, '10:00').post<{ id: string }>('admin', '/api/approvals/applications', {
        typeId: ids[i % ids.length],
        applicantName: `申请单位${i + 1}`,
        applicantPhone: `1390715${String(1000 + i).slice(-4)}`,
        address: `大冶市城区申请地点${i + 1}号`,
        materials: ['application', 'identity', 'plan'],
      });
    });
    // each accepted application is reviewed the same afternoon, granted (by a bureau leader) and closed the next day;
    // by status, so a run interrupted half-way finishes the ones it left
    for (const status of ['accepted', 'reviewing', 'decided'] as const) {
      const open = await api.get<{ items: { id: string; acceptedAt: string }[] }>(
        'admin',
        `/api/approvals/applications?${range}&status=${status}&pageSize=200`,
      );
      for (const a of open.items) {
        const day = localDay(a.acceptedAt);
        if (status === 'accepted')
          await api.at(day, '14:00').post('admin', `/api/approvals/applications/${a.id}/review`);
        if (status !== 'decided')
          await api.at(addDays(day, 1), '10:00').post('bureauleader', `/api/approvals/applications/${a.id}/decision`, {
            decision: 'grant',
            note: '材料齐全，符合规定，准予许可',
          });
        await api.at(addDays(day, 1), '15:00').post('admin', `/api/approvals/applications/${a.id}/close`, {});
      }
    }
    created += await ensure(await api.total('admin', `/api/approvals/consultations?${range}`), 150, async (i) => {
      await api.at(dayOf(year, i, 150), '11:00').post('admin', '/api/approvals/consultations', {
        channel: i % 3 === 0 ? 'phone' : 'walk_in',
        ...(i % 3 === 0 ? { phone: `1399716${String(1000 + i).slice(-4)}` } : {}),
        typeId: ids[i % ids.length],
        topic: '咨询办理条件和所需材料',
        answer: '已一次性告知',
      });
    });
    return created;
  },
};
