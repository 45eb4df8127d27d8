import { useEffect } from 'react';
import { Flex, Form, Input, InputNumber, Modal, Select } from 'antd';
import { FilingConditionCreate } from '../../../../common/contracts/catalog.ts';
import type { LimitUnit } from '../../../../common/domain/work-calendar.ts';
import { rulesFromSchema } from '../../components/schemaRules.ts';
import { useFormSubmit } from '../../components/useFormSubmit.ts';
import { useI18n } from '../../i18n/context.ts';
import { UnitSelect } from '../org/OrgSelects.tsx';
import { catalogApi, type FilingCondition } from './catalog.api.ts';
import { asLimitUnit, limitUnitOptions } from './labels.ts';
import { MatterSelect } from './MatterSelect.tsx';

interface Values {
  matterCode: string | null;
  condition: string;
  handlingLimit: { value: number | null; unit: LimitUnit };
  closingCondition: string;
  unitId: string | null;
}

interface Props {
  /** null = closed, 'new' = create, a condition = edit. */
  target: FilingCondition | 'new' | null;
  onClose: () => void;
  onSaved: (condition: FilingCondition) => void;
}

// The contract's bounds of a limit value (1–999), so the form rejects what the server would.
const { minimum: LIMIT_MIN = 1, maximum: LIMIT_MAX = 999 } = FilingConditionCreate.properties.handlingLimit.properties
  .value as { minimum?: number; maximum?: number };

/** Create or edit one filing condition: matter, condition, handling limit (value + unit), closing condition, unit. */
export function ConditionFormModal({ target, onClose, onSaved }: Props) {
  const { t, locale } = useI18n();
  const [form] = Form.useForm<Values>();
  const editing = target !== null && target !== 'new' ? target : null;

  useEffect(() => {
    if (target === 'new') {
      form.setFieldsValue({
        matterCode: null,
        condition: '',
        handlingLimit: { value: 1, unit: 'work_days' },
        closingCondition: '',
        unitId: null,
      });
    } else if (target) {
      form.setFieldsValue({
        matterCode: target.matterCode,
        condition: target.condition,
        handlingLimit: {
          value: target.handlingLimit.value,
          unit: asLimitUnit(target.handlingLimit.unit) ?? 'work_days',
        },
        closingCondition: target.closingCondition,
        unitId: target.unitId,
      });
    }
  }, [target, form]);

  const { submitting, run } = useFormSubmit(form, async (v: Values) => {
    const body = {
      matterCode: v.matterCode ?? '',
      condition: v.condition.trim(),
      handlingLimit: { value: v.handlingLimit.value ?? 0, unit: v.handlingLimit.unit },
      closingCondition: v.closingCondition.trim(),
      unitId: v.unitId ?? null,
    };
    onSaved(editing ? await catalogApi.updateCondition(editing.id, body) : await catalogApi.createCondition(body));
  });

  const required = { required: true, message: t('validation.required') };
  return (
    <Modal
      open={target !== null}
      title={editing ? t('catalog.condition.edit') : t('catalog.condition.create')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      okButtonProps={{ loading: submitting, 'data-testid': 'condition-form-submit' }}
      destroyOnHidden
      width={600}
      data-testid="condition-form-modal"
    >
      <Form<Values>
        form={form}
        name="condition"
        layout="vertical"
        onFinish={(v) => void run(v)}
        data-testid="condition-form"
      >
        <Form.Item name="matterCode" label={t('catalog.condition.matter')} rules={[required]}>
          <MatterSelect
            allowClear={false}
            placeholder={t('catalog.condition.matterPlaceholder')}
            knownOptions={
              editing ? [{ value: editing.matterCode, label: `${editing.matterCode} ${editing.matterName ?? ''}` }] : []
            }
            data-testid="condition-form-matter"
          />
        </Form.Item>
        <Form.Item
          name="condition"
          label={t('catalog.condition.condition')}
          rules={rulesFromSchema(FilingConditionCreate.properties.condition, t, { required: true })}
        >
          <Input.TextArea
            autoSize={{ minRows: 2, maxRows: 5 }}
            maxLength={500}
            showCount
            data-testid="condition-form-condition"
          />
        </Form.Item>
        <Form.Item
          label={t('catalog.condition.limit')}
          required
          extra={t('catalog.limitHint')}
          style={{ marginBottom: 12 }}
        >
          <Flex gap={8}>
            <Form.Item
              name={['handlingLimit', 'value']}
              noStyle={false}
              style={{ marginBottom: 0 }}
              rules={[
                required,
                { type: 'integer', min: LIMIT_MIN, max: LIMIT_MAX, message: `${LIMIT_MIN}–${LIMIT_MAX}` },
              ]}
            >
              <InputNumber
                min={LIMIT_MIN}
                max={LIMIT_MAX}
                precision={0}
                style={{ width: 110 }}
                aria-label={t('catalog.condition.limitValue')}
                data-testid="condition-form-limit-value"
              />
            </Form.Item>
            <Form.Item name={['handlingLimit', 'unit']} style={{ marginBottom: 0, flex: 1 }} rules={[required]}>
              <Select
                options={limitUnitOptions(locale)}
                aria-label={t('catalog.condition.limitUnit')}
                data-testid="condition-form-limit-unit"
              />
            </Form.Item>
          </Flex>
        </Form.Item>
        <Form.Item
          name="closingCondition"
          label={t('catalog.condition.closing')}
          rules={rulesFromSchema(FilingConditionCreate.properties.closingCondition, t, { required: true })}
        >
          <Input.TextArea
            autoSize={{ minRows: 1, maxRows: 4 }}
            maxLength={500}
            showCount
            data-testid="condition-form-closing"
          />
        </Form.Item>
        <Form.Item name="unitId" label={t('catalog.condition.unit')}>
          <UnitSelect
            placeholder={t('catalog.condition.byLocation')}
            knownOptions={editing?.unitId ? [{ value: editing.unitId, label: editing.unitName ?? editing.unitId }] : []}
            data-testid="condition-form-unit"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
