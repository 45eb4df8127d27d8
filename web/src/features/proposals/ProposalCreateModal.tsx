import { DatePicker, Form, Input, Radio, Space } from 'antd';
import { HANDLING_ROLES, PROPOSAL_BODIES } from '../../../../common/domain/proposals.ts';
import { dayjs, type Dayjs } from '../../components/dates.ts';
import { cityToday } from '../../components/format.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { useFormSubmit } from '../../components/useFormSubmit.ts';
import { useI18n } from '../../i18n/context.ts';
import { proposalsApi, type Proposal } from './proposals.api.ts';

interface Values {
  proposalNo: string;
  body: 'npc' | 'cppcc';
  session?: string;
  proposer: string;
  title: string;
  content: string;
  handlingRole: 'lead' | 'co';
  leadAgency?: string;
  assignedOn: Dayjs;
}

/** 登记: the number, body, proposer, title and content, 主办/协办 and the day it was assigned to the bureau. */
export function ProposalCreateModal(props: { open: boolean; onClose: () => void; onCreated: (p: Proposal) => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const role = Form.useWatch('handlingRole', form);
  const save = useFormSubmit(form, async (v: Values) => {
    const created = await proposalsApi.create({
      proposalNo: v.proposalNo,
      body: v.body,
      ...(v.session ? { session: v.session } : {}),
      proposer: v.proposer,
      title: v.title,
      content: v.content,
      handlingRole: v.handlingRole,
      ...(v.handlingRole === 'co' && v.leadAgency ? { leadAgency: v.leadAgency } : {}),
      assignedOn: v.assignedOn.format('YYYY-MM-DD'),
    });
    props.onCreated(created);
  });
  const required = [{ required: true, whitespace: true, message: t('validation.required') }];
  return (
    <FormModal
      open={props.open}
      title={t('proposals.form.create')}
      onSave={() => form.submit()}
      onClose={props.onClose}
      submitting={save.submitting}
      testId="proposal-save"
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ body: 'npc', handlingRole: 'lead', assignedOn: dayjs(cityToday()) }}
        onFinish={(v) => void save.run(v)}
      >
        <Space wrap align="start">
          <Form.Item name="body" label={t('proposals.columns.body')} rules={required}>
            <Radio.Group
              optionType="button"
              options={PROPOSAL_BODIES.map((b) => ({ value: b, label: t(`proposals.bodyShort.${b}`) }))}
            />
          </Form.Item>
          <Form.Item name="proposalNo" label={t('proposals.form.proposalNo')} rules={[...required, { max: 40 }]}>
            <Input style={{ width: 160 }} data-testid="proposal-no" />
          </Form.Item>
          <Form.Item name="assignedOn" label={t('proposals.form.assignedOn')} rules={[{ required: true }]}>
            <DatePicker
              allowClear={false}
              disabledDate={(d) => d.format('YYYY-MM-DD') > cityToday()}
              data-testid="proposal-assigned"
            />
          </Form.Item>
        </Space>
        <Form.Item name="session" label={t('proposals.form.session')} rules={[{ max: 60 }]}>
          <Input placeholder={t('proposals.form.sessionHint')} />
        </Form.Item>
        <Form.Item name="proposer" label={t('proposals.form.proposer')} rules={[...required, { max: 100 }]}>
          <Input data-testid="proposal-proposer" />
        </Form.Item>
        <Form.Item name="title" label={t('proposals.columns.title')} rules={[...required, { max: 200 }]}>
          <Input data-testid="proposal-title" />
        </Form.Item>
        <Form.Item name="content" label={t('proposals.form.content')} rules={[...required, { max: 10_000 }]}>
          <Input.TextArea rows={4} data-testid="proposal-content" />
        </Form.Item>
        <Space wrap align="start">
          <Form.Item name="handlingRole" label={t('proposals.columns.role')} rules={required}>
            <Radio.Group
              optionType="button"
              options={HANDLING_ROLES.map((r) => ({ value: r, label: t(`proposals.role.${r}`) }))}
            />
          </Form.Item>
          {role === 'co' ? (
            <Form.Item
              name="leadAgency"
              label={t('proposals.form.leadAgency')}
              tooltip={t('proposals.form.leadAgencyHint')}
              rules={[...required, { max: 100 }]}
            >
              <Input style={{ width: 240 }} data-testid="proposal-lead-agency" />
            </Form.Item>
          ) : null}
        </Space>
      </Form>
    </FormModal>
  );
}
