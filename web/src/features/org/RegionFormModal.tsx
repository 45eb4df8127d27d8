import { useEffect } from 'react';
import { Form, Input, Modal, Select } from 'antd';
import { RegionCreate, type Region } from '../../../../common/contracts/org.ts';
import { allowedParentKinds, type RegionKind } from '../../../../common/domain/org.ts';
import { rulesFromSchema } from '../../components/schemaRules.ts';
import { useFormSubmit } from '../../components/useFormSubmit.ts';
import { useI18n } from '../../i18n/context.ts';
import { asRegionKind, regionKindLabel, regionKindOptions } from './labels.ts';
import { RegionSelect } from './OrgSelects.tsx';
import { orgApi } from './org.api.ts';

interface Values {
  kind?: RegionKind;
  parentId?: string | null;
  code: string;
  name: string;
}

interface Props {
  /** null = closed, 'new' = create, a region = edit (only the name can change). */
  target: Region | 'new' | null;
  onClose: () => void;
  onSaved: (region: Region) => void;
}

export function RegionFormModal({ target, onClose, onSaved }: Props) {
  const { t, locale } = useI18n();
  const [form] = Form.useForm<Values>();
  const editing = target !== null && target !== 'new' ? target : null;
  const kind = Form.useWatch('kind', form);
  const parentKinds = kind ? allowedParentKinds(kind) : [];

  useEffect(() => {
    if (target === 'new') form.setFieldsValue({ kind: 'street', parentId: null, code: '', name: '' });
    else if (target)
      form.setFieldsValue({
        kind: asRegionKind(target.kind),
        parentId: target.parentId,
        code: target.code,
        name: target.name,
      });
  }, [target, form]);

  const { submitting, run } = useFormSubmit(form, async (values: Values) => {
    const saved = editing
      ? await orgApi.updateRegion(editing.id, { name: values.name.trim() })
      : await orgApi.createRegion({
          kind: values.kind ?? 'street',
          code: values.code,
          name: values.name.trim(),
          parentId: parentKinds.length > 0 ? (values.parentId ?? null) : null,
        });
    onSaved(saved);
  });

  return (
    <Modal
      open={target !== null}
      title={editing ? t('org.region.edit') : t('org.region.create')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      okButtonProps={{ loading: submitting, 'data-testid': 'region-form-submit' }}
      destroyOnHidden
      data-testid="region-form-modal"
    >
      <Form<Values> form={form} name="region" data-testid="region-form" layout="vertical" onFinish={(v) => void run(v)}>
        <Form.Item
          name="kind"
          label={t('org.region.kind')}
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <Select
            options={regionKindOptions(locale)}
            disabled={editing !== null}
            onChange={() => form.setFieldValue('parentId', null)}
            data-testid="region-form-kind"
          />
        </Form.Item>
        {parentKinds.length > 0 ? (
          <Form.Item
            name="parentId"
            label={t('org.region.parent')}
            rules={[{ required: true, message: t('org.region.parentRequired') }]}
          >
            <RegionSelect
              kinds={parentKinds}
              disabled={editing !== null}
              knownOptions={
                editing?.parentId ? [{ value: editing.parentId, label: editing.parentName ?? editing.parentId }] : []
              }
              placeholder={parentKinds.map((k) => regionKindLabel(locale, k)).join(' / ')}
              data-testid="region-form-parent"
            />
          </Form.Item>
        ) : null}
        <Form.Item
          name="code"
          label={t('org.region.code')}
          extra={t('org.region.codeHint')}
          rules={
            editing
              ? []
              : rulesFromSchema(RegionCreate.properties.code, t, {
                  required: true,
                  patternMessage: t('validation.patterns.regionCode'),
                })
          }
        >
          <Input maxLength={3} inputMode="numeric" disabled={editing !== null} data-testid="region-form-code" />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('org.region.name')}
          rules={rulesFromSchema(RegionCreate.properties.name, t, { required: true })}
        >
          <Input maxLength={60} showCount data-testid="region-form-name" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
