import { useState } from 'react';
import { Button, Checkbox, Flex, Form, Input, InputNumber, Select, Space, Typography } from 'antd';
import {
  PLEA_OUTCOMES,
  REVIEW_OUTCOMES,
  STEP_KINDS,
  type EnforcementAction,
} from '../../../../common/domain/enforcement-lifecycle.ts';
import { useResource } from '../../api/use-resource.ts';
import { useFormSubmit } from '../../components/useFormSubmit.ts';
import { useI18n } from '../../i18n/context.ts';
import { enforcementApi, type EnforcementActionBody, type EnforcementCaseDetail } from './enforcement.api.ts';
import { label } from './labels.ts';

/** Which inputs each step asks for (the server checks them again and names the field it refuses). */
const NEEDS: Partial<Record<EnforcementAction, readonly string[]>> = {
  record_step: ['stepKind', 'officers', 'note'],
  add_evidence: ['evidence', 'officers', 'note'],
  order_correction: ['officers', 'correctBy', 'note'],
  finish_investigation: ['proposal'],
  return_review: ['note'],
  record_discussion: ['note'],
  record_statement: ['outcome', 'note'],
  record_hearing: ['heldOn', 'outcome', 'note'],
  end_notice: ['waived'],
  decide: ['decision'],
  serve: ['servedOn'],
  record_payment: ['payment'],
  request_plan: ['plan', 'note'],
  reject_plan: ['note'],
  serve_demand: ['servedOn'],
  apply_court: ['note'],
  extend: ['extensionDays', 'note'],
  record_review: ['review', 'note'],
};

interface Values {
  action: EnforcementAction;
  note?: string;
  stepKind?: string;
  officers?: { userId?: string }[];
  correctBy?: string;
  penalty?: { kind: 'fine' | 'warning' | 'no_penalty'; yuan?: number; bandId?: string; reason?: string };
  waived?: boolean;
  servedOn?: string;
  payment?: { yuan?: number; channel?: 'bank' | 'non_tax'; reference?: string; paidOn?: string };
  plan?: { kind?: 'deferral' | 'instalment'; instalments?: { dueOn?: string; yuan?: number }[] };
  outcome?: string;
  heldOn?: string;
  reviewKind?: 'reconsideration' | 'litigation';
  reviewOutcome?: string;
  extensionDays?: number;
  evidence?: { kind?: string; title?: string };
}

