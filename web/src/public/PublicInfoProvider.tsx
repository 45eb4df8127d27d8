import { useMemo, type ReactNode } from 'react';
import { setDisplayTimeZone } from '../components/format.ts';
import { useResource } from '../api/use-resource.ts';
import { useI18n } from '../i18n/context.ts';
import { publicApi, setPublicLocale, type PublicInfo } from './api/public.api.ts';
import { InfoContext, type InfoValue } from './info-context.ts';

export function PublicInfoProvider({ children }: { children: ReactNode }) {
  const { locale } = useI18n();
  setPublicLocale(locale);
  const { data: info, error, reload } = useResource<PublicInfo>((signal) => publicApi.info(signal), []);
  // Dates on the citizen's pages are the city's dates (a case filed at 23:30 in Daye is filed that day), so the
  // formatters use the city's zone as soon as it is known, whatever zone the phone is set to.
  if (info) setDisplayTimeZone(info.timezone);
  const value = useMemo<InfoValue>(() => ({ info, error, reload }), [info, error, reload]);
  return <InfoContext.Provider value={value}>{children}</InfoContext.Provider>;
}
