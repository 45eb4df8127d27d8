import { useEffect, useRef, useState } from 'react';
import { Button, Form, Input, Select, Space, Tag, Typography } from 'antd';
import {
  ASSET_LINES,
  GEOMETRY_KINDS,
  LOG_UNITS,
  type AssetLine,
  type AttributeSchema,
  type GeometryKind,
  type LogUnit,
} from '../../../../common/domain/assets.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { useFormSubmit } from '../../components/useFormSubmit.ts';
import { useI18n } from '../../i18n/context.ts';
import { useAuth } from '../auth/context.ts';
import { assetsApi, type AssetType } from './assets.api.ts';
import { refieldError } from './AssetFormModal.tsx';
import { kindOf } from './attribute-fields.ts';
import { AttributeSchemaItem, type SchemaEditorHandle } from './AttributeSchemaEditor.tsx';
import { attributeTitle } from './AttributeSchemaForm.tsx';
import { isStale, StaleAlert } from './StaleAlert.tsx';

interface TypeValues {
  code: string;
  nameZh: string;
  nameEn: string;
  line: AssetLine;
  geometryKind: GeometryKind;
  logUnit?: LogUnit | null;
  schema: string;
}

export function TypeList({ types, reload }: { types: AssetType[]; reload: () => void }) {
  const { t, locale } = useI18n();
  // each attribute with the kind the editor calls it (a list of values is 单选, not 文字), its unit, and required
  const schemaSummary = (schema: AttributeSchema) => {
    const en = locale === 'en';
    return Object.entries(schema.properties)
      .map(([n, p]) => {
        const notes = [t(`assets.attributeTypes.${kindOf(p) ?? 'text'}`)];
        if (p.unit) notes.push(p.unit);
        if (schema.required?.includes(n)) notes.push(t('assets.form.required'));
        return en ? `${attributeTitle(p, locale)} (${notes.join(', ')})` : `${p.title}（${notes.join('，')}）`;
      })
      .join(en ? '; ' : '、');
  };
  const canManage = useAuth().can('assets.manage');
  // null: closed; 'new': a new type; a type: editing it (names, daily log unit and attribute schema)
  const [target, setTarget] = useState<AssetType | 'new' | null>(null);
  const editing = target && target !== 'new' ? target : null;
  const [form] = Form.useForm<TypeValues>();
  const schemaEditor = useRef<SchemaEditorHandle>(null);
  // someone else saved the type first (409 ASSET_TYPE_STALE): the list is read again and the form takes the latest
  const [stale, setStale] = useState<'refused' | 'reloading' | null>(null);
  const openWith = (next: AssetType | 'new') => {
    setStale(null);
    form.resetFields();
    if (next !== 'new')
      form.setFieldsValue({
        code: next.code,
        nameZh: next.nameZh,
        nameEn: next.nameEn,
        line: next.line,
        geometryKind: next.geometryKind,
        logUnit: next.logUnit,
        schema: JSON.stringify(next.attributeSchema, null, 2),
      });
    setTarget(next);
  };
  const { submitting, run } = useFormSubmit(
    form,
    async (v: TypeValues) => {
      let schema: AttributeSchema;
      try {
        schema = JSON.parse(v.schema) as AttributeSchema;
      } catch (err) {
        form.setFields([{ name: 'schema', errors: [`${t('assets.form.schemaInvalid')}：${(err as Error).message}`] }]);
        return;
      }
      const names = { nameZh: v.nameZh.trim(), nameEn: v.nameEn.trim(), logUnit: v.logUnit ?? null };
      try {
        if (editing)
          await assetsApi.updateType(editing.id, { ...names, attributeSchema: schema, version: editing.version });
        else
          await assetsApi.createType({
            ...names,
            code: v.code.trim(),
            line: v.line,
            geometryKind: v.geometryKind,
            attributeSchema: schema,
          });
      } catch (error) {
        if (isStale(error, 'ASSET_TYPE_STALE')) {
          setStale('refused');
          return;
        }
        // a schema problem naming a property goes to its row; the others under the editor
        const rest = schemaEditor.current?.place(error) ?? error;
        throw refieldError(rest, (f) => (f.startsWith('body.attributeSchema') ? 'body.schema' : f));
      }
      setTarget(null);
      reload();
    },
    { detailTexts: true },
  );
  const required = [{ required: true, message: t('validation.required') }];
  useEffect(() => {
    if (stale !== 'reloading' || !editing) return;
    const fresh = types.find((x) => x.id === editing.id);
    if (fresh && fresh !== editing) openWith(fresh);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only a new list after the reload opens the type again
  }, [types]);
  return (
    <>
      {canManage ? (
        <Space style={{ marginBottom: 12 }}>
          <Button type="primary" onClick={() => openWith('new')} data-testid="asset-types-create">
            {t('assets.actions.createType')}
          </Button>
        </Space>
      ) : null}
      <div data-testid="asset-types">
        {ASSET_LINES.map((line) => {
          const ofLine = types.filter((x) => x.line === line);
          if (!ofLine.length) return null;
          return (
            <div key={line} style={{ marginBottom: 16 }}>
              <Typography.Title level={5}>{t(`assets.lines.${line}`)}</Typography.Title>
              {ofLine.map((x) => (
                <div key={x.id} style={{ marginBottom: 8 }}>
                  <Space wrap>
                    <Typography.Text strong>{locale === 'en' ? x.nameEn : x.nameZh}</Typography.Text>
                    <Typography.Text type="secondary">{x.code}</Typography.Text>
                    <Tag>{t(`assets.geometryKinds.${x.geometryKind}`)}</Tag>
                    {x.logUnit ? (
                      <Tag color="blue">{`${t('assets.columns.logUnit')}：${t(`assets.logUnits.${x.logUnit}`)}`}</Tag>
                    ) : null}
                    <Typography.Text>{`${t('assets.columns.assetCount')} ${x.assetCount}`}</Typography.Text>
                    {canManage ? (
                      <Button
                        type="link"
                        size="small"
                        onClick={() => openWith(x)}
                        data-testid={`asset-type-edit-${x.code}`}
                      >
                        {t('assets.actions.editType')}
                      </Button>
                    ) : null}
                  </Space>
                  <div>
                    <Typography.Text type="secondary" data-testid={`asset-type-attributes-${x.code}`}>
                      {schemaSummary(x.attributeSchema)}
                    </Typography.Text>
                  </div>
                </div>
              ))}
            </div>
          );
        })}
      </div>
      <FormModal
        open={target !== null}
        title={editing ? `${t('assets.actions.editType')} · ${editing.code}` : t('assets.actions.createType')}
        onSave={() => form.submit()}
        onClose={() => setTarget(null)}
        submitting={submitting}
        testId="asset-type-submit"
        width={960}
      >
        {stale && editing ? (
          <StaleAlert
            code="ASSET_TYPE_STALE"
            onReload={() => {
              setStale('reloading');
              reload();
            }}
          />
        ) : null}
        <Form<TypeValues>
          form={form}
          layout="vertical"
          name="asset-type"
          onFinish={(v) => void run(v)}
          initialValues={{ schema: '{\n  "type": "object",\n  "properties": {}\n}' }}
        >
          <Form.Item
            name="code"
            label={t('assets.form.code')}
            rules={required}
            extra={editing ? t('assets.form.codeFixed') : undefined}
          >
            <Input disabled={!!editing} data-testid="asset-type-code" />
          </Form.Item>
          <Form.Item name="nameZh" label={t('assets.form.nameZh')} rules={required}>
            <Input data-testid="asset-type-name-zh" />
          </Form.Item>
          <Form.Item name="nameEn" label={t('assets.form.nameEn')} rules={required}>
            <Input data-testid="asset-type-name-en" />
          </Form.Item>
          <Form.Item name="line" label={t('assets.form.line')} rules={required}>
            <Select
              disabled={!!editing}
              options={ASSET_LINES.map((l) => ({ value: l, label: t(`assets.lines.${l}`) }))}
            />
          </Form.Item>
          <Form.Item name="geometryKind" label={t('assets.form.geometryKind')} rules={required}>
            <Select
              disabled={!!editing}
              options={GEOMETRY_KINDS.map((g) => ({ value: g, label: t(`assets.geometryKinds.${g}`) }))}
            />
          </Form.Item>
          <Form.Item name="logUnit" label={t('assets.form.logUnit')}>
            <Select allowClear options={LOG_UNITS.map((u) => ({ value: u, label: t(`assets.logUnits.${u}`) }))} />
          </Form.Item>
          <AttributeSchemaItem
            name="schema"
            label={t('assets.form.schema')}
            extra={editing ? t('assets.form.schemaHelp') : undefined}
            handle={schemaEditor}
          />
        </Form>
      </FormModal>
    </>
  );
}
