import { useState } from 'react';
import { Alert, App, Button, Card, Empty, Flex, Form } from 'antd';
import type { CaseTransition } from '../../../../common/contracts/cases.ts';
import type { CaseAction } from '../../../../common/domain/case-status.ts';
import type { CloseType, VoidReason } from '../../../../common/domain/case-channels.ts';
import type { LimitUnit } from '../../../../common/domain/work-calendar.ts';
import { errorText, isApiError, toFormFieldErrors } from '../../api/errors.ts';
import { useResource } from '../../api/use-resource.ts';
import { useI18n } from '../../i18n/context.ts';
import { useAuth } from '../auth/context.ts';
import { ActionFields, initialValues, type ActionValues } from './ActionFields.tsx';
import { casesApi, type CaseDetail, type DuplicateCandidate } from './cases.api.ts';
import { DuplicateList } from './DuplicateList.tsx';
import { actionLabel } from './labels.ts';
import { visibleActions } from './visible-actions.ts';

interface Props {
  detail: CaseDetail;
  /** the case after a successful action */
  onChanged: (detail: CaseDetail) => void;
  /** someone else changed the case (409 CASE_STALE) or it moved on: load it again */
  onStale: () => void;
}

/** Forward steps are primary buttons; giving up on a case is red. */
const PRIMARY: readonly string[] = [
  'accept',
  'verify',
  'file',
  'dispatch',
  'report_back',
  'send_check',
  'check_pass',
  'close',
  'resume',
  'approve_return',
  'approve_extension',
  'approve_suspension',
  'self_handle',
];
const DANGER: readonly string[] = ['void', 'check_fail', 'escalate'];

const trimmed = (value: string | undefined) => (value && value.trim() ? value.trim() : undefined);

/** The request body of an action from its form values (only the fields that action takes). */
export function transitionBody(action: CaseAction, version: number, v: ActionValues): CaseTransition {
  const body: CaseTransition = { action, version, note: trimmed(v.note) };
  if (v.photoIds?.length) body.photoIds = v.photoIds;
  if ((action === 'file' || action === 'reclassify') && v.filingConditionId)
    body.filingConditionId = v.filingConditionId;
  if (action === 'reclassify' && v.matterCode) body.matterCode = v.matterCode;
  if ((action === 'dispatch' || action === 'redispatch') && v.unitId) body.unitId = v.unitId;
  if ((action === 'assign' || action === 'send_verify' || action === 'send_check') && v.userId) body.userId = v.userId;
  if (action === 'request_extension' && v.amountValue) {
    body.amountValue = v.amountValue;
    body.amountUnit = v.amountUnit as LimitUnit | undefined;
  }
  if (action === 'request_suspension' && v.until) body.until = v.until.toISOString();
  if (action.startsWith('approve_')) body.approve = v.decision !== 'reject';
  if (action === 'close' && v.closeType) body.closeType = v.closeType as CloseType;
  if (action === 'close' && trimmed(v.publicReply)) body.publicReply = trimmed(v.publicReply);
  if (action === 'void' && v.voidReason) body.voidReason = v.voidReason as VoidReason;
  return body;
}

