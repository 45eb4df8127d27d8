import { useCallback, useLayoutEffect, useMemo, useState, type ReactNode } from 'react';
import { t as translate, type Locale } from '../../../common/i18n/core.ts';
import { I18nContext, type I18nValue } from './context.ts';
import { loadLocale } from './load-locale.ts';
import { readStoredLocale, storeLocale } from './storage.ts';

interface Props {
  children: ReactNode;
  /** Tests pass a fixed language; the app reads the saved choice. */
  initialLocale?: Locale;
  /** Told of every language change before the page renders in it (the console sets its API client and dates). */
  onLocale?: (locale: Locale) => void;
}

/**
 * The UI language (saved in localStorage) without any component library, so the citizen page stays small.
 * A language whose catalog is not loaded yet is fetched first and switched to when it arrives; the entry points
 * load the saved language before the first render (main-*.tsx), so nobody sees a flash of the other one.
 */
export function I18nProvider({ children, initialLocale, onLocale }: Props) {
  const [locale, setLocaleState] = useState<Locale>(() => initialLocale ?? readStoredLocale());

  const setLocale = useCallback((next: Locale) => {
    storeLocale(next);
    void loadLocale(next).then(() => setLocaleState(next));
  }, []);

  onLocale?.(locale);
  // Before the browser paints: the page's lang attribute and title never lag behind the text it shows.
  useLayoutEffect(() => {
    document.documentElement.lang = locale;
    document.title = translate(locale, 'app.name');
  }, [locale]);

  const value = useMemo<I18nValue>(
    () => ({ locale, setLocale, t: (key, params) => translate(locale, key, params) }),
    [locale, setLocale],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}
