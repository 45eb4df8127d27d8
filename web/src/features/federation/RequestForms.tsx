import { Form, Input, InputNumber, Select, Space, DatePicker, Typography } from 'antd';
import { JOINT_ROLES, type JointRole } from '../../../../common/domain/federation.ts';
import type { MessageKey } from '../../../../common/i18n/core.ts';
import { DATE_FORMAT, DATE_TIME_FORMAT, type Dayjs } from '../../components/dates.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { useFormSubmit } from '../../components/useFormSubmit.ts';
import { useI18n } from '../../i18n/context.ts';
import { fedApi, type Peer } from './fed.api.ts';

interface JointValues {
  peerId: string;
  window: [Dayjs, Dayjs];
  area: string;
  polygon?: string;
  roles: JointRole[];
  count: number;
  contactName: string;
  contactPhone: string;
  note?: string;
}

/** "lng,lat; lng,lat; …" as entered (WGS84), or null when it is not at least three points. */
export function parsePolygon(text: string | undefined): [number, number][] | null {
  const points = (text ?? '')
    .split(/[;；\n]/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => p.split(/[,，\s]+/).map(Number) as [number, number]);
  if (points.length < 3 || points.some((p) => p.length !== 2 || p.some((n) => !Number.isFinite(n)))) return null;
  return points;
}