const fen = (yuan: number | undefined) => Math.round((yuan ?? 0) * 100);
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The forms of the steps allowed in the case's current state, one at a time (立案审批 … 结案). */
export function EnforcementActions({ c, onDone }: { c: EnforcementCaseDetail; onDone: () => void }) {
  const { t, locale } = useI18n();
  const [form] = Form.useForm<Values>();
  const [file, setFile] = useState<File | null>(null);
  const action = Form.useWatch('action', form);
  const needs = new Set(action ? (NEEDS[action] ?? []) : []);
  const { data: officers } = useResource((signal) => enforcementApi.officers(signal), []);
  const { data: bases } = useResource((signal) => enforcementApi.bases(signal), []);
  const bands = (bases?.items ?? [])
    .filter((b) => b.violationCode === c.violationCode)
    .flatMap((b) => b.bands.map((band) => ({ ...band, basisId: b.id, name: b.violationName })));

  const { submitting, run } = useFormSubmit(form, async (v: Values) => {
    const body: EnforcementActionBody = { action: v.action, version: c.version };
    if (v.note?.trim()) body.note = v.note.trim();
    if (needs.has('stepKind')) body.stepKind = v.stepKind as EnforcementActionBody['stepKind'];
    if (needs.has('officers')) body.officers = (v.officers ?? []).map((o) => ({ userId: o.userId ?? '' }));
    if (needs.has('correctBy')) body.correctBy = v.correctBy;
    if (needs.has('proposal') || needs.has('decision')) {
      const p = v.penalty;
      const band = bands.find((b) => b.id === p?.bandId);
      const penalty = {
        kind: p?.kind ?? 'fine',
        fineFen: p?.kind === 'fine' ? fen(p.yuan) : 0,
        basisId: band?.basisId ?? '',
        bandId: p?.bandId ?? '',
        ...(p?.reason?.trim() ? { reason: p.reason.trim() } : {}),
      };
      if (needs.has('proposal')) body.proposal = penalty;
      else body.decision = penalty;
    }
    if (needs.has('waived')) body.waived = v.waived === true;
    if (needs.has('servedOn')) body.servedOn = v.servedOn;
    if (needs.has('payment') && v.payment)
      body.payment = {
        amountFen: fen(v.payment.yuan),
        channel: v.payment.channel ?? 'non_tax',
        reference: v.payment.reference?.trim() ?? '',
        paidOn: v.payment.paidOn ?? '',
      };
    if (needs.has('plan'))
      body.plan = {
        kind: v.plan?.kind ?? 'deferral',
        instalments: (v.plan?.instalments ?? []).map((i) => ({ dueOn: i.dueOn ?? '', amountFen: fen(i.yuan) })),
      };
    if (needs.has('outcome') && v.outcome) body.outcome = v.outcome as EnforcementActionBody['outcome'];
    if (needs.has('heldOn')) body.heldOn = v.heldOn;
    if (needs.has('review')) {
      body.reviewKind = v.reviewKind;
      body.reviewOutcome = v.reviewOutcome as EnforcementActionBody['reviewOutcome'];
    }
    if (needs.has('extensionDays')) body.extensionDays = v.extensionDays;
    if (needs.has('evidence')) {
      if (!file) throw new Error(t('enforcement.form.fileRequired'));
      const { sha256 } = await enforcementApi.uploadEvidence(c.id, file);
      body.evidence = [
        { kind: (v.evidence?.kind ?? 'photo') as never, title: v.evidence?.title?.trim() || file.name, sha256 },
      ];
    }
    await enforcementApi.act(c.id, body);
    form.resetFields();
    setFile(null);
    onDone();
  });

  if (!c.allowedActions.length) return null;
  const required = [{ required: true, message: t('validation.required') }];
  const date = [...required, { pattern: DATE, message: t('validation.format') }];
  const officerOptions = (officers?.items ?? []).map((o) => ({
    value: o.userId,
    label: o.unitName ? `${o.name}（${o.unitName}）` : o.name,
  }));
  return (
    <Flex vertical gap={8} data-testid="enforcement-actions">
      <Typography.Title level={5} style={{ margin: 0 }}>
        {t('enforcement.form.title')}
      </Typography.Title>
      <Form<Values>
        form={form}
        layout="vertical"
        name="enforcement-action"
        onFinish={(v) => void run(v)}
        initialValues={{ officers: [{}, {}], penalty: { kind: 'fine' }, plan: { kind: 'deferral', instalments: [{}] } }}
      >
        <Form.Item name="action" label={t('enforcement.form.action')} rules={required}>
          <Select
            data-testid="enforcement-action-select"
            options={c.allowedActions.map((a) => ({ value: a, label: label(locale, 'action', a) }))}
          />
        </Form.Item>
        {needs.has('stepKind') ? (
          <Form.Item name="stepKind" label={t('enforcement.form.stepKind')} rules={required}>
            <Select options={STEP_KINDS.map((k) => ({ value: k, label: t(`enforcement.stepKind.${k}`) }))} />
          </Form.Item>
        ) : null}
        {needs.has('evidence') ? (
          <Space wrap align="start">
            <Form.Item name={['evidence', 'kind']} label={t('enforcement.form.evidenceKind')} rules={required}>
              <Select
                style={{ minWidth: 140 }}
                options={['photo', 'video', 'inquiry_record', 'inspection_record', 'document', 'other'].map((k) => ({
                  value: k,
                  label: label(locale, 'evidenceKind', k),
                }))}
              />
            </Form.Item>
            <Form.Item name={['evidence', 'title']} label={t('enforcement.form.evidenceTitle')}>
              <Input maxLength={200} />
            </Form.Item>
            <Form.Item label={t('enforcement.form.file')} required>
              <input
                type="file"
                data-testid="enforcement-evidence-file"
                onChange={(e) => setFile(e.target.files?.[0] ?? null)}
              />
            </Form.Item>
          </Space>
        ) : null}
        {needs.has('officers')
          ? [0, 1].map((i) => (
              <Form.Item
                key={i}
                name={['officers', i, 'userId']}
                label={t('enforcement.create.officer', { n: i + 1 })}
                rules={required}
                extra={i === 1 ? t('enforcement.form.officersHint') : undefined}
              >
                <Select
                  showSearch
                  optionFilterProp="label"
                  options={officerOptions}
                  data-testid={`enforcement-action-officer-${i}`}
                />
              </Form.Item>
            ))
          : null}
        {needs.has('correctBy') ? (
          <Form.Item name="correctBy" label={t('enforcement.form.correctBy')} rules={date}>
            <Input placeholder="YYYY-MM-DD" />
          </Form.Item>
        ) : null}
        {needs.has('proposal') || needs.has('decision') ? (
          <>
            {c.leniency === 'first_offence' || c.leniency === 'minor' ? (
              <Typography.Text type="warning">{t(`enforcement.leniency.${c.leniency}`)}</Typography.Text>
            ) : null}
            <Space wrap align="start">
              <Form.Item name={['penalty', 'kind']} label={t('enforcement.form.penaltyKind')} rules={required}>
                <Select
                  style={{ minWidth: 120 }}
                  options={(['fine', 'warning', 'no_penalty'] as const).map((k) => ({
                    value: k,
                    label: label(locale, 'decisionKind', k),
                  }))}
                />
              </Form.Item>
              <Form.Item name={['penalty', 'yuan']} label={t('enforcement.form.fineYuan')}>
                <InputNumber min={0} precision={2} style={{ width: 140 }} data-testid="enforcement-fine" />
              </Form.Item>
            </Space>
            <Form.Item name={['penalty', 'bandId']} label={t('enforcement.form.band')} rules={required}>
              <Select
                options={bands.map((b) => ({
                  value: b.id,
                  label: `${b.name} · ${t(`enforcement.level.${b.level}`)} ¥${b.minFen / 100}–${b.maxFen / 100}`,
                }))}
                data-testid="enforcement-band"
              />
            </Form.Item>
            <Form.Item name={['penalty', 'reason']} label={t('enforcement.form.reason')}>
              <Input.TextArea rows={2} maxLength={2000} />
            </Form.Item>
          </>
        ) : null}
        {needs.has('waived') ? (
          <Form.Item name="waived" valuePropName="checked">
            <Checkbox>{t('enforcement.form.waived')}</Checkbox>
          </Form.Item>
        ) : null}
        {needs.has('servedOn') ? (
          <Form.Item name="servedOn" label={t('enforcement.field.servedOn')} rules={date}>
            <Input placeholder="YYYY-MM-DD" />
          </Form.Item>
        ) : null}
        {needs.has('payment') ? (
          <Space wrap align="start">
            <Form.Item name={['payment', 'yuan']} label={t('enforcement.form.amountYuan')} rules={required}>
              <InputNumber min={0.01} precision={2} style={{ width: 140 }} data-testid="enforcement-pay-amount" />
            </Form.Item>
            <Form.Item name={['payment', 'channel']} label={t('enforcement.form.channel')} rules={required}>
              <Select
                style={{ minWidth: 120 }}
                options={(['non_tax', 'bank'] as const).map((k) => ({
                  value: k,
                  label: t(`enforcement.channel.${k}`),
                }))}
              />
            </Form.Item>
            <Form.Item name={['payment', 'reference']} label={t('enforcement.form.reference')} rules={required}>
              <Input maxLength={80} data-testid="enforcement-pay-reference" />
            </Form.Item>
            <Form.Item name={['payment', 'paidOn']} label={t('enforcement.form.paidOn')} rules={date}>
              <Input placeholder="YYYY-MM-DD" data-testid="enforcement-pay-date" />
            </Form.Item>
          </Space>
        ) : null}
        {needs.has('plan') ? <PlanFields /> : null}
        {needs.has('heldOn') ? (
          <Form.Item name="heldOn" label={t('enforcement.form.heldOn')} rules={date}>
            <Input placeholder="YYYY-MM-DD" />
          </Form.Item>
        ) : null}
        {needs.has('outcome') ? (
          <Form.Item
            name="outcome"
            label={t('enforcement.form.outcome')}
            rules={action === 'record_hearing' ? required : []}
          >
            <Select options={PLEA_OUTCOMES.map((o) => ({ value: o, label: t(`enforcement.outcome.${o}`) }))} />
          </Form.Item>
        ) : null}
        {needs.has('review') ? (
          <Space wrap align="start">
            <Form.Item name="reviewKind" label={t('enforcement.form.reviewKind')} rules={required}>
              <Select
                style={{ minWidth: 160 }}
                options={(['reconsideration', 'litigation'] as const).map((k) => ({
                  value: k,
                  label: t(`enforcement.review.${k}`),
                }))}
              />
            </Form.Item>
            <Form.Item name="reviewOutcome" label={t('enforcement.form.outcome')} rules={required}>
              <Select
                style={{ minWidth: 140 }}
                options={REVIEW_OUTCOMES.map((o) => ({ value: o, label: t(`enforcement.review.${o}`) }))}
              />
            </Form.Item>
          </Space>
        ) : null}
        {needs.has('extensionDays') ? (
          <Form.Item name="extensionDays" label={t('enforcement.form.extensionDays')} rules={required}>
            <InputNumber min={1} max={365} />
          </Form.Item>
        ) : null}
        {needs.has('note') ? (
          <Form.Item name="note" label={t('enforcement.form.note')} rules={required}>
            <Input.TextArea rows={2} maxLength={4000} data-testid="enforcement-action-note" />
          </Form.Item>
        ) : null}
        <Button type="primary" htmlType="submit" loading={submitting} data-testid="enforcement-action-submit">
          {t('enforcement.form.submit')}
        </Button>
      </Form>
    </Flex>
  );
}

