import { useEffect, useState } from 'react';
import { Button, Form, Input, Space, Tag } from 'antd';
import type { AgreementCreate } from '../../../../common/contracts/frontage.ts';
import { DrawMap, geometryOf } from '../../components/DrawMap.tsx';
import { FormModal } from '../../components/FormModal.tsx';
import { useFormSubmit } from '../../components/useFormSubmit.ts';
import { useI18n } from '../../i18n/context.ts';
import { DateItem, PointItems, TownshipSelect } from '../illegal-construction/fields.tsx';
import { frApi } from './fr.api.ts';

/**
 * The drawn ring's size in m², for the form only (the server measures the stored area): at the few metres of a
 * shop front, lng/lat scaled to metres at the ring's latitude are a plane.
 */
function ringAreaM2(points: [number, number][]): number {
  const lat0 = ((points[0]?.[1] ?? 0) * Math.PI) / 180;
  const x = (p: [number, number]) => p[0] * 111_320 * Math.cos(lat0);
  const y = (p: [number, number]) => p[1] * 110_574;
  let s = 0;
  points.forEach((p, i) => {
    const q = points[(i + 1) % points.length] as [number, number];
    s += x(p) * y(q) - x(q) * y(p);
  });
  return Math.round(Math.abs(s / 2) * 10) / 10;
}

interface AgreementValues {
  shopName: string;
  creditCode?: string;
  operatorName: string;
  operatorPhone: string;
  address: string;
  regionId: string;
  lng: number;
  lat: number;
  scope: string;
  periodFrom: string;
  periodTo: string;
  signedOn: string;
}

/** 签订责任书: the shop, its point, the responsibility area drawn on the map, the period. */
export function AgreementModal({
  open,
  onClose,
  onSaved,
}: {
  open: boolean;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<AgreementValues>();
  const [points, setPoints] = useState<[number, number][]>([]);
  useEffect(() => {
    if (!open) return;
    form.resetFields();
    setPoints([]);
  }, [open, form]);
  const area = geometryOf('Polygon', points);
  const { submitting, run } = useFormSubmit(form, async (v: AgreementValues) => {
    await frApi.createAgreement({
      shopName: v.shopName.trim(),
      creditCode: v.creditCode?.trim() || null,
      operatorName: v.operatorName.trim(),
      operatorPhone: v.operatorPhone.trim(),
      address: v.address.trim(),
      regionId: v.regionId,
      lng: v.lng,
      lat: v.lat,
      area: area as AgreementCreate['area'],
      scope: v.scope.trim(),
      periodFrom: v.periodFrom,
      periodTo: v.periodTo,
      signedOn: v.signedOn,
    });
    onSaved();
  });
  const required = [{ required: true, message: t('validation.required') }];
  return (
    <FormModal
      open={open}
      title={t('frontage.action.create')}
      onSave={() => form.submit()}
      onClose={onClose}
      submitting={submitting}
      testId="fr-agreement-submit"
    >
      <Form<AgreementValues>
        form={form}
        layout="vertical"
        name="fr-agreement"
        initialValues={{ scope: '门店外墙至人行道路沿石，左右至相邻门店分界线' }}
        onFinish={(v) => void run(v)}
      >
        <Form.Item name="shopName" label={t('frontage.field.shopName')} rules={[...required, { max: 80 }]}>
          <Input data-testid="fr-agreement-shop" />
        </Form.Item>
        <Form.Item
          name="creditCode"
          label={t('frontage.field.creditCode')}
          rules={[
            { pattern: /^[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}$/, message: t('validation.pattern') },
          ]}
        >
          <Input maxLength={18} />
        </Form.Item>
        <Space wrap>
          <Form.Item name="operatorName" label={t('frontage.field.operatorName')} rules={[...required, { max: 40 }]}>
            <Input data-testid="fr-agreement-operator" />
          </Form.Item>
          <Form.Item
            name="operatorPhone"
            label={t('frontage.field.operatorPhone')}
            rules={[...required, { pattern: /^[0-9+\- ]{5,20}$/, message: t('validation.pattern') }]}
          >
            <Input data-testid="fr-agreement-phone" />
          </Form.Item>
        </Space>
        <Form.Item name="regionId" label={t('frontage.field.region')} rules={required}>
          <TownshipSelect testId="fr-agreement-region" />
        </Form.Item>
        <Form.Item name="address" label={t('frontage.field.address')} rules={[...required, { max: 120 }]}>
          <Input data-testid="fr-agreement-address" />
        </Form.Item>
        <PointItems label={t('frontage.field.location')} rules={required} />
        <Form.Item label={t('frontage.field.area')} extra={t('frontage.draw.hint')}>
          <Space wrap style={{ marginBottom: 8 }}>
            <Button onClick={() => setPoints((old) => old.slice(0, -1))} disabled={!points.length}>
              {t('frontage.draw.undo')}
            </Button>
            <Button onClick={() => setPoints([])} disabled={!points.length} data-testid="fr-draw-clear">
              {t('frontage.draw.clear')}
            </Button>
            {area ? (
              <Tag color="blue" data-testid="fr-draw-area">
                {t('frontage.draw.size', { m2: ringAreaM2(points) })}
              </Tag>
            ) : null}
          </Space>
          <DrawMap
            shapes={[]}
            points={points}
            mode="Polygon"
            onAdd={(p) => setPoints((old) => [...old, p])}
            height={260}
            testId="fr-draw-map"
          />
        </Form.Item>
        <Form.Item name="scope" label={t('frontage.field.scope')} rules={[...required, { max: 300 }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <DateItem name="periodFrom" label={t('frontage.field.periodFrom')} required testId="fr-agreement-from" />
        <DateItem name="periodTo" label={t('frontage.field.periodTo')} required testId="fr-agreement-to" />
        <DateItem name="signedOn" label={t('frontage.field.signedOn')} required testId="fr-agreement-signed" />
      </Form>
    </FormModal>
  );
}
