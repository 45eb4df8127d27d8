import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Form, Radio, Select, Space, Switch, Table, Typography } from 'antd';
import type { PhotoRule, WorkflowOptionsBody } from '../../../../common/contracts/workflow-options.ts';
import { CASE_CHANNELS, type CaseChannel } from '../../../../common/domain/case-channels.ts';
import { CHECK_BY, VERIFY_MODES, type VerifyMode } from '../../../../common/domain/workflow-options.ts';
import { errorText, fieldErrorsOf } from '../../api/errors.ts';
import { useResource } from '../../api/use-resource.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { useI18n } from '../../i18n/context.ts';
import { useAuth } from '../auth/context.ts';
import { casesApi } from './cases.api.ts';
import { majorOptions } from '../catalog/labels.ts';
import { WorkflowPhotoTable } from './WorkflowPhotoTable.tsx';

/**
 * 应用维护: the tenant's workflow options (核实 per channel, 受理即派遣, 自行处置, who checks, photos per step). Everyone
 * who reads cases sees them; holders of settings.manage change them. The server refuses a set that would leave cases
 * unable to close, naming the option, and the message says which.
 */
export function WorkflowOptionsCard() {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const canEdit = useAuth().can('settings.manage');
  const stored = useResource((signal) => casesApi.workflowOptions(signal), []);
  const [value, setValue] = useState<WorkflowOptionsBody | null>(null);
  const [saving, setSaving] = useState(false);
  // The refusal's details name the option and the case that shows it: kept in view while the admin changes it.
  const [problems, setProblems] = useState<string[]>([]);
  useEffect(() => setValue(stored.data ?? null), [stored.data]);

  const patch = (p: Partial<WorkflowOptionsBody>) => setValue((v) => (v ? { ...v, ...p } : v));
  const setPhoto = (majorCode: string, p: Partial<PhotoRule>) =>
    setValue((v) => (v ? { ...v, photos: v.photos.map((r) => (r.majorCode === majorCode ? { ...r, ...p } : r)) } : v));
  const save = async () => {
    if (!value) return;
    setSaving(true);
    setProblems([]);
    try {
      setValue(await casesApi.saveWorkflowOptions(value));
      void message.success(t('catalog.workflow.saved'));
    } catch (err) {
      void message.error(errorText(err, locale));
      setProblems(fieldErrorsOf(err).map((e) => e.message || e.field));
    } finally {
      setSaving(false);
    }
  };
  const classes = majorOptions(locale, 'matter');
  const codes = (list: string[], onChange: (v: string[]) => void, testId: string) => (
    <Select
      mode="tags"
      value={list}
      options={classes}
      disabled={!canEdit}
      placeholder={t('catalog.workflow.codesPlaceholder')}
      onChange={(v: string[]) => onChange(v.filter((c) => /^(\d{2}|\d{5})$/.test(c)))}
      style={{ width: '100%' }}
      data-testid={testId}
    />
  );

  return (
    <Card
      title={t('catalog.workflow.title')}
      size="small"
      data-testid="workflow-options"
      extra={
        canEdit ? (
          <Button type="primary" loading={saving} disabled={!value} onClick={() => void save()}>
            {t('common.save')}
          </Button>
        ) : null
      }
    >
      <Typography.Paragraph type="secondary">{t('catalog.workflow.hint')}</Typography.Paragraph>
      {problems.length ? (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title={problems.join('；')}
          data-testid="workflow-options-problems"
        />
      ) : null}
      {stored.error ? (
        <LoadError error={stored.error} onRetry={stored.reload} testId="workflow-options" />
      ) : !value ? null : (
        <Form layout="vertical">
          <Form.Item label={t('catalog.workflow.verification')}>
            <Table<{ channel: CaseChannel }>
              size="small"
              rowKey="channel"
              pagination={false}
              dataSource={CASE_CHANNELS.map((channel) => ({ channel }))}
              columns={[
                {
                  key: 'channel',
                  title: t('catalog.workflow.channel'),
                  render: (_, r) => t(`cases.channel.${r.channel}`),
                },
                {
                  key: 'mode',
                  title: t('catalog.workflow.verifyColumn'),
                  render: (_, r) => (
                    <Select<VerifyMode>
                      size="small"
                      value={value.verification[r.channel]}
                      disabled={!canEdit}
                      style={{ minWidth: 140 }}
                      options={VERIFY_MODES.map((m) => ({ value: m, label: t(`catalog.workflow.verifyMode.${m}`) }))}
                      onChange={(m) => patch({ verification: { ...value.verification, [r.channel]: m } })}
                      data-testid={`workflow-verify-${r.channel}`}
                    />
                  ),
                },
              ]}
            />
          </Form.Item>
          <Form.Item label={t('catalog.workflow.dispatchOnAccept')} extra={t('catalog.workflow.dispatchOnAcceptHint')}>
            {codes(value.dispatchOnAccept, (v) => patch({ dispatchOnAccept: v }), 'workflow-dispatch-on-accept')}
          </Form.Item>
          <Form.Item label={t('catalog.workflow.selfHandle')} extra={t('catalog.workflow.selfHandleHint')}>
            <Space orientation="vertical" style={{ width: '100%' }}>
              <Space>
                <Switch
                  checked={value.selfHandle === null}
                  disabled={!canEdit}
                  onChange={(all) => patch({ selfHandle: all ? null : [] })}
                  data-testid="workflow-self-handle-all"
                />
                {t('catalog.workflow.selfHandleAll')}
              </Space>
              {value.selfHandle !== null
                ? codes(value.selfHandle, (v) => patch({ selfHandle: v }), 'workflow-self-handle')
                : null}
            </Space>
          </Form.Item>
          <Form.Item label={t('catalog.workflow.checkBy')}>
            <Radio.Group
              value={value.checkBy}
              disabled={!canEdit}
              onChange={(e) => patch({ checkBy: e.target.value as WorkflowOptionsBody['checkBy'] })}
              data-testid="workflow-check-by"
            >
              <Space orientation="vertical">
                {CHECK_BY.map((m) => (
                  <Radio key={m} value={m}>
                    {t(`catalog.workflow.checkByMode.${m}`)}
                  </Radio>
                ))}
              </Space>
            </Radio.Group>
          </Form.Item>
          <Form.Item label={t('catalog.afterPhotos.title')} extra={t('catalog.afterPhotos.hint')}>
            <WorkflowPhotoTable rows={value.photos} disabled={!canEdit} onChange={setPhoto} />
          </Form.Item>
        </Form>
      )}
    </Card>
  );
}
