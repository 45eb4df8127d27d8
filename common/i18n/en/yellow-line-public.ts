import type { zhYellowLinePublic } from '../zh-CN/yellow-line-public.ts';

export const enYellowLinePublic: typeof zhYellowLinePublic = {
  yellowLinePublic: {
    tab: 'Yellow lines',
    title: 'Civilised yellow lines',
    intro:
      'Yellow lines with a permit in force: shops and stalls may trade inside them with the goods and hours shown.',
    none: 'No permitted yellow lines at present',
    count: '{count} in all',
    kind: { shop: 'Shop', stall: 'Stall' },
    goods: 'Goods: ',
    hours: 'Hours: ',
    validity: 'Valid: ',
  },
};
