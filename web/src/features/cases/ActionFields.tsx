import { Alert, DatePicker, Flex, Form, Input, InputNumber, Radio, Select, Tag } from 'antd';
import type { CaseAction } from '../../../../common/domain/case-status.ts';
import { publicText } from '../../../../common/domain/public-output.ts';
import { useResource } from '../../api/use-resource.ts';
import { DATE_TIME_FORMAT, type Dayjs } from '../../components/dates.ts';
import { useI18n } from '../../i18n/context.ts';
import { casesApi, type CaseDetail } from './cases.api.ts';
import { InspectorPicker, UnitPicker, UserPicker } from './CaseSelects.tsx';
import { closeTypeOptions, limitUnitOptions, voidReasonOptions } from './labels.ts';
import { FilingConditionField, ReclassifyFields } from './FilingFields.tsx';
import { PhotoUpload } from './PhotoUpload.tsx';

export interface ActionValues {
  note?: string;
  photoIds?: string[];
  filingConditionId?: string;
  /** reclassify: the matter the case really is */
  matterCode?: string;
  unitId?: string | null;
  userId?: string | null;
  amountValue?: number | null;
  amountUnit?: string;
  until?: Dayjs | null;
  decision?: 'approve' | 'reject';
  closeType?: string;
  voidReason?: string;
  /** close: 答复市民, the only text the citizen reads */
  publicReply?: string;
}

/** Actions whose note is mandatory (回退/延期/挂账/作废 need a reason: docs/standards.md, "Abnormal flows"; 返工 and 督办 say why). */
export const NOTE_REQUIRED: readonly string[] = [
  'void',
  'reclassify',
  'redispatch',
  'recall',
  'request_return',
  'request_extension',
  'request_suspension',
  'check_fail',
  'escalate',
];
/** Actions that carry photos (处置前 on 核实, 处置后 on 反馈, 核查 photos on check). */
export const WITH_PHOTOS: readonly string[] = ['verify', 'report_back', 'check_pass', 'check_fail', 'self_handle'];
const APPROVALS: readonly string[] = ['approve_return', 'approve_extension', 'approve_suspension'];

/** Starting values of an action's form. */
export function initialValues(action: string, detail: CaseDetail): ActionValues {
  if (action === 'dispatch') return { unitId: detail.suggestedUnitId };
  if (action === 'close') return { closeType: detail.overdue ? 'overdue' : 'normal' };
  if (action === 'request_extension')
    return { amountValue: detail.handlingLimit?.value ?? 1, amountUnit: detail.handlingLimit?.unit ?? 'work_days' };
  if (APPROVALS.includes(action)) return { decision: 'approve' };
  return {};
}

/** The reason given with the pending request (the note of its request_* row). */
function requestReason(detail: CaseDetail, action: string): string | null {
  const wanted = action.replace('approve_', 'request_');
  const row = [...detail.timeline].reverse().find((e) => e.action === wanted);
  return row?.note ?? null;
}

/**
 * The unit of 派遣 (starting at the routing suggestion) or of 改派 (any unit but the current one). A unit with no
 * active handler is flagged in the list and warned about once chosen.
 */
