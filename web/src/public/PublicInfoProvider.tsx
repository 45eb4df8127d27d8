import { useMemo, type ReactNode } from 'react';
import { useResource } from '../api/use-resource.ts';
import { useI18n } from '../i18n/context.ts';
import { publicApi, setPublicLocale, type PublicInfo } from './api/public.api.ts';
import { InfoContext, type InfoValue } from './info-context.ts';

export function PublicInfoProvider({ children }: { children: ReactNode }) {
  const { locale } = useI18n();
  setPublicLocale(locale);
  const { data: info, error, reload } = useResource<PublicInfo>((signal) => publicApi.info(signal), []);
  const value = useMemo<InfoValue>(() => ({ info, error, reload }), [info, error, reload]);
  return <InfoContext.Provider value={value}>{children}</InfoContext.Provider>;
}
