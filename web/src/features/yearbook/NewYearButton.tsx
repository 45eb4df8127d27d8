import { useState } from 'react';
import { App, Button, Form, InputNumber, Modal, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { errorText, toFormFieldErrors } from '../../api/errors.ts';
import { useI18n } from '../../i18n/context.ts';
import { yearbookApi, type YearbookDocument } from './yearbook.api.ts';

interface Props {
  /** the year the form proposes */
  suggested: number;
  onCreated: (doc: YearbookDocument) => void;
  type?: 'primary' | 'default';
}

/** 开始新年度: the server copies last year's text with every figure rebound, or starts from the outline. */
export function NewYearButton({ suggested, onCreated, type = 'default' }: Props) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ year: number }>();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);

  const create = async ({ year }: { year: number }) => {
    setBusy(true);
    try {
      const doc = await yearbookApi.create(year, locale);
      setOpen(false);
      void message.success(t('yearbook.page.created', { year }));
      onCreated(doc);
    } catch (err) {
      const fields = toFormFieldErrors(err, locale);
      if (fields.length) form.setFields(fields as Parameters<typeof form.setFields>[0]);
      else void message.error(errorText(err, locale));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button
        type={type}
        icon={<PlusOutlined />}
        onClick={() => {
          form.setFieldsValue({ year: suggested });
          setOpen(true);
        }}
        data-testid="yearbook-new-year"
      >
        {t('yearbook.page.newYear')}
      </Button>
      <Modal
        open={open}
        title={t('yearbook.page.newYearTitle')}
        okText={t('yearbook.page.newYearCreate')}
        confirmLoading={busy}
        onOk={() => form.submit()}
        onCancel={() => setOpen(false)}
        okButtonProps={{ 'data-testid': 'yearbook-new-year-ok' }}
        forceRender
      >
        <Typography.Paragraph type="secondary">{t('yearbook.page.newYearHint')}</Typography.Paragraph>
        <Form form={form} layout="vertical" onFinish={(v) => void create(v)}>
          <Form.Item name="year" label={t('yearbook.page.year')} rules={[{ required: true }]}>
            <InputNumber
              min={2000}
              max={2100}
              precision={0}
              style={{ width: 160 }}
              data-testid="yearbook-new-year-input"
            />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
