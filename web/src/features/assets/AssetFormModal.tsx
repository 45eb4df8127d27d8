import { useEffect, useState } from 'react';
import { Form, Input, Select, Typography } from 'antd';
import { ASSET_STATUSES, type AssetStatus } from '../../../../common/domain/assets.ts';
import { ApiError, isApiError } from '../../api/errors.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { useFormSubmit } from '../../components/useFormSubmit.ts';
import { useI18n } from '../../i18n/context.ts';
import { UnitSelect } from '../org/OrgSelects.tsx';
import { assetsApi, type Asset, type AssetType } from './assets.api.ts';
import { AttributeSchemaForm } from './AttributeSchemaForm.tsx';
import { GeometryField, geometryProblem, type AssetGeometryValue } from './GeometryField.tsx';
import { isStale, StaleAlert } from './StaleAlert.tsx';

interface AssetValues {
  code: string;
  name: string;
  typeCode: string;
  status?: AssetStatus;
  address?: string;
  unitId?: string | null;
  geometry?: AssetGeometryValue | null;
  attributes?: Record<string, unknown>;
}

/**
 * An error whose details name fields the form does not have as such (body.geometry.coordinates.2) put on the field
 * that does, several texts for one field joined, so the server's own words show where the person looks.
 */
export function refieldError(error: unknown, to: (field: string) => string): unknown {
  if (!isApiError(error) || !Array.isArray(error.details)) return error;
  const merged = new Map<string, { field: string; message: string; rule?: string }>();
  for (const d of error.details as { field?: unknown; message?: unknown; rule?: string }[]) {
    if (typeof d.field !== 'string') continue;
    const field = to(d.field);
    const message = typeof d.message === 'string' ? d.message : '';
    const had = merged.get(field);
    merged.set(field, had ? { ...had, message: `${had.message}；${message}` } : { field, message, rule: d.rule });
  }
  return new ApiError({
    status: error.status,
    code: error.code,
    message: error.message,
    details: [...merged.values()],
    requestId: error.requestId,
  });
}

const geometryField = (f: string) => (f.startsWith('body.geometry') || f === 'body.crs' ? 'body.geometry' : f);

/**
 * Registering or editing one asset (docs/assets.md): the same form for both, with the attribute inputs drawn from
 * the type's schema and the location drawn on the map. Code and type are fixed once registered (the API's PATCH
 * takes neither); every server error lands on its field in the server's words.
 */
