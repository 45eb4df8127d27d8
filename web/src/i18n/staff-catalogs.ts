import { zhCN } from '../../../common/i18n/zh-CN.ts';
import type { PageCatalogs } from './load-locale.ts';

/** The whole catalog, for the staff pages (console, inspector app, 大屏). */
export const staffCatalogs: PageCatalogs = {
  zhCN,
  en: () => import('../../../common/i18n/en.ts').then((m) => m.en),
};
