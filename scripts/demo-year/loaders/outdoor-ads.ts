import { dayOf } from '../spread.ts';
import { ensure, townships, yearRange, type Loader } from './common.ts';

/** The signs the 2023 report says were removed, by type: 18 wall, 12 high-altitude, 6 road-name, 730 light boxes, 8 awnings. */
const REMOVED = [
  ['wall', 18],
  ['high', 12],
  ['road_sign', 6],
  ['light_box', 730],
  ['awning', 8],
] as const;

/** 户外广告: one removal record per sign (an awning counts as a group), a third of them enforced. */
export const outdoorAdsLoader: Loader = {
  name: 'outdoor-ads',
  async load(api, year) {
    const regions = await townships(api);
    let created = 0;
    for (const [adType, n] of REMOVED) {
      const have = await api.total('admin', `/api/outdoor-ads/removals?${yearRange(year)}&adType=${adType}`);
      created += await ensure(have, n, async (i) => {
        const removedOn = dayOf(year, i, n);
        const region = regions[i % regions.length] as { id: string; name: string };
        await api.at(removedOn, '17:00').post('admin', '/api/outdoor-ads/removals', {
          adType,
          quantity: 1,
          removedOn,
          mode: i % 3 === 2 ? 'enforced' : 'voluntary',
          regionId: region.id,
          address: `${region.name}沿街店铺`,
        });
      });
    }
    return created;
  },
};
