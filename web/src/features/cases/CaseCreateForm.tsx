import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { App, Button, Card, Checkbox, Col, Flex, Form, Input, InputNumber, Row, Select, Typography } from 'antd';
import { CaseCreate } from '../../../../common/contracts/cases.ts';
import { intakeChannels } from '../../../../common/domain/case-channels.ts';
import { isRole } from '../../../../common/domain/roles.ts';
import { rulesFromSchema } from '../../components/schemaRules.ts';
import { useFormSubmit } from '../../components/useFormSubmit.ts';
import { useI18n } from '../../i18n/context.ts';
import { useAuth } from '../auth/context.ts';
import { casesApi, newIdempotencyKey } from './cases.api.ts';
import { MatterPicker } from './CaseSelects.tsx';
import { channelLabel } from './labels.ts';
import { PhotoUpload } from './PhotoUpload.tsx';
import { PointMap } from './PointMap.tsx';
import { PlacePicker } from '../gazetteer/PlacePicker.tsx';

type Channel = 'inspector' | 'operator' | 'leader';

interface Values {
  channel: Channel;
  matterCode?: string | null;
  description: string;
  address?: string;
  lng?: number | null;
  lat?: number | null;
  reporterName?: string;
  reporterPhone?: string;
  photoIds?: string[];
  selfHandled?: boolean;
}

/**
 * The channels a user may report through, from their roles by the same mapping the server enforces
 * (docs/standards.md, "Workflow stages and roles", step 1): first = default.
 */
function channelsOf(roles: readonly string[]): Channel[] {
  const list = intakeChannels(roles.filter(isRole)) as Channel[];
  return list.length ? list : ['operator'];
}

const trimmed = (value: string | undefined) => (value && value.trim() ? value.trim() : undefined);

/**
 * Staff intake (监督员巡查上报, 坐席电话登记, 领导交办): matter, description, place (map click or typed WGS84),
 * caller for phone-ins, photos. One Idempotency-Key per filled form, so a retried submit cannot file twice.
 */
