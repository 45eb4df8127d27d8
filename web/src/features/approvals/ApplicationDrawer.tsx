import { useCallback, useEffect, useState } from 'react';
import { App, Button, Checkbox, Descriptions, Drawer, Form, Input, List, Select, Space, Tag } from 'antd';
import { approvalTypeName, canDo, DECISIONS, type ApprovalAction } from '../../../../common/domain/approvals.ts';
import { errorText } from '../../api/errors.ts';
import { formatInstant } from '../../components/format.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { LoadError } from '../../components/LoadError.tsx';
import { useFormSubmit } from '../../components/useFormSubmit.ts';
import { useI18n } from '../../i18n/context.ts';
import { useAuth } from '../auth/context.ts';
import { DateItem } from '../illegal-construction/fields.tsx';
import { apApi, STATUS_COLORS, type ApplicationDetail } from './ap.api.ts';
import { RegisterEntry } from './RegisterEntry.tsx';

type FormAction = 'correct' | 'resume' | 'decide';
interface Values {
  items?: string[];
  materials?: string[];
  note?: string;
  decision?: 'grant' | 'deny';
  validTo?: string;
}

/** The form of 补正, 材料补齐 or 决定; the server's field messages land on their fields. */
function ActionModal(props: {
  app: ApplicationDetail;
  action: FormAction | null;
  onClose: () => void;
  onDone: (a: ApplicationDetail) => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const { app, action } = props;
  useEffect(() => {
    if (action) form.resetFields();
  }, [action, form]);
  const { submitting, run } = useFormSubmit(form, async (v: Values) => {
    const id = app.id;
    const done =
      action === 'correct'
        ? await apApi.correct(id, { items: v.items ?? [], note: (v.note ?? '').trim() })
        : action === 'resume'
          ? await apApi.resume(id, { materials: v.materials ?? [], note: v.note?.trim() || null })
          : await apApi.decide(id, {
              decision: v.decision ?? 'grant',
              note: (v.note ?? '').trim(),
              validTo: v.validTo || null,
            });
    props.onDone(done);
  });
  const required = [{ required: true, message: t('validation.required') }];
  const options = (codes: (m: ApplicationDetail['materials'][number]) => boolean) =>
    app.materials.filter(codes).map((m) => ({ value: m.code, label: m.name }));
  return (
    <FormModal
      open={action !== null}
      title={action ? t(`approvals.action.${action}`) : ''}
      onSave={() => form.submit()}
      onClose={props.onClose}
      submitting={submitting}
      testId="ap-action-submit"
    >
      <Form<Values> form={form} layout="vertical" name="ap-action" onFinish={(v) => void run(v)}>
        {action === 'correct' ? (
          <Form.Item name="items" label={t('approvals.field.correctionItems')} rules={required}>
            <Checkbox.Group
              style={{ display: 'flex', flexDirection: 'column', gap: 4 }}
              options={options(() => true)}
            />
          </Form.Item>
        ) : null}
        {action === 'resume' ? (
          <Form.Item name="materials" label={t('approvals.field.materials')} rules={required}>
            <Checkbox.Group
              style={{ display: 'flex', flexDirection: 'column', gap: 4 }}
              options={options((m) => !m.received)}
            />
          </Form.Item>
        ) : null}
        {action === 'decide' ? (
          <>
            <Form.Item name="decision" label={t('approvals.field.decision')} rules={required} initialValue="grant">
              <Select options={DECISIONS.map((d) => ({ value: d, label: t(`approvals.decision.${d}`) }))} />
            </Form.Item>
            <DateItem name="validTo" label={t('approvals.field.validTo')} testId="ap-decide-valid-to" />
          </>
        ) : null}
        <Form.Item
          name="note"
          label={t(
            action === 'decide'
              ? 'approvals.field.decisionNote'
              : action === 'correct'
                ? 'approvals.field.correctionNote'
                : 'approvals.field.closeNote',
          )}
          rules={action === 'resume' ? [{ max: 500 }] : [...required, { max: 500 }]}
        >
          <Input.TextArea rows={3} data-testid="ap-action-note" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

/** One application: its checklist with what was received, the 补正 history, the decision and its register entry. */
export function ApplicationDrawer(props: { id: string | null; onClose: () => void; onChanged: () => void }) {
  const { t, locale } = useI18n();
  const { can } = useAuth();
  const { message } = App.useApp();
  const [app, setApp] = useState<ApplicationDetail | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [action, setAction] = useState<FormAction | null>(null);
  const load = useCallback(async (id: string) => {
    setError(null);
    try {
      setApp(await apApi.application(id));
    } catch (e) {
      setError(e);
    }
  }, []);
  useEffect(() => {
    setApp(null);
    if (props.id) void load(props.id);
  }, [props.id, load]);
  const changed = (a: ApplicationDetail) => {
    setApp(a);
    setAction(null);
    void message.success(t('approvals.done.saved'));
    props.onChanged();
  };
  const direct = async (call: () => Promise<ApplicationDetail>) => {
    try {
      changed(await call());
    } catch (e) {
      void message.error(errorText(e, locale));
    }
  };
  const allowed = (a: ApprovalAction) =>
    app !== null && canDo(a, app.status) && can(a === 'decide' ? 'approval.decide' : 'approval.handle');
  const hours = (ms: number) => Math.round((ms / 3_600_000) * 10) / 10;
  return (
    <Drawer
      open={props.id !== null}
      onClose={props.onClose}
      width={640}
      title={app?.applicationNo ?? ''}
      destroyOnHidden
    >
      {error ? <LoadError error={error} /> : null}
      {app ? (
        <Space direction="vertical" style={{ width: '100%' }} data-testid="ap-detail">
          <Space wrap>
            {allowed('review') ? (
              <Button onClick={() => void direct(() => apApi.review(app.id))}>{t('approvals.action.review')}</Button>
            ) : null}
            {allowed('correct') ? (
              <Button onClick={() => setAction('correct')}>{t('approvals.action.correct')}</Button>
            ) : null}
            {allowed('resume') ? (
              <Button onClick={() => setAction('resume')}>{t('approvals.action.resume')}</Button>
            ) : null}
            {allowed('decide') ? (
              <Button type="primary" onClick={() => setAction('decide')} data-testid="ap-decide">
                {t('approvals.action.decide')}
              </Button>
            ) : null}
            {allowed('close') ? (
              <Button type="primary" onClick={() => void direct(() => apApi.close(app.id))}>
                {t('approvals.action.close')}
              </Button>
            ) : null}
          </Space>
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={t('approvals.field.type')}>
              {approvalTypeName(locale, { code: app.typeCode, name: app.typeName })}
            </Descriptions.Item>
            <Descriptions.Item label={t('approvals.field.status')}>
              <Tag color={STATUS_COLORS[app.status]}>{t(`approvals.status.${app.status}`)}</Tag>
              {app.decision ? <Tag>{t(`approvals.decision.${app.decision}`)}</Tag> : null}
            </Descriptions.Item>
            <Descriptions.Item label={t('approvals.field.applicant')}>{app.applicantName}</Descriptions.Item>
            <Descriptions.Item label={t('approvals.field.phone')}>{app.applicantPhone}</Descriptions.Item>
            <Descriptions.Item label={t('approvals.field.address')}>{app.address}</Descriptions.Item>
            <Descriptions.Item label={t('approvals.field.acceptedAt')}>
              {formatInstant(app.acceptedAt)}
            </Descriptions.Item>
            <Descriptions.Item label={t('approvals.field.dueDate')}>{app.dueDate}</Descriptions.Item>
            {app.pausedWorkingMs ? (
              <Descriptions.Item label={t('approvals.field.paused')}>
                {t('approvals.pausedHours', { hours: hours(app.pausedWorkingMs) })}
              </Descriptions.Item>
            ) : null}
            {app.decisionNote ? (
              <Descriptions.Item label={t('approvals.field.decisionNote')}>{app.decisionNote}</Descriptions.Item>
            ) : null}
            {app.permitNo ? (
              <Descriptions.Item label={t('approvals.field.permitNo')}>
                {app.permitNo}
                {app.validTo ? ` · ${t('approvals.field.validTo')} ${app.validTo}` : ''}
              </Descriptions.Item>
            ) : null}
            {app.register ? (
              <Descriptions.Item label={t('approvals.field.register')}>
                <RegisterEntry entry={app.register} />
              </Descriptions.Item>
            ) : null}
          </Descriptions>
          <List
            size="small"
            header={t('approvals.field.materials')}
            dataSource={app.materials}
            renderItem={(m) => (
              <List.Item>
                <span>{m.name}</span>
                <Space>
                  <Tag>{t(m.required ? 'approvals.material.required' : 'approvals.material.optional')}</Tag>
                  <Tag color={m.received ? 'success' : m.required ? 'error' : 'default'}>
                    {t(m.received ? 'approvals.material.received' : 'approvals.material.missing')}
                  </Tag>
                </Space>
              </List.Item>
            )}
          />
          {app.corrections.length ? (
            <List
              size="small"
              header={t('approvals.field.corrections')}
              dataSource={app.corrections}
              renderItem={(c) => (
                <List.Item>
                  {formatInstant(c.requestedAt)} {c.note}
                  {c.resumedAt ? ` → ${formatInstant(c.resumedAt)}` : ''}
                </List.Item>
              )}
            />
          ) : null}
        </Space>
      ) : null}
      {app ? <ActionModal app={app} action={action} onClose={() => setAction(null)} onDone={changed} /> : null}
    </Drawer>
  );
}
