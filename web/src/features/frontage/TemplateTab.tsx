import { useEffect } from 'react';
import { Alert, App, Button, Card, Col, Form, Input, Popconfirm, Row, Space, Tag, Typography } from 'antd';
import {
  DEFAULT_AGREEMENT_TEMPLATE,
  TEMPLATE_FIELDS,
  TEMPLATE_MAX,
  TEMPLATE_PLACEHOLDERS,
  fillTemplate,
  templateIssues,
  type AgreementTemplate,
  type TemplateField,
  type TemplateValues,
} from '../../../../common/domain/frontage-template.ts';
import { errorText } from '../../api/errors.ts';
import { useResource } from '../../api/use-resource.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { useFormSubmit } from '../../components/useFormSubmit.ts';
import { useI18n } from '../../i18n/context.ts';
import { useAuth } from '../auth/context.ts';
import { frApi } from './fr.api.ts';

/** What the preview fills the placeholders with: a made-up shop, never a real agreement. */
const SAMPLE: TemplateValues = {
  bureau: '大冶市城市管理执法局',
  region: '东岳路街道',
  agreementNo: 'MQSB2024-0001',
  shopName: '惠民超市（新冶大道店）',
  creditCode: '91420281MA4XXXXXX0',
  operatorName: '李志强',
  address: '新冶大道10号',
  scope: '门店外墙至人行道路沿石，左右至相邻门店分界线',
  area: '52.8平方米',
  areaM2: '52.8',
  periodFrom: '2024-01-01',
  periodTo: '2024-12-31',
  signedOn: '2024-01-05',
};

const LABEL: Record<TemplateField, string> = {
  title: 'frontage.template.title',
  parties: 'frontage.template.parties',
  intro: 'frontage.template.introText',
  duties: 'frontage.template.duties',
  closing: 'frontage.template.closing',
};
const ROWS: Record<TemplateField, number> = { title: 1, parties: 3, intro: 2, duties: 8, closing: 3 };

/** The city's 责任书 wording: edit with a live preview, placeholders listed, saved or reset to the default. */
export function TemplateTab() {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const canManage = useAuth().can('frontage.manage');
  const [form] = Form.useForm<AgreementTemplate>();
  const { data, error, reload } = useResource((signal) => frApi.template(signal), []);
  useEffect(() => {
    if (data) form.setFieldsValue(data.template);
  }, [data, form]);
  const values = Form.useWatch([], form) as AgreementTemplate | undefined;
  // useWatch answers {} until the form is filled: each text falls back to the stored one, then the default
  const current = Object.fromEntries(
    TEMPLATE_FIELDS.map((f) => [f, values?.[f] ?? data?.template[f] ?? DEFAULT_AGREEMENT_TEMPLATE[f]]),
  ) as AgreementTemplate;
  const issues = templateIssues(current);
  const preview = fillTemplate(current, SAMPLE);
  const { submitting, run } = useFormSubmit(form, async (v: AgreementTemplate) => {
    await frApi.saveTemplate(v);
    void message.success(t('frontage.template.saved'));
    reload();
  });
  const reset = async () => {
    try {
      const state = await frApi.resetTemplate();
      form.setFieldsValue(state.template);
      reload();
    } catch (e) {
      void message.error(errorText(e, locale));
    }
  };
  if (error) return <LoadError error={error} onRetry={reload} />;
  const issueText = (field: TemplateField) =>
    issues
      .filter((i) => i.field === field)
      .map((i) =>
        i.rule === 'placeholder'
          ? t('frontage.template.unknown', { name: `{{${i.name ?? ''}}}` })
          : t(`frontage.template.${i.rule}`),
      )
      .join('；');
  const copy = (name: string) => {
    void navigator.clipboard?.writeText(`{{${name}}}`).catch(() => undefined);
    void message.info(t('frontage.template.copied', { name: `{{${name}}}` }));
  };
  return (
    <Row gutter={[16, 16]} data-testid="fr-template">
      <Col xs={24} lg={13}>
        <Typography.Paragraph type="secondary">{t('frontage.template.intro')}</Typography.Paragraph>
        <Space wrap style={{ marginBottom: 8 }}>
          <Tag color={data?.isDefault ? 'default' : 'blue'}>
            {data?.isDefault
              ? t('frontage.template.isDefault')
              : t('frontage.template.edited', { at: data?.updatedAt?.slice(0, 10) ?? '' })}
          </Tag>
        </Space>
        {!canManage ? <Alert type="info" showIcon message={t('frontage.template.readOnly')} /> : null}
        <Form<AgreementTemplate>
          form={form}
          layout="vertical"
          name="fr-template"
          disabled={!canManage}
          onFinish={(v) => void run(v)}
          style={{ marginTop: 8 }}
        >
          {TEMPLATE_FIELDS.map((f) => {
            const problem = issueText(f);
            return (
              <Form.Item
                key={f}
                name={f}
                label={t(LABEL[f] as never)}
                validateStatus={problem ? 'error' : undefined}
                help={problem || undefined}
              >
                {f === 'title' ? (
                  <Input maxLength={TEMPLATE_MAX[f]} data-testid={`fr-template-${f}`} />
                ) : (
                  <Input.TextArea rows={ROWS[f]} maxLength={TEMPLATE_MAX[f]} data-testid={`fr-template-${f}`} />
                )}
              </Form.Item>
            );
          })}
          <Form.Item label={t('frontage.template.placeholders')}>
            <Space size={[4, 4]} wrap>
              {TEMPLATE_PLACEHOLDERS.map((p) => (
                <Tag key={p} style={{ cursor: 'pointer' }} onClick={() => copy(p)}>{`{{${p}}}`}</Tag>
              ))}
            </Space>
          </Form.Item>
          {canManage ? (
            <Space>
              <Button
                type="primary"
                htmlType="submit"
                loading={submitting}
                disabled={issues.length > 0}
                data-testid="fr-template-save"
              >
                {t('frontage.template.save')}
              </Button>
              <Popconfirm title={t('frontage.template.confirmReset')} onConfirm={() => void reset()}>
                <Button disabled={data?.isDefault} data-testid="fr-template-reset">
                  {t('frontage.template.reset')}
                </Button>
              </Popconfirm>
            </Space>
          ) : null}
        </Form>
      </Col>
      <Col xs={24} lg={11}>
        <Card size="small" title={t('frontage.template.preview')} data-testid="fr-template-preview" lang="zh-CN">
          <Typography.Title level={4} style={{ textAlign: 'center' }}>
            {preview.title}
          </Typography.Title>
          {preview.parties.map((l, i) => (
            <Typography.Paragraph key={`p${i}`}>{l}</Typography.Paragraph>
          ))}
          <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
            {`责任书编号 ${SAMPLE.agreementNo} · ${SAMPLE.shopName} · 责任区面积 ${SAMPLE.area} · ${SAMPLE.periodFrom} 至 ${SAMPLE.periodTo}`}
          </Typography.Paragraph>
          {preview.intro ? <Typography.Paragraph strong>{preview.intro}</Typography.Paragraph> : null}
          {preview.duties.map((l, i) => (
            <Typography.Paragraph key={`d${i}`}>{l}</Typography.Paragraph>
          ))}
          {preview.closing.map((l, i) => (
            <Typography.Paragraph key={`c${i}`} style={{ marginTop: i === 0 ? 24 : 0, whiteSpace: 'pre' }}>
              {l}
            </Typography.Paragraph>
          ))}
        </Card>
      </Col>
    </Row>
  );
}