/** 联合执法邀请 to a peer (docs/federation.md, "Joint-action invitations"). */
export function JointActionModal(props: { open: boolean; peers: Peer[]; onClose: () => void; onSent: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<JointValues>();
  const required = [{ required: true, message: t('validation.required') }];
  const send = useFormSubmit(form, async (v: JointValues) => {
    const polygon = v.polygon?.trim() ? parsePolygon(v.polygon) : undefined;
    await fedApi.jointAction({
      peerId: v.peerId,
      startsAt: v.window[0].toISOString(),
      endsAt: v.window[1].toISOString(),
      area: v.area,
      ...(polygon ? { polygon } : {}),
      roles: v.roles.map((role) => ({ role, count: v.count })),
      contactName: v.contactName,
      contactPhone: v.contactPhone,
      ...(v.note?.trim() ? { note: v.note.trim() } : {}),
    });
    form.resetFields();
    props.onSent();
  });
  return (
    <FormModal
      open={props.open}
      title={t('federation.joint.create')}
      onSave={() => form.submit()}
      onClose={props.onClose}
      submitting={send.submitting}
      testId="fed-joint-save"
    >
      <Form<JointValues> form={form} layout="vertical" initialValues={{ count: 2 }} onFinish={(v) => void send.run(v)}>
        <Form.Item name="peerId" label={t('federation.bulletin.peers')} rules={required}>
          <Select options={props.peers.map((p) => ({ value: p.id, label: p.name }))} />
        </Form.Item>
        <Form.Item name="window" label={t('federation.joint.window')} rules={required}>
          <DatePicker.RangePicker showTime format={DATE_TIME_FORMAT} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="area" label={t('federation.joint.area')} rules={[...required, { max: 200 }]}>
          <Input />
        </Form.Item>
        <Form.Item
          name="polygon"
          label={t('federation.joint.polygon')}
          extra={t('federation.joint.polygonHint')}
          rules={[
            {
              validator: (_, v: string | undefined) =>
                !v?.trim() || parsePolygon(v)
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('federation.joint.polygonBad'))),
            },
          ]}
        >
          <Input.TextArea rows={2} placeholder="114.97,30.09; 114.99,30.09; 114.99,30.11" />
        </Form.Item>
        <Space wrap align="start">
          <Form.Item name="roles" label={t('federation.joint.roles')} rules={required} style={{ minWidth: 260 }}>
            <Select
              mode="multiple"
              options={JOINT_ROLES.map((r) => ({ value: r, label: t(`federation.jointRole.${r}` as MessageKey) }))}
            />
          </Form.Item>
          <Form.Item name="count" label={t('federation.joint.count')} rules={required}>
            <InputNumber min={1} max={500} precision={0} />
          </Form.Item>
        </Space>
        <Space wrap>
          <Form.Item name="contactName" label={t('federation.joint.contact')} rules={[...required, { max: 40 }]}>
            <Input />
          </Form.Item>
          <Form.Item
            name="contactPhone"
            label={t('federation.joint.phone')}
            rules={[...required, { pattern: /^[0-9+ -]{5,20}$/, message: t('federation.joint.phoneBad') }]}
          >
            <Input />
          </Form.Item>
        </Space>
        <Form.Item name="note" label={t('federation.joint.note')} rules={[{ max: 500 }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

interface RecognitionValues {
  peerId: string;
  recordNo: string;
  violationCode: string;
  violationOn: Dayjs;
  partyKind: 'person' | 'organisation';
  partyName?: string;
  identifier: string;
  decision?: string;
}

/** 互认: an offence record a peer is asked to count as a prior offence (docs/federation.md). */
export function RecognitionModal(props: { open: boolean; peers: Peer[]; onClose: () => void; onSent: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<RecognitionValues>();
  const kind = Form.useWatch('partyKind', form);
  const required = [{ required: true, message: t('validation.required') }];
  const send = useFormSubmit(form, async (v: RecognitionValues) => {
    await fedApi.recognition({
      peerId: v.peerId,
      recordNo: v.recordNo,
      violationCode: v.violationCode,
      violationOn: v.violationOn.format(DATE_FORMAT),
      partyKind: v.partyKind,
      ...(v.partyName?.trim() ? { partyName: v.partyName.trim() } : {}),
      ...(v.partyKind === 'person' ? { idNumber: v.identifier.trim() } : { creditCode: v.identifier.trim() }),
      ...(v.decision?.trim() ? { decision: v.decision.trim() } : {}),
    });
    form.resetFields();
    props.onSent();
  });
  return (
    <FormModal
      open={props.open}
      title={t('federation.recognition.create')}
      onSave={() => form.submit()}
      onClose={props.onClose}
      submitting={send.submitting}
      testId="fed-recognition-save"
    >
      <Form<RecognitionValues>
        form={form}
        layout="vertical"
        initialValues={{ partyKind: 'person' }}
        onFinish={(v) => void send.run(v)}
      >
        <Typography.Paragraph type="secondary">{t('federation.recognition.hint')}</Typography.Paragraph>
        <Form.Item name="peerId" label={t('federation.bulletin.peers')} rules={required}>
          <Select
            options={props.peers
              .filter((p) => p.sharing.bulletins.includes('repeat_offender'))
              .map((p) => ({ value: p.id, label: p.name }))}
          />
        </Form.Item>
        <Space wrap>
          <Form.Item name="recordNo" label={t('federation.recognition.recordNo')} rules={[...required, { max: 60 }]}>
            <Input />
          </Form.Item>
          <Form.Item
            name="violationCode"
            label={t('federation.recognition.violation')}
            rules={[...required, { max: 40 }]}
          >
            <Input />
          </Form.Item>
          <Form.Item name="violationOn" label={t('federation.recognition.on')} rules={required}>
            <DatePicker format={DATE_FORMAT} />
          </Form.Item>
        </Space>
        <Form.Item name="partyKind" label={t('federation.recognition.partyKind')} rules={required}>
          <Select
            options={(['person', 'organisation'] as const).map((k) => ({
              value: k,
              label: t(`federation.partyKind.${k}` as MessageKey),
            }))}
          />
        </Form.Item>
        <Space wrap>
          <Form.Item name="partyName" label={t('federation.recognition.partyName')} rules={[{ max: 100 }]}>
            <Input />
          </Form.Item>
          <Form.Item
            name="identifier"
            label={t(kind === 'organisation' ? 'federation.recognition.creditCode' : 'federation.personal.idNumber')}
            rules={[...required, { len: 18 }]}
          >
            <Input maxLength={18} />
          </Form.Item>
        </Space>
        <Form.Item name="decision" label={t('federation.recognition.decision')} rules={[{ max: 200 }]}>
          <Input />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
