import { useEffect } from 'react';
import { Form, Input, Modal, Select } from 'antd';
import { UnitCreate, type Unit } from '../../../../common/contracts/org.ts';
import type { UnitKind } from '../../../../common/domain/org.ts';
import { rulesFromSchema } from '../../components/schemaRules.ts';
import { useFormSubmit } from '../../components/useFormSubmit.ts';
import { useI18n } from '../../i18n/context.ts';
import { asUnitKind, unitKindOptions } from './labels.ts';
import { RegionSelect, UnitSelect } from './OrgSelects.tsx';
import { orgApi, type UnitUpdateBody } from './org.api.ts';

interface Values {
  code: string;
  name: string;
  kind?: UnitKind;
  parentId?: string | null;
  regionId?: string | null;
  phone?: string | null;
}

interface Props {
  /** null = closed, 'new' = create, a unit = edit (the code cannot change). */
  target: Unit | 'new' | null;
  onClose: () => void;
  onSaved: (unit: Unit) => void;
}

const blankToNull = (value: string | null | undefined) => (value && value.trim() ? value.trim() : null);

export function UnitFormModal({ target, onClose, onSaved }: Props) {
  const { t, locale } = useI18n();
  const [form] = Form.useForm<Values>();
  const editing = target !== null && target !== 'new' ? target : null;

  useEffect(() => {
    if (target === 'new')
      form.setFieldsValue({ code: '', name: '', kind: undefined, parentId: null, regionId: null, phone: '' });
    else if (target) {
      form.setFieldsValue({
        code: target.code,
        name: target.name,
        kind: asUnitKind(target.kind),
        parentId: target.parentId,
        regionId: target.regionId,
        phone: target.phone ?? '',
      });
    }
  }, [target, form]);

  const { submitting, run } = useFormSubmit(form, async (values: Values) => {
    const fields = {
      name: values.name.trim(),
      kind: values.kind ?? 'other',
      parentId: values.parentId ?? null,
      regionId: values.regionId ?? null,
      phone: blankToNull(values.phone),
    };
    if (editing) {
      const patch: UnitUpdateBody = {};
      if (fields.name !== editing.name) patch.name = fields.name;
      if (fields.kind !== editing.kind) patch.kind = fields.kind;
      if (fields.parentId !== editing.parentId) patch.parentId = fields.parentId;
      if (fields.regionId !== editing.regionId) patch.regionId = fields.regionId;
      if (fields.phone !== editing.phone) patch.phone = fields.phone;
      onSaved(Object.keys(patch).length > 0 ? await orgApi.updateUnit(editing.id, patch) : editing);
    } else {
      onSaved(await orgApi.createUnit({ code: values.code.trim(), ...fields }));
    }
  });

  return (
    <Modal
      open={target !== null}
      title={editing ? t('org.unit.edit') : t('org.unit.create')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      okButtonProps={{ loading: submitting, 'data-testid': 'unit-form-submit' }}
      destroyOnHidden
      data-testid="unit-form-modal"
    >
      <Form<Values> form={form} name="unit" data-testid="unit-form" layout="vertical" onFinish={(v) => void run(v)}>
        <Form.Item
          name="code"
          label={t('org.unit.code')}
          extra={editing ? undefined : t('org.unit.codeHint')}
          rules={
            editing
              ? []
              : rulesFromSchema(UnitCreate.properties.code, t, {
                  required: true,
                  patternMessage: t('validation.patterns.unitCode'),
                })
          }
        >
          <Input maxLength={32} disabled={editing !== null} data-testid="unit-form-code" />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('org.unit.name')}
          rules={rulesFromSchema(UnitCreate.properties.name, t, { required: true })}
        >
          <Input maxLength={60} showCount data-testid="unit-form-name" />
        </Form.Item>
        <Form.Item
          name="kind"
          label={t('org.unit.kind')}
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <Select options={unitKindOptions(locale)} data-testid="unit-form-kind" />
        </Form.Item>
        <Form.Item name="parentId" label={t('org.unit.parent')}>
          <UnitSelect
            excludeId={editing?.id}
            knownOptions={
              editing?.parentId ? [{ value: editing.parentId, label: editing.parentName ?? editing.parentId }] : []
            }
            data-testid="unit-form-parent"
          />
        </Form.Item>
        <Form.Item name="regionId" label={t('org.unit.region')}>
          <RegionSelect
            knownOptions={
              editing?.regionId ? [{ value: editing.regionId, label: editing.regionName ?? editing.regionId }] : []
            }
            data-testid="unit-form-region"
          />
        </Form.Item>
        <Form.Item
          name="phone"
          label={t('org.unit.phone')}
          rules={rulesFromSchema(UnitCreate.properties.phone, t, { patternMessage: t('validation.patterns.landline') })}
        >
          <Input maxLength={20} inputMode="tel" data-testid="unit-form-phone" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
