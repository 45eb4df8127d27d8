import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { App as AntApp, ConfigProvider } from 'antd';
import antdZhCN from 'antd/es/locale/zh_CN';
import antdEnUS from 'antd/es/locale/en_US';
import { t as translate, type Locale } from '../../../common/i18n/index.ts';
import { api } from '../api/client.ts';
import { setDateLocale } from '../components/dates.ts';
import { I18nContext, type I18nValue } from './context.ts';
import { readStoredLocale, storeLocale } from './storage.ts';

const antdLocales = { 'zh-CN': antdZhCN, en: antdEnUS } as const;

interface Props {
  children: ReactNode;
  /** Tests pass a fixed language; the app reads the saved choice. */
  initialLocale?: Locale;
}

/** UI language (saved in localStorage), antd's matching locale and theme, and antd's App context (message, modal). */
export function LocaleProvider({ children, initialLocale }: Props) {
  const [locale, setLocaleState] = useState<Locale>(() => initialLocale ?? readStoredLocale());

  const setLocale = useCallback((next: Locale) => {
    storeLocale(next);
    setLocaleState(next);
  }, []);

  api.setLocale(locale);
  setDateLocale(locale);
  useEffect(() => {
    document.documentElement.lang = locale;
    document.title = translate(locale, 'app.name');
  }, [locale]);

  const value = useMemo<I18nValue>(
    () => ({ locale, setLocale, t: (key, params) => translate(locale, key, params) }),
    [locale, setLocale],
  );

  return (
    <I18nContext.Provider value={value}>
      <ConfigProvider locale={antdLocales[locale]} theme={{ token: { colorPrimary: '#1677ff', borderRadius: 6 } }}>
        <AntApp>{children}</AntApp>
      </ConfigProvider>
    </I18nContext.Provider>
  );
}
