import { Card, Spin } from 'antd';
import type { CitizenSettings } from '../../../../common/contracts/public.ts';
import { api } from '../../api/client.ts';
import { useResource } from '../../api/use-resource.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { useI18n } from '../../i18n/context.ts';
import { CitizenSettingsForm } from './CitizenSettingsForm.tsx';

const URL = '/api/citizen/settings';

/** 基础数据 › 市民随手拍设置: the reopen window of citizen reports (admins; settings.manage). */
export function CitizenSettingsPage() {
  const { t } = useI18n();
  const { data: settings, error, reload } = useResource((signal) => api.get<CitizenSettings>(URL, { signal }), []);
  return (
    <Card title={t('public.settings.title')}>
      {error ? (
        <LoadError error={error} onRetry={reload} testId="citizen-settings" />
      ) : settings ? (
        <CitizenSettingsForm initial={settings} onSave={(body) => api.put<CitizenSettings>(URL, body)} />
      ) : (
        <Spin />
      )}
    </Card>
  );
}