/** The actions this user may take now (`allowedActions` from the server, see visibleActions), each with its own form. */
export function ActionPanel({ detail, onChanged, onStale }: Props) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<ActionValues>();
  const actions = visibleActions(detail, useAuth().me?.permissions ?? []);
  const [chosen, setChosen] = useState<CaseAction | null>(null);
  const [busy, setBusy] = useState(false);
  const [stale, setStale] = useState(false);
  // A form opens only when its button is pressed: after 受理 the lone red 作废 must not sit open with the cursor in
  // it, and a 督办 that leaves the case where it was must not reopen.
  const action = chosen && actions.includes(chosen) ? chosen : null;
  const canMerge = actions.includes('void');

  const candidates = useResource(canMerge ? (signal) => casesApi.duplicates(detail.id, signal) : null, [
    canMerge,
    detail.id,
  ]);
  // No hint when the check failed: merging is an offer, voiding works without it.
  const duplicates: DuplicateCandidate[] | null = candidates.error ? null : candidates.data;

  const choose = (next: CaseAction) => {
    setChosen(next);
    form.resetFields();
    form.setFieldsValue(initialValues(next, detail));
  };

  const send = async (body: CaseTransition) => {
    setBusy(true);
    try {
      const next = await casesApi.transition(detail.id, body);
      void message.success(t('cases.actionForm.done', { action: actionLabel(locale, body.action) }));
      setChosen(null);
      setStale(false);
      form.resetFields();
      onChanged(next);
    } catch (error) {
      if (isApiError(error) && (error.code === 'CASE_STALE' || error.code === 'CASE_TRANSITION_NOT_ALLOWED')) {
        setStale(true);
        void message.warning(error.code === 'CASE_STALE' ? t('cases.detail.stale') : errorText(error, locale));
        onStale();
        return;
      }
      const fields = toFormFieldErrors(error, locale);
      if (fields.length) form.setFields(fields as Parameters<typeof form.setFields>[0]);
      void message.error(errorText(error, locale));
    } finally {
      setBusy(false);
    }
  };

  const merge = (parent: DuplicateCandidate) =>
    void send({
      action: 'void',
      version: detail.version,
      voidReason: 'duplicate',
      parentId: parent.id,
      note:
        trimmed(form.getFieldValue('note') as string | undefined) ??
        t('cases.actionForm.mergeNote', { caseNo: parent.caseNo }),
    });

  return (
    <Card size="small" title={t('cases.detail.actions')} data-testid="case-actions">
      {stale ? (
        <Alert
          type="warning"
          showIcon
          closable
          style={{ marginBottom: 12 }}
          title={t('cases.detail.stale')}
          data-testid="action-stale"
          onClose={() => setStale(false)}
        />
      ) : null}
      {actions.length === 0 ? (
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={t('cases.detail.noActions')}
          data-testid="case-no-actions"
        />
      ) : (
        <Flex vertical gap={12}>
          {canMerge && duplicates?.length && action !== 'void' ? (
            <Alert
              type="warning"
              showIcon
              title={t('cases.actionForm.duplicatesFound', { count: duplicates.length })}
              action={
                <Button size="small" onClick={() => choose('void')}>
                  {actionLabel(locale, 'void')}
                </Button>
              }
              data-testid="duplicates-hint"
            />
          ) : null}
          <Flex wrap gap={8}>
            {actions.map((a) => (
              <Button
                key={a}
                type={PRIMARY.includes(a) ? 'primary' : 'default'}
                danger={DANGER.includes(a)}
                ghost={action !== a && PRIMARY.includes(a)}
                onClick={() => choose(a)}
                data-testid={`case-action-${a}`}
                aria-pressed={action === a}
              >
                {actionLabel(locale, a)}
              </Button>
            ))}
          </Flex>
          {action ? (
            <Form<ActionValues>
              key={`${action}-${detail.version}`}
              form={form}
              layout="vertical"
              name="case-action"
              data-testid={`action-form-${action}`}
              initialValues={initialValues(action, detail)}
              onFinish={(values) => void send(transitionBody(action, detail.version, values))}
            >
              <ActionFields action={action} detail={detail} />
              {action === 'void' ? (
                <div style={{ marginBottom: 16 }}>
                  <DuplicateList items={duplicates} onMerge={merge} busy={busy} />
                </div>
              ) : null}
              <Flex gap={8}>
                <Button
                  type="primary"
                  htmlType="submit"
                  loading={busy}
                  danger={DANGER.includes(action)}
                  data-testid="action-submit"
                >
                  {actionLabel(locale, action)}
                </Button>
                <Button onClick={() => setChosen(null)} disabled={busy} data-testid="action-cancel">
                  {t('common.cancel')}
                </Button>
              </Flex>
            </Form>
          ) : null}
        </Flex>
      )}
    </Card>
  );
}
