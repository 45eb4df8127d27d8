import { Button, Checkbox, Form, Input, InputNumber, Select, Space } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { ITEM_KINDS, ON_FAIL, type ChecklistItem, type ScheduleKind } from '../../../../common/domain/inspections.ts';
import { useI18n } from '../../i18n/context.ts';

/** The plan form's values: the checklist rows as edited (English label and unit optional). */
export interface PlanValues {
  name: string;
  typeId: string;
  scheduleKind: ScheduleKind;
  schedule: { weekday?: number; day?: number; dates?: string[] };
  unitId?: string | null;
  inspectorId?: string | null;
  active: boolean;
  checklist: (Omit<ChecklistItem, 'labelEn' | 'unit'> & { labelEn?: string; unit?: string })[];
}

export const NEW_ITEM = { kind: 'check', onFail: 'work_order', workDays: 3 } as const;

/** The checklist's rows, each with the fields its kind and its on-fail action need. */
export function ChecklistRows() {
  const { t } = useI18n();
  const form = Form.useFormInstance<PlanValues>();
  return (
    <Form.List
      name="checklist"
      rules={[
        {
          validator: async (_, items: unknown[]) => {
            if (!items?.length) throw new Error(t('inspections.form.needItem'));
          },
        },
      ]}
    >
      {(fields, { add, remove }, { errors }) => (
        <>
          {fields.map((f) => (
            <div key={f.key} className="inspection-item-row" data-testid={`plan-item-${f.name}`}>
              <Space wrap align="start" size={8}>
                <Form.Item name={[f.name, 'key']} label={t('inspections.form.itemKey')} rules={[{ required: true }]}>
                  <Input style={{ width: 110 }} data-testid={`plan-item-${f.name}-key`} />
                </Form.Item>
                <Form.Item
                  name={[f.name, 'label']}
                  label={t('inspections.form.itemLabel')}
                  rules={[{ required: true, message: t('validation.required') }]}
                >
                  <Input style={{ width: 160 }} data-testid={`plan-item-${f.name}-label`} />
                </Form.Item>
                <Form.Item name={[f.name, 'labelEn']} label={t('inspections.form.itemLabelEn')}>
                  <Input style={{ width: 160 }} />
                </Form.Item>
                <Form.Item name={[f.name, 'kind']} label={t('inspections.form.itemKind')}>
                  <Select
                    style={{ width: 120 }}
                    options={ITEM_KINDS.map((k) => ({ value: k, label: t(`inspections.kind.${k}`) }))}
                  />
                </Form.Item>
                <Form.Item noStyle dependencies={[['checklist', f.name, 'kind']]}>
                  {() =>
                    form.getFieldValue(['checklist', f.name, 'kind']) === 'number' ? (
                      <>
                        <Form.Item name={[f.name, 'min']} label={t('inspections.form.min')}>
                          <InputNumber style={{ width: 90 }} data-testid={`plan-item-${f.name}-min`} />
                        </Form.Item>
                        <Form.Item name={[f.name, 'max']} label={t('inspections.form.max')}>
                          <InputNumber style={{ width: 90 }} />
                        </Form.Item>
                        <Form.Item name={[f.name, 'unit']} label={t('inspections.form.itemUnit')}>
                          <Input style={{ width: 70 }} />
                        </Form.Item>
                      </>
                    ) : null
                  }
                </Form.Item>
                <Form.Item name={[f.name, 'onFail']} label={t('inspections.form.onFail')}>
                  <Select
                    style={{ width: 150 }}
                    options={ON_FAIL.map((k) => ({ value: k, label: t(`inspections.onFail.${k}`) }))}
                    data-testid={`plan-item-${f.name}-onFail`}
                  />
                </Form.Item>
                <Form.Item noStyle dependencies={[['checklist', f.name, 'onFail']]}>
                  {() => {
                    const onFail = form.getFieldValue(['checklist', f.name, 'onFail']) as string | undefined;
                    if (onFail === 'work_order')
                      return (
                        <Form.Item name={[f.name, 'workDays']} label={t('inspections.form.workDays')}>
                          <InputNumber min={1} max={90} precision={0} style={{ width: 90 }} />
                        </Form.Item>
                      );
                    if (onFail === 'case')
                      return (
                        <Form.Item name={[f.name, 'matterCode']} label={t('inspections.form.matterCode')}>
                          <Input style={{ width: 100 }} maxLength={5} data-testid={`plan-item-${f.name}-matter`} />
                        </Form.Item>
                      );
                    return null;
                  }}
                </Form.Item>
                <Form.Item name={[f.name, 'photoRequired']} valuePropName="checked" label=" ">
                  <Checkbox>{t('inspections.form.photoRequired')}</Checkbox>
                </Form.Item>
                <Form.Item label=" ">
                  <Button
                    type="text"
                    danger
                    icon={<MinusCircleOutlined />}
                    aria-label={t('inspections.form.remove')}
                    onClick={() => remove(f.name)}
                  />
                </Form.Item>
              </Space>
            </div>
          ))}
          <Form.ErrorList errors={errors} />
          <Button
            type="dashed"
            icon={<PlusOutlined />}
            onClick={() => add({ ...NEW_ITEM, key: `item${fields.length + 1}` })}
            data-testid="plan-add-item"
          >
            {t('inspections.form.addItem')}
          </Button>
        </>
      )}
    </Form.List>
  );
}

export function ScheduleFields() {
  const { t } = useI18n();
  const kind = Form.useWatch('scheduleKind') as ScheduleKind | undefined;
  const required = [{ required: true, message: t('validation.required') }];
  if (kind === 'weekly')
    return (
      <Form.Item name={['schedule', 'weekday']} label={t('inspections.form.weekday')} rules={required}>
        <Select
          data-testid="plan-weekday"
          options={[1, 2, 3, 4, 5, 6, 7].map((d) => ({ value: d, label: t(`inspections.weekdays.${d as 1}`) }))}
        />
      </Form.Item>
    );
  if (kind === 'monthly' || kind === 'seasonal')
    return (
      <Form.Item name={['schedule', 'day']} label={t('inspections.form.day')} rules={required}>
        <InputNumber min={1} max={28} precision={0} style={{ width: '100%' }} />
      </Form.Item>
    );
  if (kind === 'flood')
    return (
      <Form.Item name={['schedule', 'dates']} label={t('inspections.form.dates')} rules={required}>
        <Select mode="tags" tokenSeparators={[',', '，', ' ']} open={false} data-testid="plan-dates" />
      </Form.Item>
    );
  return null;
}