export function CaseCreateForm() {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const auth = useAuth();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const [key, setKey] = useState(newIdempotencyKey);
  // a caller pop-up opens the form with the caller's number (docs/caller-popup.md)
  const [params] = useSearchParams();
  const prefillPhone = params.get('phone');
  const channels = channelsOf((auth.me?.grants ?? []).map((g) => g.role));
  const channel = Form.useWatch('channel', form) ?? channels[0];
  const lng = Form.useWatch('lng', form);
  const lat = Form.useWatch('lat', form);
  const point = typeof lng === 'number' && typeof lat === 'number' ? { lng, lat } : null;

  const { submitting, run } = useFormSubmit(form, async (values: Values) => {
    const body: CaseCreate = {
      channel: values.channel,
      matterCode: values.matterCode ?? '',
      description: values.description.trim(),
      address: trimmed(values.address),
      lng: values.lng ?? 0,
      lat: values.lat ?? 0,
      crs: 'wgs84',
      reporterName: values.channel === 'operator' ? trimmed(values.reporterName) : undefined,
      reporterPhone: values.channel === 'operator' ? trimmed(values.reporterPhone) : undefined,
      photoIds: values.photoIds?.length ? values.photoIds : undefined,
      // 自行处置 belongs to the inspector channel only (the server refuses it on any other)
      selfHandled: values.channel === 'inspector' && values.selfHandled ? true : undefined,
    };
    const created = await casesApi.create(body, key, { csrfToken: auth.me?.csrfToken ?? null, locale });
    setKey(newIdempotencyKey());
    void message.success(t('cases.form.created', { caseNo: created.caseNo }));
    void navigate(`/cases/${encodeURIComponent(created.id)}`);
  });

  const required = [{ required: true, message: t('validation.required') }];
  const coordinate = (min: number, max: number) => [
    { required: true, message: t('cases.form.locationRequired') },
    { type: 'number' as const, min, max, message: t('validation.format') },
  ];

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      name="case-create"
      data-testid="case-form"
      initialValues={{
        channel: prefillPhone && channels.includes('operator') ? 'operator' : channels[0],
        photoIds: [],
        reporterPhone: prefillPhone ?? undefined,
      }}
      onFinish={(values) => void run(values)}
      style={{ maxWidth: 1100 }}
    >
      <Row gutter={24}>
        <Col xs={24} lg={12}>
          <Card size="small" style={{ marginBottom: 16 }}>
            {channels.length > 1 ? (
              <Form.Item name="channel" label={t('cases.field.channel')} rules={required}>
                <Select
                  options={channels.map((c) => ({ value: c, label: channelLabel(locale, c) }))}
                  data-testid="case-form-channel"
                />
              </Form.Item>
            ) : (
              <Form.Item name="channel" hidden>
                <Input />
              </Form.Item>
            )}
            <Form.Item name="matterCode" label={t('cases.field.matter')} rules={required}>
              <MatterPicker placeholder={t('cases.form.matterPlaceholder')} data-testid="case-form-matter" />
            </Form.Item>
            <Form.Item
              name="description"
              label={t('cases.field.description')}
              rules={rulesFromSchema(CaseCreate.properties.description, t, { required: true })}
            >
              <Input.TextArea
                rows={4}
                maxLength={1000}
                showCount
                placeholder={t('cases.form.descriptionPlaceholder')}
                data-testid="case-form-description"
              />
            </Form.Item>
            <Form.Item
              name="address"
              label={t('cases.field.address')}
              rules={rulesFromSchema(CaseCreate.properties.address, t)}
            >
              <Input maxLength={200} placeholder={t('cases.form.addressPlaceholder')} data-testid="case-form-address" />
            </Form.Item>
            {channel === 'operator' ? (
              <>
                <Typography.Text type="secondary">{t('cases.form.reporterSection')}</Typography.Text>
                <Row gutter={12} style={{ marginTop: 8 }}>
                  <Col xs={24} sm={12}>
                    <Form.Item
                      name="reporterName"
                      label={t('cases.field.reporterName')}
                      rules={rulesFromSchema(CaseCreate.properties.reporterName, t)}
                    >
                      <Input maxLength={40} data-testid="case-form-reporter-name" />
                    </Form.Item>
                  </Col>
                  <Col xs={24} sm={12}>
                    <Form.Item
                      name="reporterPhone"
                      label={t('cases.field.reporterPhone')}
                      rules={rulesFromSchema(CaseCreate.properties.reporterPhone, t, {
                        patternMessage: t('validation.patterns.landline'),
                      })}
                    >
                      <Input maxLength={20} inputMode="tel" data-testid="case-form-reporter-phone" />
                    </Form.Item>
                  </Col>
                </Row>
              </>
            ) : null}
            <Form.Item name="photoIds" label={t('cases.field.photos')} extra={t('cases.form.photosHint')}>
              <PhotoUpload testId="case-form-photos" />
            </Form.Item>
            {channel === 'inspector' ? (
              <Form.Item name="selfHandled" valuePropName="checked">
                <Checkbox data-testid="case-form-self-handled">{t('cases.form.selfHandled')}</Checkbox>
              </Form.Item>
            ) : null}
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('cases.field.location')} style={{ marginBottom: 16 }}>
            <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
              {t('cases.form.pickHint')}
            </Typography.Paragraph>
            <PlacePicker
              onPick={(p) => {
                form.setFieldsValue({ lng: p.lng, lat: p.lat });
                // The chosen place fills an empty address; one the operator typed is kept.
                if (!trimmed(form.getFieldValue('address') as string | undefined))
                  form.setFieldsValue({ address: p.name });
              }}
              testId="case-form-place"
            />
            <PointMap value={point} onPick={(p) => form.setFieldsValue(p)} height={320} testId="case-form-map" />
            <Row gutter={12} style={{ marginTop: 12 }}>
              <Col span={12}>
                <Form.Item name="lng" label={t('cases.field.lng')} rules={coordinate(-180, 180)}>
                  <InputNumber style={{ width: '100%' }} step={0.0001} precision={6} data-testid="case-form-lng" />
                </Form.Item>
              </Col>
              <Col span={12}>
                <Form.Item name="lat" label={t('cases.field.lat')} rules={coordinate(-90, 90)}>
                  <InputNumber style={{ width: '100%' }} step={0.0001} precision={6} data-testid="case-form-lat" />
                </Form.Item>
              </Col>
            </Row>
          </Card>
        </Col>
      </Row>
      <Flex gap={8}>
        <Button type="primary" htmlType="submit" loading={submitting} data-testid="case-form-submit">
          {t('cases.form.submit')}
        </Button>
        <Button onClick={() => navigate('/cases')}>{t('common.cancel')}</Button>
      </Flex>
    </Form>
  );
}
