import type { ReactNode } from 'react';
import { App as AntApp, ConfigProvider } from 'antd';
import antdZhCN from 'antd/es/locale/zh_CN';
import antdEnUS from 'antd/es/locale/en_US';
import type { Locale } from '../../../common/i18n/core.ts';
import { api } from '../api/client.ts';
import { setDateLocale } from '../components/dates.ts';
import { useI18n } from './context.ts';
import { I18nProvider } from './I18nProvider.tsx';

const antdLocales = { 'zh-CN': antdZhCN, en: antdEnUS } as const;

interface Props {
  children: ReactNode;
  /** Tests pass a fixed language; the app reads the saved choice. */
  initialLocale?: Locale;
}

function applyLocale(locale: Locale): void {
  api.setLocale(locale);
  setDateLocale(locale);
}

function AntdLocale({ children }: { children: ReactNode }) {
  const { locale } = useI18n();
  return (
    <ConfigProvider
      locale={antdLocales[locale]}
      theme={{ token: { colorPrimary: '#1677ff', borderRadius: 6 } }}
      // antd would write a two-character Chinese label as "受 理"; the bureau's words are read without a gap.
      button={{ autoInsertSpace: false }}
    >
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}

/** The UI language (I18nProvider) plus antd's matching locale and theme, and antd's App context (message, modal). */
export function LocaleProvider({ children, initialLocale }: Props) {
  return (
    <I18nProvider initialLocale={initialLocale} onLocale={applyLocale}>
      <AntdLocale>{children}</AntdLocale>
    </I18nProvider>
  );
}
