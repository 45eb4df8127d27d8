import { useEffect } from 'react';
import { Checkbox, Form, Input, Modal, Radio, Select, Space } from 'antd';
import type { EnforcementCaseCreate } from '../../../../common/contracts/enforcement.ts';
import { useResource } from '../../api/use-resource.ts';
import { useFormSubmit } from '../../components/useFormSubmit.ts';
import { useI18n } from '../../i18n/context.ts';
import { enforcementApi, type EnforcementCaseDetail } from './enforcement.api.ts';

interface Values {
  violationCode: string;
  facts: string;
  violationOn: string;
  major?: boolean;
  discussion?: boolean;
  party: { kind: 'person' | 'organisation'; name: string; idNumber?: string; creditCode?: string };
  officers: { userId?: string; certNo?: string }[];
}

/** A lead (线索) the case is opened from: its 立案 goes through the lead intake, prefilled from the lead. */
export interface LeadSeed {
  id: string;
  leadNo: string;
  version: number;
  facts: string;
  violationOn: string;
  violationCode: string | null;
}

interface Props {
  open: boolean;
  /** the 数字城管 case the enforcement case is opened from (or a lead) */
  caseId?: string;
  lead?: LeadSeed;
  /** today in the business time zone, YYYY-MM-DD */
  today: string;
  onClose: () => void;
  onCreated: (created: EnforcementCaseDetail) => void;
}

/**
 * 立案 from a 数字城管 case (ordinary procedure): violation, facts, party and the two officers with their 执法证号.
 * The field names mirror the request body, so the server's field errors land on their inputs.
 */
export function EnforcementCreateModal({ open, caseId, lead, today, onClose, onCreated }: Props) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch(['party', 'kind'], form) ?? 'person';
  const { data: bases } = useResource(open ? (signal) => enforcementApi.bases(signal) : null, [open]);
  const { data: officers } = useResource(open ? (signal) => enforcementApi.officers(signal) : null, [open]);

  useEffect(() => {
    if (open)
      form.setFieldsValue({
        violationOn: lead?.violationOn ?? today,
        ...(lead ? { facts: lead.facts, ...(lead.violationCode ? { violationCode: lead.violationCode } : {}) } : {}),
        party: { kind: 'person', name: '' },
        officers: [{}, {}],
      });
  }, [open, today, form, lead]);

  const { submitting, run } = useFormSubmit(form, async (v: Values) => {
    const common = {
      violationCode: v.violationCode,
      facts: v.facts.trim(),
      violationOn: v.violationOn,
      major: v.major === true,
      discussion: v.discussion === true,
      party:
        v.party.kind === 'person'
          ? { kind: 'person' as const, name: v.party.name.trim(), idNumber: (v.party.idNumber ?? '').trim() }
          : {
              kind: 'organisation' as const,
              name: v.party.name.trim(),
              creditCode: (v.party.creditCode ?? '').trim(),
            },
      // The 执法证号 comes from the register when left empty.
      officers: v.officers.map((o) => ({
        userId: o.userId ?? '',
        ...(o.certNo?.trim() ? { certNo: o.certNo.trim() } : {}),
      })),
    };
    if (lead) {
      onCreated((await enforcementApi.fileLead(lead.id, { ...common, version: lead.version })).case);
      return;
    }
    const body: EnforcementCaseCreate = { procedure: 'ordinary', source: 'city_case', sourceCaseId: caseId, ...common };
    onCreated(await enforcementApi.create(body));
  });

  const required = [{ required: true, message: t('validation.required') }];
  const violations = [...new Map((bases?.items ?? []).map((b) => [b.violationCode, b.violationName])).entries()];
  return (
    <Modal
      open={open}
      title={lead ? t('enforcement.leads.fileTitle', { no: lead.leadNo }) : t('enforcement.create.title')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      okButtonProps={{ loading: submitting, 'data-testid': 'enforcement-create-submit' }}
      destroyOnHidden
      data-testid="enforcement-create-modal"
    >
      <Form<Values> form={form} layout="vertical" onFinish={(v) => void run(v)} name="enforcement-create">
        <Form.Item name="violationCode" label={t('enforcement.field.violationCode')} rules={required}>
          <Select
            showSearch
            optionFilterProp="label"
            options={violations.map(([value, label]) => ({ value, label }))}
            data-testid="enforcement-create-violation"
          />
        </Form.Item>
        <Form.Item name="facts" label={t('enforcement.field.facts')} rules={required}>
          <Input.TextArea rows={3} maxLength={4000} data-testid="enforcement-create-facts" />
        </Form.Item>
        <Form.Item
          name="violationOn"
          label={t('enforcement.field.violationOn')}
          rules={[...required, { pattern: /^\d{4}-\d{2}-\d{2}$/, message: t('validation.format') }]}
        >
          <Input placeholder="YYYY-MM-DD" data-testid="enforcement-create-date" />
        </Form.Item>
        <Space>
          <Form.Item name="major" valuePropName="checked">
            <Checkbox>{t('enforcement.field.major')}</Checkbox>
          </Form.Item>
          <Form.Item name="discussion" valuePropName="checked">
            <Checkbox>{t('enforcement.create.discussion')}</Checkbox>
          </Form.Item>
        </Space>
        <Form.Item name={['party', 'kind']} label={t('enforcement.field.party')}>
          <Radio.Group
            optionType="button"
            options={(['person', 'organisation'] as const).map((k) => ({
              value: k,
              label: t(`enforcement.partyKind.${k}`),
            }))}
          />
        </Form.Item>
        <Form.Item name={['party', 'name']} label={t('enforcement.create.partyName')} rules={required}>
          <Input maxLength={100} data-testid="enforcement-create-party-name" />
        </Form.Item>
        {kind === 'person' ? (
          <Form.Item name={['party', 'idNumber']} label={t('enforcement.create.idNumber')} rules={required}>
            <Input maxLength={18} autoComplete="off" data-testid="enforcement-create-id-number" />
          </Form.Item>
        ) : (
          <Form.Item name={['party', 'creditCode']} label={t('enforcement.create.creditCode')} rules={required}>
            <Input maxLength={18} autoComplete="off" data-testid="enforcement-create-credit-code" />
          </Form.Item>
        )}
        {[0, 1].map((i) => (
          <Space key={i} align="start" style={{ display: 'flex' }}>
            <Form.Item
              name={['officers', i, 'userId']}
              label={t('enforcement.create.officer', { n: i + 1 })}
              rules={required}
              style={{ minWidth: 200 }}
            >
              <Select
                showSearch
                optionFilterProp="label"
                options={(officers?.items ?? []).map((o) => ({
                  value: o.userId,
                  label: o.unitName ? `${o.name}（${o.unitName}）` : o.name,
                }))}
                data-testid={`enforcement-create-officer-${i}`}
              />
            </Form.Item>
            <Form.Item name={['officers', i, 'certNo']} label={t('enforcement.field.certNo')}>
              <Input maxLength={40} data-testid={`enforcement-create-cert-${i}`} />
            </Form.Item>
          </Space>
        ))}
      </Form>
    </Modal>
  );
}
