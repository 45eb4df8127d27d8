import { hasCatalog, registerCatalog, type Locale } from '../../../common/i18n/core.ts';

/**
 * zh-CN is bundled with every page; the English catalog is a chunk of its own, fetched the first time a user
 * picks English (or opens a page with English saved), so zh-CN users never download it.
 */
export async function loadLocale(locale: Locale): Promise<void> {
  if (hasCatalog(locale)) return;
  if (locale === 'en') registerCatalog('en', (await import('../../../common/i18n/en.ts')).en);
}
