import { useCallback, useEffect, useState } from 'react';
import { Button, Checkbox, Form, Input, InputNumber, Space, Switch, Table, Tag } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import type { ApprovalTypeInput } from '../../../../common/contracts/approvals.ts';
import { approvalTypeName } from '../../../../common/domain/approvals.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { LoadError } from '../../components/LoadError.tsx';
import { useFormSubmit } from '../../components/useFormSubmit.ts';
import { useI18n } from '../../i18n/context.ts';
import { useAuth } from '../auth/context.ts';
import { apApi, type ApprovalType } from './ap.api.ts';

/** A type's name, limits and checklist; its code is fixed once saved (registers are wired by it). */
function TypeModal(props: { target: ApprovalType | 'new' | null; onClose: () => void; onSaved: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<ApprovalTypeInput>();
  const editing = props.target !== null && props.target !== 'new' ? props.target : null;
  useEffect(() => {
    if (props.target === null) return;
    form.resetFields();
    if (editing) form.setFieldsValue({ ...editing });
  }, [props.target, editing, form]);
  const { submitting, run } = useFormSubmit(form, async (v: ApprovalTypeInput) => {
    const body = { ...v, name: v.name.trim(), active: v.active ?? true };
    if (editing) await apApi.updateType(editing.id, body);
    else await apApi.createType(body);
    props.onSaved();
  });
  const required = [{ required: true, message: t('validation.required') }];
  const code = [...required, { pattern: /^[a-z][a-z0-9_]*$/, message: t('validation.pattern') }];
  return (
    <FormModal
      open={props.target !== null}
      title={editing ? editing.name : t('approvals.action.newType')}
      onSave={() => form.submit()}
      onClose={props.onClose}
      submitting={submitting}
      testId="ap-type-submit"
    >
      <Form<ApprovalTypeInput> form={form} layout="vertical" name="ap-type" onFinish={(v) => void run(v)}>
        <Form.Item name="code" label={t('approvals.field.code')} rules={code}>
          <Input disabled={editing !== null} data-testid="ap-type-code" />
        </Form.Item>
        <Form.Item name="name" label={t('approvals.field.type')} rules={[...required, { max: 40 }]}>
          <Input data-testid="ap-type-name" />
        </Form.Item>
        <Space>
          <Form.Item name="promisedDays" label={t('approvals.field.promisedDays')} rules={required}>
            <InputNumber min={1} max={60} />
          </Form.Item>
          <Form.Item name="statutoryDays" label={t('approvals.field.statutoryDays')} rules={required} initialValue={20}>
            <InputNumber min={1} max={60} />
          </Form.Item>
          <Form.Item name="active" label={t('approvals.field.active')} valuePropName="checked" initialValue={true}>
            <Switch />
          </Form.Item>
        </Space>
        <Form.List name="materials" initialValue={[{ code: 'application_form', name: '', required: true }]}>
          {(fields, { add, remove }) => (
            <Form.Item label={t('approvals.field.materials')} required>
              {fields.map((f) => (
                <Space key={f.key} align="baseline">
                  <Form.Item name={[f.name, 'code']} rules={code}>
                    <Input placeholder={t('approvals.field.code')} style={{ width: 130 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'name']} rules={[...required, { max: 60 }]}>
                    <Input placeholder={t('approvals.field.materialName')} style={{ width: 200 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'required']} valuePropName="checked" initialValue={true}>
                    <Checkbox>{t('approvals.material.required')}</Checkbox>
                  </Form.Item>
                  {fields.length > 1 ? <MinusCircleOutlined onClick={() => remove(f.name)} /> : null}
                </Space>
              ))}
              <Button
                type="dashed"
                icon={<PlusOutlined />}
                onClick={() => add({ code: '', name: '', required: true })}
                block
              >
                {t('approvals.action.addMaterial')}
              </Button>
            </Form.Item>
          )}
        </Form.List>
      </Form>
    </FormModal>
  );
}

/** The application types with their promised and statutory limits and their materials checklists. */
export function TypesTab() {
  const { t, locale } = useI18n();
  const canManage = useAuth().can('approval.manage');
  const [types, setTypes] = useState<ApprovalType[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [target, setTarget] = useState<ApprovalType | 'new' | null>(null);
  const load = useCallback((signal?: AbortSignal) => {
    apApi.types(signal).then(
      (r) => setTypes(r.items),
      (e: unknown) => !signal?.aborted && setError(e),
    );
  }, []);
  useEffect(() => {
    const abort = new AbortController();
    load(abort.signal);
    return () => abort.abort();
  }, [load]);
  if (error) return <LoadError error={error} />;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {canManage ? (
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setTarget('new')} data-testid="ap-type-create">
          {t('approvals.action.newType')}
        </Button>
      ) : null}
      <Table<ApprovalType>
        data-testid="ap-types"
        size="small"
        loading={types === null}
        rowKey={(x) => x.id}
        dataSource={types ?? []}
        pagination={false}
        scroll={{ x: true }}
        columns={[
          {
            title: t('approvals.field.type'),
            key: 'name',
            render: (_, x) => (
              <>
                {approvalTypeName(locale, x)}{' '}
                {x.hasRegister ? <Tag color="blue">{t('approvals.hasRegister')}</Tag> : null}
                {x.active ? null : <Tag>{t('approvals.inactive')}</Tag>}
              </>
            ),
          },
          {
            title: t('approvals.field.promisedDays'),
            key: 'promised',
            render: (_, x) => t('approvals.days', { count: x.promisedDays }),
          },
          {
            title: t('approvals.field.statutoryDays'),
            key: 'statutory',
            render: (_, x) => t('approvals.days', { count: x.statutoryDays }),
          },
          {
            title: t('approvals.field.materials'),
            key: 'materials',
            render: (_, x) =>
              x.materials.map((m) => (
                <Tag key={m.code} bordered={m.required}>
                  {m.name}
                </Tag>
              )),
          },
          ...(canManage
            ? [
                {
                  title: t('common.actions'),
                  key: 'actions',
                  render: (_: unknown, x: ApprovalType) => (
                    <Button
                      type="link"
                      size="small"
                      onClick={() => setTarget(x)}
                      data-testid={`ap-type-edit-${x.code}`}
                    >
                      {t('common.edit')}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      <TypeModal
        target={target}
        onClose={() => setTarget(null)}
        onSaved={() => {
          setTarget(null);
          load();
        }}
      />
    </Space>
  );
}
