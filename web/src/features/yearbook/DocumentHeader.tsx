import { useState } from 'react';
import { App, Button, DatePicker, Flex, Form, Input, Typography } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { errorText, toFormFieldErrors } from '../../api/errors.ts';
import { dayjs, type Dayjs } from '../../components/dates.ts';
import { useI18n } from '../../i18n/context.ts';
import { yearbookApi, type YearbookDocument } from './yearbook.api.ts';

interface Props {
  doc: YearbookDocument;
  canEdit: boolean;
  onChanged: (doc: YearbookDocument) => void;
}

interface Values {
  title: string;
  issuer: string;
  issuedOn: Dayjs | null;
}

/** The title, the 发文机关 and the 成文日期 of the document: read as printed, edited in a small form. */
export function DocumentHeader({ doc, canEdit, onChanged }: Props) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [editing, setEditing] = useState(false);
  const [busy, setBusy] = useState(false);

  const save = async (v: Values) => {
    setBusy(true);
    try {
      const body = { title: v.title, issuer: v.issuer, issuedOn: v.issuedOn ? v.issuedOn.format('YYYY-MM-DD') : null };
      onChanged(await yearbookApi.update(doc.id, body, locale));
      setEditing(false);
      void message.success(t('yearbook.header.saved'));
    } catch (err) {
      const fields = toFormFieldErrors(err, locale);
      if (fields.length) form.setFields(fields as Parameters<typeof form.setFields>[0]);
      else void message.error(errorText(err, locale));
    } finally {
      setBusy(false);
    }
  };

  if (!editing)
    return (
      <Flex vertical align="center" gap={4} style={{ marginBottom: 16 }}>
        <Typography.Title level={3} style={{ textAlign: 'center', margin: 0 }} data-testid="yearbook-title">
          {doc.title}
        </Typography.Title>
        <Typography.Text type="secondary" data-testid="yearbook-signature">
          {doc.issuer} · {doc.issuedOn ?? t('yearbook.header.noDate')}
        </Typography.Text>
        {canEdit ? (
          <Button
            size="small"
            type="link"
            icon={<EditOutlined />}
            onClick={() => {
              form.setFieldsValue({
                title: doc.title,
                issuer: doc.issuer,
                issuedOn: doc.issuedOn ? dayjs(doc.issuedOn) : null,
              });
              setEditing(true);
            }}
            data-testid="yearbook-header-edit"
          >
            {t('yearbook.header.edit')}
          </Button>
        ) : null}
      </Flex>
    );

  return (
    <Form form={form} layout="vertical" onFinish={(v) => void save(v)} style={{ marginBottom: 16 }}>
      <Form.Item name="title" label={t('yearbook.header.title')} rules={[{ required: true, max: 200 }]}>
        <Input data-testid="yearbook-header-title" />
      </Form.Item>
      <Flex gap={12} wrap>
        <Form.Item
          name="issuer"
          label={t('yearbook.header.issuer')}
          rules={[{ required: true, max: 100 }]}
          style={{ flex: '1 1 240px' }}
        >
          <Input data-testid="yearbook-header-issuer" />
        </Form.Item>
        <Form.Item name="issuedOn" label={t('yearbook.header.issuedOn')} style={{ flex: '0 1 200px' }}>
          <DatePicker style={{ width: '100%' }} data-testid="yearbook-header-date" />
        </Form.Item>
      </Flex>
      <Flex gap={8} justify="end">
        <Button onClick={() => setEditing(false)}>{t('yearbook.header.cancel')}</Button>
        <Button type="primary" htmlType="submit" loading={busy} data-testid="yearbook-header-save">
          {t('yearbook.header.save')}
        </Button>
      </Flex>
    </Form>
  );
}