function DispatchField({ detail, redispatch = false }: { detail: CaseDetail; redispatch?: boolean }) {
  const { t } = useI18n();
  const value = Form.useWatch<string | null | undefined>('unitId', Form.useFormInstance());
  const suggested = redispatch ? null : detail.suggestedUnitId;
  // Only the suggested unit's name is fetched here (the picker searches the rest); without it the picker shows the id.
  const unit = useResource(suggested ? (signal) => casesApi.unit(suggested, signal) : null, [suggested]).data;
  const chosen = useResource(value ? (signal) => casesApi.unit(value, signal) : null, [value]).data;
  const known = unit ? [{ value: unit.id, label: unit.name }] : [];
  const rules = [
    { required: true, message: t('validation.required') },
    ...(redispatch
      ? [
          {
            validator: async (_: unknown, v: string | null | undefined) => {
              if (v && v === detail.unitId) throw new Error(t('cases.actionForm.sameUnit'));
            },
          },
        ]
      : []),
  ];
  return (
    <>
      {redispatch ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('cases.actionForm.redispatchHint', { unit: detail.unitName ?? '—' })}
        />
      ) : null}
      <Form.Item
        label={
          <Flex gap={6} align="center">
            {redispatch ? t('cases.actionForm.newUnit') : t('cases.actionForm.unit')}
            {suggested && value === suggested ? (
              <Tag color="green" data-testid="action-form-suggested">
                {t('cases.actionForm.suggested')}
              </Tag>
            ) : null}
          </Flex>
        }
        required
      >
        <Form.Item name="unitId" noStyle rules={rules}>
          {/* keyed: RemoteSelect reads knownOptions when its value or options change, so remount once the name is known */}
          <UnitPicker key={known[0]?.label ?? ''} knownOptions={known} warnNoHandlers data-testid="action-form-unit" />
        </Form.Item>
      </Form.Item>
      {chosen && chosen.id === value && chosen.activeHandlers === 0 ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('cases.actionForm.noHandlersWarning', { name: chosen.name })}
          data-testid="action-form-no-handlers"
        />
      ) : null}
    </>
  );
}

/** 答复市民 with a live preview of what the citizen will read (masked as every public view masks it). */
function PublicReplyField({ required }: { required: boolean }) {
  const { t } = useI18n();
  const value = Form.useWatch<string | undefined>('publicReply', Form.useFormInstance());
  const shown = value?.trim() ? publicText(value.trim()) : null;
  return (
    <>
      <Form.Item
        name="publicReply"
        label={t('cases.actionForm.publicReply')}
        extra={t('cases.actionForm.publicReplyHint')}
        rules={[
          ...(required ? [{ required: true, whitespace: true, message: t('validation.required') }] : []),
          { max: 500, message: t('validation.maxLength', { limit: 500 }) },
        ]}
      >
        <Input.TextArea rows={3} maxLength={500} showCount data-testid="action-form-public-reply" />
      </Form.Item>
      <Alert
        type={shown ? 'success' : 'info'}
        style={{ marginBottom: 16 }}
        title={shown ? t('cases.actionForm.publicPreview', { text: shown }) : t('cases.actionForm.publicPreviewEmpty')}
        data-testid="action-form-public-preview"
      />
    </>
  );
}

