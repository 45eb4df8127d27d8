import { useState } from 'react';
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
  const canManage = useAuth().can('assets.manage');
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<TypeValues>();
  const { submitting, run } = useFormSubmit(form, async (v: TypeValues) => {
    let schema: AttributeSchema;
    try {
      schema = JSON.parse(v.schema) as AttributeSchema;
    } catch {
      form.setFields([{ name: 'schema', errors: [t('assets.form.schemaInvalid')] }]);
      return;
    }
    await assetsApi.createType({
      code: v.code.trim(),
      nameZh: v.nameZh.trim(),
      nameEn: v.nameEn.trim(),
      line: v.line,
      geometryKind: v.geometryKind,
      logUnit: v.logUnit ?? null,
      attributeSchema: schema,
    });
    setOpen(false);
    reload();
  });
  const required = [{ required: true, message: t('validation.required') }];
  return (
    <>
      {canManage ? (
        <Space style={{ marginBottom: 12 }}>
          <Button
            type="primary"
            onClick={() => {
              form.resetFields();
              setOpen(true);
            }}
            data-testid="asset-types-create"
          >
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
                  </Space>
                  <div>
                    <Typography.Text type="secondary">
                      {Object.entries(x.attributeSchema.properties)
                        .map(
                          ([n, p]) =>
                            `${locale === 'en' ? (p.titleEn ?? p.title) : p.title}（${t(`assets.attributeTypes.${p.type}`)}${p.unit ? `, ${p.unit}` : ''}${x.attributeSchema.required?.includes(n) ? `, ${t('assets.form.required')}` : ''}）`,
                        )
                        .join('、')}
                    </Typography.Text>
                  </div>
                </div>
              ))}
            </div>
          );
        })}
      </div>
      <FormModal
        open={open}
        title={t('assets.actions.createType')}
        onSave={() => form.submit()}
        onClose={() => setOpen(false)}
        submitting={submitting}
        testId="asset-type-submit"
      >
        <Form<TypeValues>
          form={form}
          layout="vertical"
          name="asset-type"
          onFinish={(v) => void run(v)}
          initialValues={{ schema: '{\n  "type": "object",\n  "properties": {}\n}' }}
        >
          <Form.Item name="code" label={t('assets.form.code')} rules={required}>
            <Input />
          </Form.Item>
          <Form.Item name="nameZh" label={t('assets.form.nameZh')} rules={required}>
            <Input />
          </Form.Item>
          <Form.Item name="nameEn" label={t('assets.form.nameEn')} rules={required}>
            <Input />
          </Form.Item>
          <Form.Item name="line" label={t('assets.form.line')} rules={required}>
            <Select options={ASSET_LINES.map((l) => ({ value: l, label: t(`assets.lines.${l}`) }))} />
          </Form.Item>
          <Form.Item name="geometryKind" label={t('assets.form.geometryKind')} rules={required}>
            <Select options={GEOMETRY_KINDS.map((g) => ({ value: g, label: t(`assets.geometryKinds.${g}`) }))} />
          </Form.Item>
          <Form.Item name="logUnit" label={t('assets.form.logUnit')}>
            <Select allowClear options={LOG_UNITS.map((u) => ({ value: u, label: t(`assets.logUnits.${u}`) }))} />
          </Form.Item>
          <Form.Item name="schema" label={t('assets.form.schema')} rules={required}>
            <Input.TextArea rows={8} style={{ fontFamily: 'monospace' }} />
          </Form.Item>
        </Form>
      </FormModal>
    </>
  );
}
