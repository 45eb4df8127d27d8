import { zhCitizen } from '../../../common/i18n/citizen.ts';
import type { PageCatalogs } from './load-locale.ts';

/** Only the parts the citizen page shows (common/i18n/citizen.ts). */
export const citizenCatalogs: PageCatalogs = {
  zhCN: zhCitizen,
  en: () => import('../../../common/i18n/en-citizen.ts').then((m) => m.enCitizen),
};
