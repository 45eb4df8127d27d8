import { DEFAULT_LOCALE, isLocale, type Locale } from '../../../common/i18n/core.ts';

export const LOCALE_STORAGE_KEY = 'cityloop.locale';

/** The saved UI language; zh-CN on first visit (the bureau's working language), whatever the browser says. */
export function readStoredLocale(): Locale {
  try {
    const saved = globalThis.localStorage?.getItem(LOCALE_STORAGE_KEY);
    return isLocale(saved) ? saved : DEFAULT_LOCALE;
  } catch {
    return DEFAULT_LOCALE;
  }
}

export function storeLocale(locale: Locale): void {
  try {
    globalThis.localStorage?.setItem(LOCALE_STORAGE_KEY, locale);
  } catch {
    // Private mode or storage disabled: the choice lasts for this page only.
  }
}
