import { useState } from 'react';
import { Alert, Form, Input, InputNumber, Modal, Typography } from 'antd';
import { OPEN311_DEFAULT_RATE_LIMIT, OPEN311_MAX_RATE_LIMIT } from '../../../../common/contracts/open311.ts';
import { isApiError } from '../../api/errors.ts';
import { useFormSubmit } from '../../components/useFormSubmit.ts';
import { useI18n } from '../../i18n/context.ts';
import { open311Api, type ApiClientCreate, type ApiClientCreated } from './open311.api.ts';

interface Props {
  open: boolean;
  onClose: () => void;
  onCreated: () => void;
}

/** New client application; the answer's api_key is shown here once and never again (only its hash is kept). */
export function ApiClientModal({ open, onClose, onCreated }: Props) {
  const { t } = useI18n();
  const [form] = Form.useForm<ApiClientCreate>();
  const [created, setCreated] = useState<ApiClientCreated | null>(null);
  const { submitting, run } = useFormSubmit(form, async (values: ApiClientCreate) => {
    try {
      setCreated(await open311Api.create({ ...values, contact: values.contact?.trim() || null }));
      onCreated();
    } catch (error) {
      // the module's own catalog names the conflict on the field (the shared errors catalog does not know this code)
      if (isApiError(error) && error.code === 'OPEN311_CLIENT_NAME_TAKEN')
        form.setFields([{ name: 'name', errors: [t('open311.clients.nameTaken')] }]);
      else throw error;
    }
  });
  const close = () => {
    setCreated(null);
    form.resetFields();
    onClose();
  };

  if (created) {
    return (
      <Modal
        key="key"
        open={open}
        title={t('open311.clients.keyTitle')}
        onOk={close}
        onCancel={close}
        cancelButtonProps={{ style: { display: 'none' } }}
        okButtonProps={{ 'data-testid': 'open311-key-close' }}
        okText={t('common.close')}
        maskClosable={false}
        destroyOnHidden
      >
        <Alert type="warning" showIcon title={t('open311.clients.keyNote')} style={{ marginBottom: 16 }} />
        <Typography.Paragraph strong>{created.name}</Typography.Paragraph>
        <Typography.Paragraph
          code
          copyable={{ text: created.apiKey, tooltips: [t('open311.clients.copy'), t('open311.clients.copied')] }}
          style={{ wordBreak: 'break-all' }}
          data-testid="open311-new-key"
        >
          {created.apiKey}
        </Typography.Paragraph>
      </Modal>
    );
  }

  return (
    <Modal
      key="form"
      open={open}
      title={t('open311.clients.create')}
      onOk={() => form.submit()}
      onCancel={close}
      okButtonProps={{ loading: submitting, 'data-testid': 'open311-client-submit' }}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      destroyOnHidden
    >
      <Form<ApiClientCreate>
        form={form}
        layout="vertical"
        initialValues={{ rateLimitPerMinute: OPEN311_DEFAULT_RATE_LIMIT }}
        onFinish={run}
        data-testid="open311-client-form"
      >
        <Form.Item
          name="name"
          label={t('open311.clients.name')}
          rules={[{ required: true, whitespace: true, message: t('open311.clients.nameRequired') }, { max: 80 }]}
        >
          <Input maxLength={80} placeholder="FixMyStreet" data-testid="open311-client-name" />
        </Form.Item>
        <Form.Item name="contact" label={t('open311.clients.contact')} rules={[{ max: 200 }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="rateLimitPerMinute" label={t('open311.clients.rateLimit')} rules={[{ required: true }]}>
          <InputNumber min={1} max={OPEN311_MAX_RATE_LIMIT} precision={0} style={{ width: 160 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
