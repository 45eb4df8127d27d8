import { useEffect, useState } from 'react';
import { Form, Input, Select, Space, TimePicker } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { HOLDER_KINDS, type HolderKind } from '../../../../common/domain/yellow-line.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { useFormSubmit } from '../../components/useFormSubmit.ts';
import { useI18n } from '../../i18n/context.ts';
import { DateItem } from '../illegal-construction/fields.tsx';
import { geometryOf, pointsOf, type DrawMode } from '../../components/DrawMap.tsx';
import { ZoneDrawField } from '../../components/ZoneDrawField.tsx';
import { ylApi, zoneShapes, type MapZone, type Zone } from './yl.api.ts';

interface Values {
  holderKind: HolderKind;
  holderName: string;
  contactName?: string;
  contactPhone?: string;
  address: string;
  goods: string[];
  hoursFrom: Dayjs;
  hoursTo: Dayjs;
  validFrom: string;
  validTo: string;
  geometry?: unknown;
}

const HHMM = 'HH:mm';

/** Draw or edit a 黄线: the holder, goods, hours and permit dates, and the line or area on the map. */
export function ZoneFormModal(props: {
  zone: Zone | 'new' | null;
  zones: MapZone[];
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const editing = props.zone && props.zone !== 'new' ? props.zone : null;
  const [mode, setMode] = useState<DrawMode>('LineString');
  const [points, setPoints] = useState<[number, number][]>([]);
  useEffect(() => {
    if (!props.zone) return;
    form.resetFields();
    if (editing) {
      form.setFieldsValue({
        holderKind: editing.holderKind,
        holderName: editing.holderName,
        contactName: editing.contactName ?? undefined,
        address: editing.address,
        goods: editing.goods,
        hoursFrom: dayjs(editing.hoursFrom, HHMM),
        hoursTo: dayjs(editing.hoursTo, HHMM),
        validFrom: editing.validFrom,
        validTo: editing.validTo,
      });
      setMode(editing.geometry.type);
      setPoints(pointsOf(editing.geometry));
    } else {
      setMode('LineString');
      setPoints([]);
    }
  }, [props.zone, editing, form]);

  const { submitting, run } = useFormSubmit(form, async (v: Values) => {
    const geometry = geometryOf(mode, points);
    if (!geometry) throw new Error(t('yellowLine.draw.required'));
    const body = {
      holderKind: v.holderKind,
      holderName: v.holderName.trim(),
      contactName: v.contactName?.trim() || null,
      address: v.address.trim(),
      geometry,
      goods: v.goods,
      hoursFrom: v.hoursFrom.format(HHMM),
      hoursTo: v.hoursTo.format(HHMM),
      validFrom: v.validFrom,
      validTo: v.validTo,
    };
    const phone = v.contactPhone?.trim();
    if (editing) await ylApi.update(editing.id, { ...body, ...(phone ? { contactPhone: phone } : {}) });
    else await ylApi.create({ ...body, contactPhone: phone || null });
    props.onSaved();
  });
  const required = [{ required: true, message: t('validation.required') }];
  const others = editing ? props.zones.filter((z) => z.id !== editing.id) : props.zones;
  return (
    <FormModal
      open={props.zone !== null}
      title={editing ? `${t('yellowLine.edit')}：${editing.zoneNo}` : t('yellowLine.create')}
      onSave={() => form.submit()}
      onClose={props.onClose}
      submitting={submitting}
      testId="yl-zone-submit"
    >
      <Form<Values> form={form} layout="vertical" name="yl-zone" onFinish={(v) => void run(v)}>
        <Form.Item name="geometry" label={t('yellowLine.field.geometry')} extra={t('yellowLine.draw.hint')}>
          <ZoneDrawField
            shapes={zoneShapes(others)}
            mode={mode}
            points={points}
            onMode={setMode}
            onPoints={setPoints}
            testId="yl-draw"
          />
        </Form.Item>
        <Form.Item name="holderKind" label={t('yellowLine.field.holderKind')} rules={required} initialValue="shop">
          <Select
            data-testid="yl-zone-kind"
            options={HOLDER_KINDS.map((k) => ({ value: k, label: t(`yellowLine.kind.${k}`) }))}
          />
        </Form.Item>
        <Form.Item name="holderName" label={t('yellowLine.field.holderName')} rules={[...required, { max: 60 }]}>
          <Input data-testid="yl-zone-name" />
        </Form.Item>
        <Form.Item name="address" label={t('yellowLine.field.address')} rules={[...required, { max: 120 }]}>
          <Input data-testid="yl-zone-address" />
        </Form.Item>
        <Form.Item name="goods" label={t('yellowLine.field.goods')} rules={required} extra={t('yellowLine.goodsHint')}>
          <Select mode="tags" tokenSeparators={[',', '，', '、']} data-testid="yl-zone-goods" />
        </Form.Item>
        <Space>
          <Form.Item name="hoursFrom" label={t('yellowLine.field.hoursFrom')} rules={required}>
            <TimePicker format={HHMM} minuteStep={5} data-testid="yl-zone-from" />
          </Form.Item>
          <Form.Item name="hoursTo" label={t('yellowLine.field.hoursTo')} rules={required}>
            <TimePicker format={HHMM} minuteStep={5} data-testid="yl-zone-to" />
          </Form.Item>
        </Space>
        <DateItem name="validFrom" label={t('yellowLine.field.validFrom')} required testId="yl-zone-valid-from" />
        <DateItem name="validTo" label={t('yellowLine.field.validTo')} required testId="yl-zone-valid-to" />
        <Form.Item name="contactName" label={t('yellowLine.field.contactName')} rules={[{ max: 40 }]}>
          <Input />
        </Form.Item>
        <Form.Item
          name="contactPhone"
          label={t('yellowLine.field.contactPhone')}
          extra={editing?.contactPhone ?? undefined}
          rules={[{ pattern: /^[0-9+\- ]{5,20}$/, message: t('validation.pattern') }]}
        >
          <Input />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
