import { apportion, dayOf, pointOf } from '../spread.ts';
import { addDays, ensure, townships, yearRange, type Loader } from './common.ts';

const BASE = '/api/illegal-construction';
const PUBLIC_SOURCES = ['complaint', 'petition', 'hotline'] as const;

/**
 * 查违控违 of the year: 32 reports from the public and 12 leaders' instructions, 25 停工通知书 on the first sites,
 * 23 交办函/督办函 to the townships, 188 actions of the bureau over 46,574 m² and 20 assisting townships over
 * 20,000 m² (the report's "20余起" and "约20000㎡" read as 20 and 20,000).
 */
export const illegalConstructionLoader: Loader = {
  name: 'illegal-construction',
  async load(api, year) {
    const regions = await townships(api);
    const region = (i: number) => regions[i % regions.length] as { id: string; name: string };
    const range = yearRange(year);
    let created = 0;

    const reports = 32 + 12;
    created += await ensure(await api.total('admin', `${BASE}/reports?${range}`), reports, async (i) => {
      const reportedOn = dayOf(year, i, reports, `${year}-11-30`);
      const instruction = i >= 32;
      await api.at(reportedOn, '17:00').post('admin', `${BASE}/reports`, {
        source: instruction ? 'instruction' : PUBLIC_SOURCES[i % 3],
        regionId: region(i).id,
        address: `${region(i).name}违建线索${i + 1}号`,
        ...pointOf(i),
        description: instruction ? '领导批示交办的违法建设' : '群众反映的违法建设',
        reportedOn,
      });
    });

    const sites = (
      await api.get<{ items: { id: string; reportedOn: string }[] }>(
        'admin',
        `${BASE}/reports?${range}&sort=reportedOn&order=asc&pageSize=100`,
      )
    ).items;
    created += await ensure(await api.total('admin', `${BASE}/stop-notices?${range}`), 25, async (i) => {
      const site = sites[i] as { id: string; reportedOn: string };
      const issuedOn = addDays(site.reportedOn, 2);
      await api.at(issuedOn, '17:00').post('admin', `${BASE}/stop-notices`, {
        reportId: site.id,
        noticeNo: `冶城管停字〔${year}〕${i + 1}号`,
        issuedOn,
      });
    });

    created += await ensure(await api.total('admin', `${BASE}/letters?${range}`), 23, async (i) => {
      const issuedOn = dayOf(year, i, 23, `${year}-12-15`);
      await api.at(issuedOn, '17:00').post('admin', `${BASE}/letters`, {
        kind: i % 3 === 2 ? 'supervise' : 'assign',
        letterNo: `冶城管函〔${year}〕${i + 1}号`,
        regionId: region(i).id,
        subject: '违法建设查处交办',
        issuedOn,
        deadline: addDays(issuedOn, 15),
      });
    });

    for (const [lead, n, area] of [
      ['bureau', 188, 46_574],
      ['assist', 20, 20_000],
    ] as const) {
      const areas = apportion(area, n);
      const have = await api.total('admin', `${BASE}/demolitions?${range}&lead=${lead}`);
      created += await ensure(have, n, async (i) => {
        const demolishedOn = dayOf(year, i, n);
        await api.at(demolishedOn, '17:00').post('admin', `${BASE}/demolitions`, {
          demolishedOn,
          regionId: region(i + 3).id,
          address: `${region(i + 3).name}拆违点${i + 1}号`,
          ...pointOf(i + 100),
          areaM2: areas[i],
          structure: (['brick_concrete', 'steel', 'simple', 'other'] as const)[i % 4],
          lead,
          units: lead === 'bureau' ? '市城管执法局' : `市城管执法局、${region(i + 3).name}`,
          people: 10 + (i % 20),
        });
      });
    }
    return created;
  },
};