/** The fields of one action's form (ActionPanel wraps them in the Form and sends them). */
export function ActionFields({ action, detail }: { action: CaseAction; detail: CaseDetail }) {
  const { t, locale } = useI18n();
  const required = [{ required: true, message: t('validation.required') }];
  const noteLabel = NOTE_REQUIRED.includes(action)
    ? t('cases.actionForm.reason')
    : action === 'close'
      ? t('cases.actionForm.internalNote')
      : t('cases.actionForm.note');
  const reason = APPROVALS.includes(action) ? requestReason(detail, action) : null;
  return (
    <>
      {reason ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('cases.actionForm.requestInfo', { reason })}
        />
      ) : null}
      {action === 'file' ? <FilingConditionField matterCode={detail.matterCode} /> : null}
      {action === 'reclassify' ? <ReclassifyFields detail={detail} /> : null}
      {action === 'dispatch' ? <DispatchField detail={detail} /> : null}
      {action === 'redispatch' ? <DispatchField detail={detail} redispatch /> : null}
      {action === 'recall' ? (
        <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('cases.actionForm.recallHint')} />
      ) : null}
      {action === 'assign' ? (
        <Form.Item name="userId" label={t('cases.actionForm.handler')} rules={required}>
          <UserPicker unitId={detail.unitId} data-testid="action-form-user" />
        </Form.Item>
      ) : null}
      {action === 'send_check' && sentByOptions(detail) ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={t(`catalog.workflow.checkByMode.${detail.checkBy ?? 'assigned'}`)}
        />
      ) : action === 'send_verify' || action === 'send_check' ? (
        // Without a choice the task goes back to the reporting inspector; a report from elsewhere has none.
        <Form.Item
          name="userId"
          label={t('cases.actionForm.inspector')}
          extra={detail.channel === 'inspector' ? t('cases.actionForm.inspectorHint') : undefined}
          rules={detail.channel === 'inspector' ? [] : required}
        >
          <InspectorPicker caseId={detail.id} data-testid="action-form-user" />
        </Form.Item>
      ) : null}
      {action === 'request_extension' ? (
        <Flex gap={8}>
          <Form.Item name="amountValue" label={t('cases.actionForm.amount')} rules={required} style={{ flex: 1 }}>
            <InputNumber min={0.5} max={10000} step={1} style={{ width: '100%' }} data-testid="action-form-amount" />
          </Form.Item>
          <Form.Item name="amountUnit" label={t('cases.actionForm.amountUnit')} rules={required} style={{ flex: 1 }}>
            <Select options={limitUnitOptions(locale)} data-testid="action-form-amount-unit" />
          </Form.Item>
        </Flex>
      ) : null}
      {action === 'request_suspension' ? (
        <Form.Item name="until" label={t('cases.actionForm.until')} rules={required}>
          <DatePicker showTime format={DATE_TIME_FORMAT} style={{ width: '100%' }} data-testid="action-form-until" />
        </Form.Item>
      ) : null}
      {APPROVALS.includes(action) ? (
        <Form.Item name="decision" label={t('cases.actionForm.decision')} rules={required}>
          <Radio.Group
            optionType="button"
            options={[
              { value: 'approve', label: t('cases.actionForm.approve') },
              { value: 'reject', label: t('cases.actionForm.reject') },
            ]}
            data-testid="action-form-decision"
          />
        </Form.Item>
      ) : null}
      {action === 'close' ? (
        <Form.Item name="closeType" label={t('cases.actionForm.closeType')} rules={required}>
          <Select options={closeTypeOptions(locale)} data-testid="action-form-close-type" />
        </Form.Item>
      ) : null}
      {action === 'close' ? <PublicReplyField required={detail.publicCase} /> : null}
      {action === 'void' ? (
        <Form.Item name="voidReason" label={t('cases.actionForm.voidReason')} rules={required}>
          <Select options={voidReasonOptions(locale)} data-testid="action-form-void-reason" />
        </Form.Item>
      ) : null}
      {WITH_PHOTOS.includes(action) ? (
        <Form.Item
          name="photoIds"
          label={t('cases.actionForm.photos')}
          extra={t('cases.form.photosHint')}
          rules={
            (detail.photosRequiredFor as readonly string[] | undefined)?.includes(action)
              ? [{ required: true, type: 'array', min: 1, message: t('cases.actionForm.photosRequired') }]
              : []
          }
        >
          <PhotoUpload testId="action-form-photos" />
        </Form.Item>
      ) : null}
      <Form.Item
        name="note"
        label={noteLabel}
        rules={[
          ...(NOTE_REQUIRED.includes(action)
            ? [{ required: true, whitespace: true, message: t('validation.required') }]
            : []),
          { max: 1000, message: t('validation.maxLength', { limit: 1000 }) },
        ]}
      >
        <Input.TextArea rows={3} maxLength={1000} showCount data-testid="action-form-note" />
      </Form.Item>
    </>
  );
}

/** 核查 whose inspector the tenant's workflow options decide (the grid's on-duty inspectors, or the reporter). */
function sentByOptions(detail: { checkBy?: string; channel: string }): boolean {
  return detail.checkBy === 'grid_on_duty' || (detail.checkBy === 'reporter' && detail.channel === 'inspector');
}
