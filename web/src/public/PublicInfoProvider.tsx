import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useI18n } from '../i18n/context.ts';
import { publicApi, setPublicLocale, type PublicInfo } from './api/public.api.ts';
import { InfoContext, type InfoValue } from './info-context.ts';

export function PublicInfoProvider({ children }: { children: ReactNode }) {
  const { locale } = useI18n();
  const [info, setInfo] = useState<PublicInfo | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  setPublicLocale(locale);

  useEffect(() => {
    const controller = new AbortController();
    publicApi.info(controller.signal).then(
      (value) => {
        setInfo(value);
        setError(null);
      },
      (err: unknown) => !controller.signal.aborted && setError(err instanceof Error ? err.message : String(err)),
    );
    return () => controller.abort();
  }, [attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  const value = useMemo<InfoValue>(() => ({ info, error, reload }), [info, error, reload]);
  return <InfoContext.Provider value={value}>{children}</InfoContext.Provider>;
}