export function AssetFormModal({
  target,
  types,
  onClose,
  onSaved,
}: {
  target: Asset | 'new' | null;
  types: AssetType[];
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t, locale } = useI18n();
  const [form] = Form.useForm<AssetValues>();
  // the asset as last read: the one opened, or the latest after someone else saved first (409 ASSET_STALE)
  const [latest, setLatest] = useState<{ of: Asset; asset: Asset } | null>(null);
  const [stale, setStale] = useState(false);
  const opened = target && target !== 'new' ? target : null;
  const editing = opened && latest?.of === opened ? latest.asset : opened;
  const typeCode = Form.useWatch('typeCode', form) ?? editing?.typeCode;
  const type = types.find((x) => x.code === typeCode);
  const kind = type?.geometryKind ?? editing?.geometryKind ?? 'point';
  useEffect(() => {
    setStale(false);
    if (!target) return;
    form.resetFields();
    if (editing)
      form.setFieldsValue({
        code: editing.code,
        name: editing.name,
        typeCode: editing.typeCode,
        status: editing.status,
        address: editing.address ?? undefined,
        unitId: editing.unitId,
        geometry: editing.geometry as AssetGeometryValue,
        attributes: editing.attributes,
      });
  }, [target, editing, form]);
  const { submitting, run } = useFormSubmit(
    form,
    async (v: AssetValues) => {
      const attributes = Object.fromEntries(
        Object.entries(v.attributes ?? {}).filter(([, x]) => x !== undefined && x !== null && x !== ''),
      );
      const common = {
        name: v.name.trim(),
        geometry: v.geometry as AssetGeometryValue,
        address: v.address?.trim() || null,
        unitId: v.unitId ?? null,
        attributes,
      };
      try {
        if (editing)
          await assetsApi.update(editing.id, {
            ...common,
            status: v.status ?? editing.status,
            version: editing.version,
          });
        else await assetsApi.create({ ...common, code: v.code.trim(), typeCode: v.typeCode });
      } catch (error) {
        if (isStale(error, 'ASSET_STALE')) {
          setStale(true);
          return;
        }
        throw refieldError(error, geometryField);
      }
      onSaved();
    },
    { detailTexts: true },
  );
  const required = [{ required: true, message: t('validation.required') }];
  return (
    <FormModal
      open={target !== null}
      title={editing ? `${t('assets.actions.edit')} · ${editing.code}` : t('assets.actions.create')}
      onSave={() => form.submit()}
      onClose={onClose}
      submitting={submitting}
      testId="asset-submit"
    >
      {stale && editing ? (
        <StaleAlert
          code="ASSET_STALE"
          onReload={() =>
            void assetsApi.item(editing.id).then(
              (asset) => opened && setLatest({ of: opened, asset }),
              () => undefined,
            )
          }
        />
      ) : null}
      <Form<AssetValues> form={form} layout="vertical" name="asset" onFinish={(v) => void run(v)}>
        <Form.Item
          name="typeCode"
          label={t('assets.form.type')}
          rules={required}
          extra={editing ? t('assets.form.codeFixed') : undefined}
        >
          <Select
            data-testid="asset-type"
            disabled={!!editing}
            showSearch
            optionFilterProp="label"
            onChange={() => form.setFieldValue('geometry', null)}
            options={types.map((x) => ({
              value: x.code,
              label: `${t(`assets.lines.${x.line}`)} · ${locale === 'en' ? x.nameEn : x.nameZh}`,
            }))}
          />
        </Form.Item>
        <Form.Item
          name="code"
          label={t('assets.form.code')}
          rules={[
            ...required,
            { pattern: /^[A-Za-z0-9][A-Za-z0-9_.-]*$/, message: t('validation.pattern') },
            { max: 40 },
          ]}
        >
          <Input data-testid="asset-code" disabled={!!editing} />
        </Form.Item>
        <Form.Item name="name" label={t('assets.form.name')} rules={[...required, { max: 80 }]}>
          <Input data-testid="asset-name" />
        </Form.Item>
        {editing ? (
          <Form.Item name="status" label={t('assets.form.status')} rules={required}>
            <Select
              data-testid="asset-status"
              options={ASSET_STATUSES.map((s) => ({ value: s, label: t(`assets.statuses.${s}`) }))}
            />
          </Form.Item>
        ) : null}
        <Form.Item name="address" label={t('assets.form.address')} rules={[{ max: 120 }]}>
          <Input data-testid="asset-address" />
        </Form.Item>
        <Form.Item name="unitId" label={t('assets.columns.unit')}>
          <UnitSelect
            allowClear
            knownOptions={
              editing?.unitId && editing.unitName ? [{ value: editing.unitId, label: editing.unitName }] : []
            }
          />
        </Form.Item>
        <Form.Item
          name="geometry"
          label={t('assets.form.geometryOf', { kind: t(`assets.geometryKinds.${kind}`) })}
          rules={[
            {
              validator: async (_, g: AssetGeometryValue | null | undefined) => {
                const problem = geometryProblem(kind, g);
                if (problem) throw new Error(t(`assets.form.geometryTooShort.${problem}`));
              },
            },
          ]}
        >
          <GeometryField key={kind} kind={kind} />
        </Form.Item>
        {type ? (
          <>
            <Typography.Text strong>{t('assets.form.attributes')}</Typography.Text>
            <AttributeSchemaForm schema={type.attributeSchema} />
          </>
        ) : null}
      </Form>
    </FormModal>
  );
}
