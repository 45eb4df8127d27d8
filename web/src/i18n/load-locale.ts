import { hasCatalog, registerCatalog, type CatalogPart, type Locale } from '../../../common/i18n/core.ts';

/** The texts a page shows: zh-CN bundled with it, English fetched as a chunk of its own. */
export interface PageCatalogs {
  zhCN: CatalogPart;
  en: () => Promise<CatalogPart>;
}

let english: PageCatalogs['en'] | null = null;

/** Called once by a page's entry (entries/boot.tsx) before anything renders. */
export function installCatalogs(catalogs: PageCatalogs): void {
  registerCatalog('zh-CN', catalogs.zhCN);
  english = catalogs.en;
}

/**
 * zh-CN is bundled with every page; the English catalog is fetched the first time a user picks English (or opens
 * a page with English saved), so zh-CN users never download it.
 */
export async function loadLocale(locale: Locale): Promise<void> {
  if (hasCatalog(locale) || !english) return;
  if (locale === 'en') registerCatalog('en', await english());
}
