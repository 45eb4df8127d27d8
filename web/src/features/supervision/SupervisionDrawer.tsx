import { useState } from 'react';
import { App, Button, Descriptions, Drawer, Form, Input, Space, Tag, Timeline } from 'antd';
import { FileWordOutlined } from '@ant-design/icons';
import type { MessageKey } from '../../../../common/i18n/core.ts';
import { errorText } from '../../api/errors.ts';
import { useResource } from '../../api/use-resource.ts';
import { downloadFile } from '../../components/download.ts';
import { formatInstant } from '../../components/format.ts';
import { useI18n } from '../../i18n/context.ts';
import { PhotoUpload } from '../cases/PhotoUpload.tsx';
import { LEVEL_COLORS, STATUS_COLORS, statusOf } from './labels.ts';
import { supervisionApi, type SupervisionOrder } from './supervision.api.ts';

/** One 督办单: its facts and history, the printed form, and the reply form for the target unit. */
export function SupervisionDrawer({
  id,
  onClose,
  onChanged,
}: {
  id: string | null;
  onClose: () => void;
  onChanged?: (o: SupervisionOrder) => void;
}) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const { data, reload } = useResource(id ? (signal) => supervisionApi.get(id, signal) : null, [id]);
  const [form] = Form.useForm<{ text: string; photoIds: string[] }>();
  const [busy, setBusy] = useState(false);
  const o = data && data.id === id ? data : null;

  const submit = async (v: { text: string; photoIds?: string[] }) => {
    if (!o) return;
    setBusy(true);
    try {
      const replied = await supervisionApi.reply(o.id, { text: v.text, photoIds: v.photoIds ?? [] });
      void message.success(t('supervision.reply.done'));
      form.resetFields();
      onChanged?.(replied);
      reload();
    } catch (error) {
      void message.error(errorText(error, locale));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      width={560}
      title={o ? `${t('supervision.detail')} ${o.orderNo}` : t('supervision.detail')}
      data-testid="supervision-drawer"
      extra={
        o ? (
          <Button
            icon={<FileWordOutlined />}
            onClick={() => void downloadFile(`/api/supervision/${o.id}/docx`, {}, locale, `${o.orderNo}.docx`)}
            data-testid="supervision-docx"
          >
            {t('supervision.docx')}
          </Button>
        ) : null
      }
    >
      {o ? (
        <Space direction="vertical" size={16} style={{ width: '100%' }}>
          <Descriptions size="small" column={1} bordered>
            <Descriptions.Item label={t('supervision.columns.level')}>
              <Tag color={LEVEL_COLORS[o.level]}>{t(`supervision.level.${o.level}` as MessageKey)}</Tag>
              <Tag color={STATUS_COLORS[statusOf(o)]}>{t(`supervision.status.${statusOf(o)}` as MessageKey)}</Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t('supervision.columns.caseNo')}>{o.caseNo}</Descriptions.Item>
            <Descriptions.Item label={t('supervision.columns.issuer')}>{o.issuerName}</Descriptions.Item>
            <Descriptions.Item label={t('supervision.columns.target')}>{o.targetUnitName}</Descriptions.Item>
            <Descriptions.Item label={t('supervision.columns.reason')}>{o.reason}</Descriptions.Item>
            <Descriptions.Item label={t('supervision.columns.issuedAt')}>{formatInstant(o.issuedAt)}</Descriptions.Item>
            <Descriptions.Item label={t('supervision.columns.dueAt')}>{formatInstant(o.dueAt)}</Descriptions.Item>
            {o.repliedAt ? (
              <Descriptions.Item label={t('supervision.columns.repliedAt')}>
                {formatInstant(o.repliedAt)} · {o.repliedByName}{' '}
                <Tag color={o.onTime ? 'green' : 'red'}>
                  {o.onTime ? t('supervision.onTime') : t('supervision.late')}
                </Tag>
                <div>{o.replyText}</div>
              </Descriptions.Item>
            ) : null}
          </Descriptions>
          <Timeline
            items={o.history.map((h) => ({
              color: h.kind === 'escalated' ? 'red' : h.kind === 'replied' ? 'green' : 'blue',
              children: `${formatInstant(h.at)} ${t(`supervision.history.${h.kind}` as MessageKey, {
                level: t(`supervision.level.${h.level}` as MessageKey),
              })}${h.by ? ` · ${h.by}` : ''}`,
            }))}
          />
          {o.canReply ? (
            <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} data-testid="supervision-reply-form">
              <Form.Item name="text" label={t('supervision.reply.text')} rules={[{ required: true }]}>
                <Input.TextArea rows={3} maxLength={2000} />
              </Form.Item>
              <Form.Item
                name="photoIds"
                label={t('supervision.reply.photos')}
                rules={[{ required: true, type: 'array', min: 1, message: t('supervision.reply.photosRequired') }]}
              >
                <PhotoUpload testId="supervision-reply-photos" />
              </Form.Item>
              <Button type="primary" htmlType="submit" loading={busy} data-testid="supervision-reply-submit">
                {t('supervision.reply.submit')}
              </Button>
            </Form>
          ) : null}
        </Space>
      ) : null}
    </Drawer>
  );
}
