import { useEffect } from 'react';
import { Alert, Form, Input, Modal, Radio, Select } from 'antd';
import { CatalogEntryCreate } from '../../../../common/contracts/catalog.ts';
import type { CatalogKind } from '../../../../common/domain/catalog.ts';
import { rulesFromSchema } from '../../components/schemaRules.ts';
import { useFormSubmit } from '../../components/useFormSubmit.ts';
import { useI18n } from '../../i18n/context.ts';
import { catalogApi, type CatalogEntry } from './catalog.api.ts';
import { catalogKindOptions, majorOptions } from './labels.ts';

interface Values {
  kind: CatalogKind;
  majorCode?: string;
  name: string;
}

interface Props {
  /** null = closed, 'new' = add a local extension, an entry = rename it (local entries only). */
  target: CatalogEntry | 'new' | null;
  onClose: () => void;
  onSaved: (entry: CatalogEntry, created: boolean) => void;
}

/** Add a local extension (the server assigns the code, counting down from 99) or rename one. */
export function CatalogEntryModal({ target, onClose, onSaved }: Props) {
  const { t, locale } = useI18n();
  const [form] = Form.useForm<Values>();
  const editing = target !== null && target !== 'new' ? target : null;
  const kind = Form.useWatch('kind', form) ?? 'matter';
  const name = Form.useWatch('name', form);

  useEffect(() => {
    if (target === 'new') form.setFieldsValue({ kind: 'matter', majorCode: undefined, name: '' });
    else if (target) form.setFieldsValue({ kind: target.kind, majorCode: target.majorCode, name: target.name });
  }, [target, form]);

  const { submitting, run } = useFormSubmit(form, async (values: Values) => {
    const saved = editing
      ? await catalogApi.updateEntry(editing.code, editing.kind, { name: values.name.trim() })
      : await catalogApi.createEntry({
          kind: values.kind,
          majorCode: values.majorCode ?? '',
          name: values.name.trim(),
        });
    onSaved(saved, editing === null);
  });

  return (
    <Modal
      open={target !== null}
      title={editing ? t('catalog.renameTitle') : t('catalog.addLocal')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      okButtonProps={{ loading: submitting, 'data-testid': 'catalog-form-submit' }}
      destroyOnHidden
      data-testid="catalog-form-modal"
    >
      <Form<Values>
        form={form}
        name="catalog-entry"
        layout="vertical"
        onFinish={(v) => void run(v)}
        data-testid="catalog-form"
      >
        <Form.Item name="kind" label={t('catalog.field.kind')}>
          <Radio.Group
            options={catalogKindOptions(locale)}
            optionType="button"
            disabled={editing !== null}
            onChange={() => form.setFieldValue('majorCode', undefined)}
            data-testid="catalog-form-kind"
          />
        </Form.Item>
        <Form.Item
          name="majorCode"
          label={t('catalog.field.major')}
          extra={editing ? undefined : t('catalog.majorHint')}
          rules={editing ? [] : [{ required: true, message: t('validation.required') }]}
        >
          <Select
            options={majorOptions(locale, kind, 'create')}
            disabled={editing !== null}
            data-testid="catalog-form-major"
          />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('catalog.field.name')}
          rules={rulesFromSchema(CatalogEntryCreate.properties.name, t, { required: true })}
        >
          <Input maxLength={40} showCount data-testid="catalog-form-name" />
        </Form.Item>
        {editing ? null : (
          <Alert
            type="info"
            showIcon
            title={t('catalog.codeAssigned')}
            description={
              kind === 'component' && name?.trim() ? t('catalog.componentAnomaly', { name: name.trim() }) : undefined
            }
          />
        )}
      </Form>
    </Modal>
  );
}
