import { createContext, useContext } from 'react';
import {
  DEFAULT_LOCALE,
  t as translate,
  type Locale,
  type MessageKey,
  type MessageParams,
} from '../../../common/i18n/core.ts';

export type Translate = (key: MessageKey, params?: MessageParams) => string;

export interface I18nValue {
  locale: Locale;
  setLocale: (locale: Locale) => void;
  t: Translate;
}

const fallback: I18nValue = {
  locale: DEFAULT_LOCALE,
  setLocale: () => undefined,
  t: (key, params) => translate(DEFAULT_LOCALE, key, params),
};

export const I18nContext = createContext<I18nValue>(fallback);

/** The UI language and its translate function. Outside a provider it answers in zh-CN. */
export function useI18n(): I18nValue {
  return useContext(I18nContext);
}
