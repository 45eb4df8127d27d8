import { useEffect, useState } from 'react';
import { Form, Input, InputNumber, Select, Space, TimePicker } from 'antd';
import type { Dayjs } from 'dayjs';
import type { ApplicationCreate } from '../../../../common/contracts/approvals.ts';
import { AD_TYPES } from '../../../../common/domain/outdoor-ads.ts';
import { HOLDER_KINDS } from '../../../../common/domain/yellow-line.ts';
import { ZoneDrawField } from '../../components/ZoneDrawField.tsx';
import { geometryOf, type DrawMode, type DrawnGeometry as Drawn } from '../../components/DrawMap.tsx';
import { useI18n } from '../../i18n/context.ts';
import { useAuth } from '../auth/context.ts';
import { ylApi, zoneShapes, type MapZone } from '../yellow-line/yl.api.ts';

const HHMM = 'HH:mm';
type Raw = Record<string, unknown>;
type Details = NonNullable<ApplicationCreate['details']>;

/**
 * The details as the API takes them: times as HH:MM, the goods as one text (kinds joined by 、), empty ones left out
 * (docs/approvals.md, "Register effects").
 */
export function detailsBody(raw: Raw | undefined): Details {
  const out: Details = {};
  for (const [k, v] of Object.entries(raw ?? {})) {
    if (v === undefined || v === null || v === '') continue;
    if (Array.isArray(v)) out[k] = v.map((x) => String(x).trim()).join('、');
    else if (typeof v === 'object' && 'format' in v) out[k] = (v as Dayjs).format(HHMM);
    // numbers, texts and the drawn geometry, as the form holds them
    else out[k] = v as Details[string];
  }
  return out;
}

/** The line or area drawn on the map as a form value: the drawing resets with the form. */
function DrawnGeometry(props: { value?: Drawn | null; onChange?: (g: Drawn | null) => void }) {
  const { can } = useAuth();
  const [mode, setMode] = useState<DrawMode>('LineString');
  const [points, setPoints] = useState<[number, number][]>([]);
  const [zones, setZones] = useState<MapZone[]>([]);
  const { value, onChange } = props;
  const readable = can('yellowline.read');
  useEffect(() => {
    if (!readable) return undefined;
    const controller = new AbortController();
    // the zones already drawn, so a clerk sees an overlap before the decision refuses it
    ylApi.map(controller.signal).then(
      (r) => setZones(r.items),
      () => undefined,
    );
    return () => controller.abort();
  }, [readable]);
  useEffect(() => {
    // the form was reset: start the drawing again
    if (!value && geometryOf(mode, points)) setPoints([]);
  }, [value, mode, points]);
  const change = (m: DrawMode, p: [number, number][]) => {
    setMode(m);
    setPoints(p);
    onChange?.(geometryOf(m, p));
  };
  return (
    <ZoneDrawField
      shapes={zoneShapes(zones)}
      mode={mode}
      points={points}
      onMode={(m) => change(m, [])}
      onPoints={(p) => change(mode, p)}
      height={260}
      testId="ap-draw"
    />
  );
}

/** 户外广告设置: the sign's type, size, position and content for the inventory. */
export function AdDetails() {
  const { t } = useI18n();
  const required = [{ required: true, message: t('validation.required') }];
  return (
    <>
      <Form.Item name={['details', 'adType']} label={t('approvals.adDetails.adType')} rules={required}>
        <Select options={AD_TYPES.map((a) => ({ value: a, label: t(`outdoorAds.type.${a}`) }))} />
      </Form.Item>
      <Form.Item name={['details', 'sizeM2']} label={t('approvals.adDetails.sizeM2')} rules={required}>
        <InputNumber min={0.01} max={10_000} precision={2} style={{ width: '100%' }} />
      </Form.Item>
      <Position />
      <Form.Item name={['details', 'content']} label={t('approvals.adDetails.content')} rules={[{ max: 200 }]}>
        <Input />
      </Form.Item>
    </>
  );
}

function Position() {
  const { t } = useI18n();
  const required = [{ required: true, message: t('validation.required') }];
  return (
    <Space wrap>
      <Form.Item name={['details', 'lng']} label={t('approvals.adDetails.lng')} rules={required}>
        <InputNumber min={-180} max={180} precision={6} style={{ width: 180 }} />
      </Form.Item>
      <Form.Item name={['details', 'lat']} label={t('approvals.adDetails.lat')} rules={required}>
        <InputNumber min={-90} max={90} precision={6} style={{ width: 180 }} />
      </Form.Item>
    </Space>
  );
}

/** 文明黄线设置: the shop or stall, its goods and hours, and the line or area drawn on the map. */
export function YellowLineDetails() {
  const { t } = useI18n();
  const required = [{ required: true, message: t('validation.required') }];
  return (
    <>
      <Form.Item
        name={['details', 'geometry']}
        label={t('yellowLine.field.geometry')}
        extra={t('yellowLine.draw.hint')}
        rules={[{ required: true, message: t('yellowLine.draw.required') }]}
      >
        <DrawnGeometry />
      </Form.Item>
      <Form.Item
        name={['details', 'holderKind']}
        label={t('yellowLine.field.holderKind')}
        rules={required}
        initialValue="shop"
      >
        <Select
          data-testid="ap-yl-kind"
          options={HOLDER_KINDS.map((k) => ({ value: k, label: t(`yellowLine.kind.${k}`) }))}
        />
      </Form.Item>
      <Form.Item
        name={['details', 'holderName']}
        label={t('yellowLine.field.holderName')}
        rules={[...required, { max: 60 }]}
      >
        <Input data-testid="ap-yl-name" />
      </Form.Item>
      <Form.Item
        name={['details', 'goods']}
        label={t('yellowLine.field.goods')}
        rules={required}
        extra={t('yellowLine.goodsHint')}
      >
        <Select mode="tags" tokenSeparators={[',', '，', '、']} data-testid="ap-yl-goods" />
      </Form.Item>
      <Space wrap>
        <Form.Item name={['details', 'hoursFrom']} label={t('yellowLine.field.hoursFrom')} rules={required}>
          <TimePicker format={HHMM} minuteStep={5} data-testid="ap-yl-from" />
        </Form.Item>
        <Form.Item name={['details', 'hoursTo']} label={t('yellowLine.field.hoursTo')} rules={required}>
          <TimePicker format={HHMM} minuteStep={5} data-testid="ap-yl-to" />
        </Form.Item>
      </Space>
    </>
  );
}

/** 建筑垃圾处置核准: where the waste goes, how much, and where the construction site is. */
export function MuckDetails() {
  const { t } = useI18n();
  const required = [{ required: true, message: t('validation.required') }];
  return (
    <>
      <Form.Item
        name={['details', 'disposalSite']}
        label={t('approvals.muckDetails.disposalSite')}
        rules={[...required, { max: 100 }]}
      >
        <Input data-testid="ap-muck-site" />
      </Form.Item>
      <Form.Item name={['details', 'volumeM3']} label={t('approvals.muckDetails.volumeM3')} rules={required}>
        <InputNumber min={0.1} max={10_000_000} precision={1} style={{ width: '100%' }} addonAfter="m³" />
      </Form.Item>
      <Position />
    </>
  );
}

/** The details the type's register asks for, by type code; none for a type without a register of its own. */
export function DetailFields({ typeCode }: { typeCode: string | undefined }) {
  if (typeCode === 'outdoor_ad') return <AdDetails />;
  if (typeCode === 'yellow_line') return <YellowLineDetails />;
  if (typeCode === 'construction_waste') return <MuckDetails />;
  return null;
}
