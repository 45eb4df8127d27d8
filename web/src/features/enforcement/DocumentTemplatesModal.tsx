import { useEffect, useState } from 'react';
import { App, Button, Col, Form, Input, Modal, Row, Select, Typography } from 'antd';
import {
  DOCUMENT_KINDS,
  DOCUMENT_PLACEHOLDERS,
  type DocumentKind,
} from '../../../../common/domain/enforcement-documents.ts';
import { useResource } from '../../api/use-resource.ts';
import { errorText } from '../../api/errors.ts';
import { useI18n } from '../../i18n/context.ts';
import { documentsApi, type TemplatePreview } from './documents.api.ts';
import { PreviewSheet } from './PreviewSheet.tsx';

interface Values {
  title: string;
  numberPattern: string;
  body: string;
}

/**
 * The city's document templates (tenant data, kept by the 法制 staff): title, 文号 pattern and body with
 * placeholders, with a preview filled from the case at hand (or sample values) before saving.
 */
export function DocumentTemplatesModal({ caseId, onClose }: { caseId?: string; onClose: () => void }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [kind, setKind] = useState<DocumentKind>('correction_order');
  const [preview, setPreview] = useState<TemplatePreview | null>(null);
  const [saving, setSaving] = useState(false);
  const { data, reload } = useResource((signal) => documentsApi.templates(signal), []);
  const current = data?.items.find((x) => x.kind === kind);

  useEffect(() => {
    if (current)
      form.setFieldsValue({ title: current.title, numberPattern: current.numberPattern, body: current.body });
    setPreview(null);
  }, [current, form]);

  async function showPreview() {
    const v = form.getFieldsValue();
    try {
      setPreview(await documentsApi.preview(kind, { ...(caseId ? { caseId } : {}), title: v.title, body: v.body }));
    } catch (err) {
      void message.error(errorText(err, locale));
    }
  }
  async function save(v: Values) {
    if (!current) return;
    setSaving(true);
    try {
      await documentsApi.putTemplate(kind, { ...v, version: current.version });
      void message.success(t('enforcementDocs.templates.saved'));
      reload();
    } catch (err) {
      void message.error(errorText(err, locale));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal open onCancel={onClose} footer={null} width={1000} title={t('enforcementDocs.templates.title')}>
      <Row gutter={16} data-testid="enforcement-templates">
        <Col xs={24} md={12}>
          <Form form={form} layout="vertical" onFinish={(v) => void save(v)}>
            <Form.Item label={t('enforcementDocs.templates.kind')}>
              <Select
                value={kind}
                onChange={setKind}
                options={DOCUMENT_KINDS.map((k) => ({ value: k, label: t(`enforcementDocs.kind.${k}`) }))}
              />
            </Form.Item>
            <Form.Item name="title" label={t('enforcementDocs.templates.docTitle')} rules={[{ required: true }]}>
              <Input maxLength={60} />
            </Form.Item>
            <Form.Item
              name="numberPattern"
              label={t('enforcementDocs.templates.numberPattern')}
              extra={
                kind === 'penalty_decision'
                  ? t('enforcementDocs.templates.decisionNumberHint')
                  : t('enforcementDocs.templates.numberHint')
              }
              rules={[{ required: true }]}
            >
              <Input maxLength={60} />
            </Form.Item>
            <Form.Item
              name="body"
              label={t('enforcementDocs.templates.body')}
              extra={t('enforcementDocs.templates.bodyHint', {
                list: DOCUMENT_PLACEHOLDERS.map((p) => `{{${p}}}`).join(' '),
              })}
              rules={[{ required: true }]}
            >
              <Input.TextArea autoSize={{ minRows: 8, maxRows: 18 }} maxLength={20_000} />
            </Form.Item>
            <Button onClick={() => void showPreview()} style={{ marginRight: 8 }}>
              {caseId ? t('enforcementDocs.preview') : t('enforcementDocs.templates.sample')}
            </Button>
            <Button type="primary" htmlType="submit" loading={saving}>
              {t('enforcementDocs.templates.save')}
            </Button>
          </Form>
        </Col>
        <Col xs={24} md={12}>
          {preview ? (
            <PreviewSheet preview={preview} />
          ) : (
            <Typography.Text type="secondary">{t('enforcementDocs.previewNote')}</Typography.Text>
          )}
        </Col>
      </Row>
    </Modal>
  );
}