/** A deferral's one date, or the instalments with their dates and amounts. */
function PlanFields() {
  const { t } = useI18n();
  return (
    <>
      <Form.Item name={['plan', 'kind']} label={t('enforcement.form.planKind')}>
        <Select
          options={(['deferral', 'instalment'] as const).map((k) => ({ value: k, label: t(`enforcement.plan.${k}`) }))}
        />
      </Form.Item>
      <Form.List name={['plan', 'instalments']}>
        {(fields, { add, remove }) => (
          <>
            {fields.map((f) => (
              <Space key={f.key} align="start" wrap>
                <Form.Item
                  name={[f.name, 'dueOn']}
                  label={t('enforcement.form.dueOn')}
                  rules={[{ required: true, message: t('validation.required') }]}
                >
                  <Input placeholder="YYYY-MM-DD" />
                </Form.Item>
                <Form.Item
                  name={[f.name, 'yuan']}
                  label={t('enforcement.form.amountYuan')}
                  rules={[{ required: true, message: t('validation.required') }]}
                >
                  <InputNumber min={0.01} precision={2} />
                </Form.Item>
                <Button onClick={() => remove(f.name)}>{t('enforcement.form.remove')}</Button>
              </Space>
            ))}
            <Button onClick={() => add({})}>{t('enforcement.form.addInstalment')}</Button>
          </>
        )}
      </Form.List>
    </>
  );
}
