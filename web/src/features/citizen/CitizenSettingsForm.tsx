import { useState } from 'react';
import { Alert, Button, Form, InputNumber } from 'antd';
import type { CitizenSettings } from '../../../../common/contracts/public.ts';
import { errorText } from '../../api/errors.ts';
import { useI18n } from '../../i18n/context.ts';

/** The citizen channel's settings (today the reopen window), saved through PUT /api/citizen/settings. */
export function CitizenSettingsForm({
  initial,
  onSave,
}: {
  initial: CitizenSettings;
  onSave: (body: CitizenSettings) => Promise<CitizenSettings>;
}) {
  const { t, locale } = useI18n();
  const [days, setDays] = useState<number | null>(initial.reopenDays);
  const [saving, setSaving] = useState(false);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  const valid = days !== null && Number.isInteger(days) && days >= 0 && days <= 90;

  async function save() {
    if (!valid) return;
    setSaving(true);
    try {
      const saved = await onSave({ reopenDays: days });
      setDays(saved.reopenDays);
      setOutcome({ ok: true, text: t('public.settings.saved') });
    } catch (error) {
      setOutcome({ ok: false, text: errorText(error, locale) });
    } finally {
      setSaving(false);
    }
  }

  return (
    <Form layout="vertical" onFinish={() => void save()} style={{ maxWidth: 480 }}>
      <Form.Item
        label={t('public.settings.reopenDays')}
        help={t('public.settings.reopenHelp')}
        validateStatus={valid ? undefined : 'error'}
      >
        <InputNumber
          min={0}
          max={90}
          precision={0}
          value={days}
          onChange={(v) => setDays(typeof v === 'number' ? v : null)}
          data-testid="citizen-reopen-days"
        />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={saving} disabled={!valid} data-testid="citizen-settings-save">
        {t('public.settings.save')}
      </Button>
      {outcome && (
        <Alert
          style={{ marginTop: 16 }}
          type={outcome.ok ? 'success' : 'error'}
          title={outcome.text}
          showIcon
          data-testid="citizen-settings-outcome"
        />
      )}
    </Form>
  );
}
