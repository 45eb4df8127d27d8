import { DatePicker, Form, Tag } from 'antd';
import type { FormRule } from 'antd';
import type { ReactNode } from 'react';
import { DATE_FORMAT, dateStringItem } from '../../components/dates.ts';
import { PointMap } from '../cases/PointMap.tsx';
import { useI18n } from '../../i18n/context.ts';
import { RegionSelect } from '../org/OrgSelects.tsx';

/** A `YYYY-MM-DD` date field (the API's calendar dates) with the console's picker. */
export function DateItem(props: { name: string; label: ReactNode; required?: boolean; testId: string }) {
  const { t } = useI18n();
  return (
    <Form.Item
      name={props.name}
      label={props.label}
      rules={props.required ? [{ required: true, message: t('validation.required') }] : []}
      {...dateStringItem}
    >
      <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} data-testid={props.testId} />
    </Form.Item>
  );
}

/** Townships: the 街道 and 乡镇 of the city (where sites, letters and signs are placed). */
export function TownshipSelect(props: {
  value?: string | null;
  onChange?: (v: string | null) => void;
  placeholder?: string;
  testId: string;
  allowClear?: boolean;
}) {
  return (
    <RegionSelect
      kinds={['street', 'town']}
      value={props.value}
      onChange={props.onChange}
      placeholder={props.placeholder}
      allowClear={props.allowClear}
      style={{ minWidth: 180 }}
      data-testid={props.testId}
    />
  );
}

/** lng and lat picked with a click on the small map; both are required together. */
export function PointItems({ label, rules }: { label: ReactNode; rules?: FormRule[] }) {
  return (
    <Form.Item label={label} required>
      <Form.Item name="lng" hidden rules={rules}>
        <input />
      </Form.Item>
      <Form.Item name="lat" hidden rules={rules}>
        <input />
      </Form.Item>
      <Form.Item noStyle shouldUpdate>
        {(form) => {
          const lng = form.getFieldValue('lng') as number | undefined;
          const lat = form.getFieldValue('lat') as number | undefined;
          return (
            <>
              <PointMap
                value={lng !== undefined && lat !== undefined ? { lng, lat } : null}
                onPick={(p) => form.setFieldsValue({ lng: Number(p.lng.toFixed(6)), lat: Number(p.lat.toFixed(6)) })}
                height={200}
              />
              {lng !== undefined && lat !== undefined ? <Tag style={{ marginTop: 4 }}>{`${lng}, ${lat}`}</Tag> : null}
            </>
          );
        }}
      </Form.Item>
    </Form.Item>
  );
}
