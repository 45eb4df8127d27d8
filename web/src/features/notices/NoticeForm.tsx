import { DatePicker, Form, Input, Select } from 'antd';
import { ROLES } from '../../../../common/domain/roles.ts';
import { DATE_TIME_FORMAT, dayjs, type Dayjs } from '../../components/dates.ts';
import { useI18n } from '../../i18n/context.ts';
import { UnitPicker } from '../cases/CaseSelects.tsx';
import { roleLabel } from '../cases/labels.ts';
import type { Notice, NoticeInput } from './notices.api.ts';

export interface NoticeValues {
  title: string;
  body: string;
  roles?: string[];
  unitId?: string | null;
  window?: [Dayjs | null, Dayjs | null] | null;
}

export const valuesOf = (n: Notice | null): Partial<NoticeValues> =>
  n
    ? {
        title: n.title,
        body: n.body,
        roles: n.roles,
        unitId: n.unitId,
        window: [dayjs(n.publishFrom), n.publishUntil ? dayjs(n.publishUntil) : null],
      }
    : {};

export function inputOf(v: NoticeValues): NoticeInput {
  const [from, until] = v.window ?? [null, null];
  return {
    title: v.title,
    body: v.body,
    roles: (v.roles ?? []) as NoticeInput['roles'],
    unitId: v.unitId ?? null,
    ...(from ? { publishFrom: from.toISOString() } : {}),
    publishUntil: until ? until.toISOString() : null,
  };
}

/** The fields of a notice: what it says, who sees it (roles, unit) and when. */
export function NoticeFields() {
  const { t, locale } = useI18n();
  const required = [{ required: true, whitespace: true, message: t('validation.required') }];
  return (
    <>
      <Form.Item name="title" label={t('notices.manage.form.title')} rules={[...required, { max: 100 }]}>
        <Input maxLength={100} data-testid="notice-form-title" />
      </Form.Item>
      <Form.Item name="body" label={t('notices.manage.form.body')} rules={[...required, { max: 4000 }]}>
        <Input.TextArea autoSize={{ minRows: 4, maxRows: 10 }} maxLength={4000} data-testid="notice-form-body" />
      </Form.Item>
      <Form.Item name="roles" label={t('notices.manage.form.roles')} extra={t('notices.manage.form.rolesHint')}>
        <Select
          mode="multiple"
          allowClear
          options={ROLES.map((r) => ({ value: r, label: roleLabel(locale, r) }))}
          data-testid="notice-form-roles"
        />
      </Form.Item>
      <Form.Item name="unitId" label={t('notices.manage.form.unit')} extra={t('notices.manage.form.unitHint')}>
        <UnitPicker allowClear data-testid="notice-form-unit" />
      </Form.Item>
      <Form.Item name="window" label={t('notices.manage.form.window')} extra={t('notices.manage.form.windowHint')}>
        <DatePicker.RangePicker
          showTime
          allowEmpty={[true, true]}
          format={DATE_TIME_FORMAT}
          style={{ width: '100%' }}
          data-testid="notice-form-window"
        />
      </Form.Item>
    </>
  );
}
