import { useEffect, useState } from 'react';
import { App, Button, Card, Switch, Table, Typography } from 'antd';
import type { AfterPhotoRules } from '../../../../common/contracts/case-photo-rules.ts';
import { errorText } from '../../api/errors.ts';
import { useResource } from '../../api/use-resource.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { useI18n } from '../../i18n/context.ts';
import { useAuth } from '../auth/context.ts';
import { casesApi } from '../cases/cases.api.ts';
import { majorLabel } from './labels.ts';

type Row = AfterPhotoRules['classes'][number];

/**
 * Whether 处置反馈 and 核查通过 must carry photos, per matter class (setting case.afterPhotos; both by default).
 * Everyone who reads cases sees the rules; holders of settings.manage change them.
 */
export function AfterPhotoRulesCard() {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const canEdit = useAuth().can('settings.manage');
  const stored = useResource((signal) => casesApi.afterPhotoRules(signal), []);
  const [rows, setRows] = useState<Row[] | null>(null);
  const [saving, setSaving] = useState(false);
  useEffect(() => setRows(stored.data?.classes ?? null), [stored.data]);

  const set = (majorCode: string, patch: Partial<Row>) =>
    setRows((all) => all?.map((r) => (r.majorCode === majorCode ? { ...r, ...patch } : r)) ?? null);
  const save = async () => {
    if (!rows) return;
    setSaving(true);
    try {
      setRows((await casesApi.saveAfterPhotoRules({ classes: rows })).classes);
      void message.success(t('catalog.afterPhotos.saved'));
    } catch (err) {
      void message.error(errorText(err, locale));
    } finally {
      setSaving(false);
    }
  };
  const toggle = (r: Row, key: 'reportBack' | 'checkPass') => (
    <Switch
      size="small"
      checked={r[key]}
      disabled={!canEdit}
      onChange={(on) => set(r.majorCode, { [key]: on })}
      data-testid={`after-photos-${key}-${r.majorCode}`}
    />
  );

  return (
    <Card
      title={t('catalog.afterPhotos.title')}
      size="small"
      data-testid="after-photo-rules"
      extra={
        canEdit ? (
          <Button type="primary" loading={saving} disabled={!rows} onClick={() => void save()}>
            {t('common.save')}
          </Button>
        ) : null
      }
    >
      <Typography.Paragraph type="secondary">{t('catalog.afterPhotos.hint')}</Typography.Paragraph>
      {stored.error ? (
        <LoadError error={stored.error} onRetry={stored.reload} testId="after-photo-rules" />
      ) : (
        <Table<Row>
          size="small"
          rowKey="majorCode"
          loading={stored.loading && !rows}
          pagination={false}
          dataSource={rows ?? []}
          columns={[
            {
              key: 'class',
              title: t('catalog.afterPhotos.class'),
              render: (_, r) => `${r.majorCode} ${majorLabel(locale, 'matter', r.majorCode, '')}`.trim(),
            },
            {
              key: 'reportBack',
              title: t('catalog.afterPhotos.reportBack'),
              render: (_, r) => toggle(r, 'reportBack'),
            },
            { key: 'checkPass', title: t('catalog.afterPhotos.checkPass'), render: (_, r) => toggle(r, 'checkPass') },
          ]}
        />
      )}
    </Card>
  );
}
