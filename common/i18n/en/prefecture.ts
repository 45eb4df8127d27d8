import type { zhPrefecture } from '../zh-CN/prefecture.ts';

/** Prefecture view: the prefecture's KPI over its counties (docs/prefecture.md). */
export const enPrefecture: typeof zhPrefecture = {
  prefecture: {
    nav: 'Counties overview',
    title: '{name} · KPI of the counties',
    hint: 'Computed from each county’s daily KPI roll-up; no case and no personal data',
    cards: {
      score: 'Prefecture composite',
      counties: 'Counties',
      reports: 'Reports',
      filed: 'Filed',
      closeRate: 'Close rate',
      onTimeCloseRate: 'On-time close rate',
    },
    ranking: {
      title: 'County ranking',
      county: 'County',
      code: 'Admin code',
      noData: 'No data in this period',
    },
    trend: {
      title: 'Last 12 months',
      score: 'Composite',
      reports: 'Reports',
      filed: 'Filed',
      closed: 'Closed',
    },
    empty: 'No county reports its KPI to this prefecture yet',
    emptyHint: 'A county appears here once its system administrator names this prefecture as the one it reports to.',
  },
};
