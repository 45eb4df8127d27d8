import { useEffect, useState } from 'react';
import { Alert, Card, Spin } from 'antd';
import type { CitizenSettings } from '../../../../common/contracts/public.ts';
import { api } from '../../api/client.ts';
import { errorText } from '../../api/errors.ts';
import { useI18n } from '../../i18n/context.ts';
import { CitizenSettingsForm } from './CitizenSettingsForm.tsx';

const URL = '/api/citizen/settings';

/** 基础数据 › 市民随手拍设置: the reopen window of citizen reports (admins; settings.manage). */
export function CitizenSettingsPage() {
  const { t, locale } = useI18n();
  const [settings, setSettings] = useState<CitizenSettings | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    const abort = new AbortController();
    api.get<CitizenSettings>(URL, { signal: abort.signal }).then(setSettings, (e: unknown) => { if (!abort.signal.aborted) setError(e); });
    return () => abort.abort();
  }, []);
  return (
    <Card title={t('public.settings.title')}>
      {error ? <Alert type="error" title={errorText(error, locale)} /> : settings ? <CitizenSettingsForm initial={settings} onSave={(body) => api.put<CitizenSettings>(URL, body)} /> : <Spin />}
    </Card>
  );
}
