import type { zhYearbook } from '../zh-CN/yearbook.ts';

export const enYearbook: typeof zhYearbook = {
  yearbook: {
    defaultTitle: 'Work summary {year} and work plan {next}',
    parts: { summary: 'Work summary {year}', problems: 'Problems', plan: 'Work plan {next}' },
  },
};
