import { useEffect } from 'react';
import { Form, Input, InputNumber, Modal, Radio, Select, Switch } from 'antd';
import { MATTER_MAJOR_CLASSES } from '../../../../common/domain/catalog.ts';
import { tryT } from '../../../../common/i18n/core.ts';
import { useFormSubmit } from '../../components/useFormSubmit.ts';
import { useI18n } from '../../i18n/context.ts';
import { MatterPicker, UnitPicker } from '../cases/CaseSelects.tsx';
import { RegionSelect } from '../org/OrgSelects.tsx';
import { routingApi, type RoutingRule, type RoutingRuleUpdate } from './routing.api.ts';

export type RuleKind = 'matter' | 'major' | 'region' | 'fallback';

interface Values {
  kind: RuleKind;
  matterCode?: string | null;
  majorCode?: string | null;
  regionId?: string | null;
  unitId?: string | null;
  priority?: number;
  active?: boolean;
  note?: string;
}

interface Props {
  target: RoutingRule | 'new' | null;
  onClose: () => void;
  onSaved: () => void;
  /** the city has its one fallback rule already: a new rule cannot be another */
  fallbackExists?: boolean;
}

export const kindOf = (r: Pick<RoutingRule, 'matterCode' | 'majorCode' | 'regionId'>): RuleKind =>
  r.matterCode ? 'matter' : r.majorCode ? 'major' : r.regionId ? 'region' : 'fallback';

/** Create or edit a routing rule: what it applies to (matter, major class, region only, or the fallback) → unit. */
export function RoutingRuleModal({ target, onClose, onSaved, fallbackExists = false }: Props) {
  const { t, locale } = useI18n();
  const [form] = Form.useForm<Values>();
  const editing = target !== null && target !== 'new' ? target : null;
  const kind = Form.useWatch('kind', form) ?? 'matter';

  useEffect(() => {
    if (target === 'new')
      form.setFieldsValue({
        kind: 'matter',
        matterCode: null,
        majorCode: null,
        regionId: null,
        unitId: null,
        priority: 0,
        active: true,
        note: '',
      });
    else if (target) {
      form.setFieldsValue({
        kind: kindOf(target),
        matterCode: target.matterCode,
        majorCode: target.majorCode,
        regionId: target.regionId,
        unitId: target.unitId,
        priority: target.priority,
        active: target.active,
        note: target.note ?? '',
      });
    }
  }, [target, form]);

  const { submitting, run } = useFormSubmit(form, async (v: Values) => {
    const fields = {
      matterCode: v.kind === 'matter' ? (v.matterCode ?? null) : null,
      majorCode: v.kind === 'major' ? (v.majorCode ?? null) : null,
      regionId: v.kind === 'fallback' ? null : (v.regionId ?? null),
      unitId: v.unitId ?? '',
      priority: v.priority ?? 0,
      active: v.active ?? true,
      note: v.note?.trim() ? v.note.trim() : null,
    };
    if (editing) {
      const patch: RoutingRuleUpdate = {};
      if (fields.matterCode !== editing.matterCode) patch.matterCode = fields.matterCode;
      if (fields.majorCode !== editing.majorCode) patch.majorCode = fields.majorCode;
      if (fields.regionId !== editing.regionId) patch.regionId = fields.regionId;
      if (fields.unitId !== editing.unitId) patch.unitId = fields.unitId;
      if (fields.priority !== editing.priority) patch.priority = fields.priority;
      if (fields.active !== editing.active) patch.active = fields.active;
      if (fields.note !== editing.note) patch.note = fields.note;
      if (Object.keys(patch).length) await routingApi.updateRule(editing.id, patch);
    } else {
      await routingApi.createRule(fields);
    }
    onSaved();
  });

  const required = [{ required: true, message: t('validation.required') }];
  const majors = Object.keys(MATTER_MAJOR_CLASSES)
    .sort()
    .map((code) => ({
      value: code,
      label: `${code} ${tryT(locale, `catalog.majors.matter.${code}`) ?? code}`,
    }));

  return (
    <Modal
      open={target !== null}
      title={editing ? t('routing.edit') : t('routing.create')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      okButtonProps={{ loading: submitting, 'data-testid': 'routing-form-submit' }}
      destroyOnHidden
      data-testid="routing-form-modal"
    >
      <Form<Values> form={form} layout="vertical" name="routing-rule" onFinish={(v) => void run(v)}>
        <Form.Item name="kind" label={t('routing.field.kind')}>
          <Radio.Group
            optionType="button"
            options={(['matter', 'major', 'region', 'fallback'] as const).map((k) => ({
              value: k,
              label: t(`routing.kind.${k}`),
              disabled: k === 'fallback' && fallbackExists && editing?.level !== 'fallback',
            }))}
            data-testid="routing-form-kind"
          />
        </Form.Item>
        {kind === 'matter' ? (
          <Form.Item name="matterCode" label={t('routing.field.matter')} rules={required}>
            <MatterPicker
              knownOptions={
                editing?.matterCode
                  ? [{ value: editing.matterCode, label: `${editing.matterCode} ${editing.matterName ?? ''}` }]
                  : []
              }
              placeholder={t('cases.form.matterPlaceholder')}
              data-testid="routing-form-matter"
            />
          </Form.Item>
        ) : null}
        {kind === 'major' ? (
          <Form.Item name="majorCode" label={t('routing.field.major')} rules={required}>
            <Select options={majors} data-testid="routing-form-major" />
          </Form.Item>
        ) : null}
        {kind !== 'fallback' ? (
          <Form.Item
            name="regionId"
            label={t('routing.field.region')}
            rules={kind === 'region' ? required : []}
            extra={kind === 'region' ? undefined : t('routing.anyRegion')}
          >
            <RegionSelect
              knownOptions={
                editing?.regionId ? [{ value: editing.regionId, label: editing.regionName ?? editing.regionId }] : []
              }
              data-testid="routing-form-region"
            />
          </Form.Item>
        ) : null}
        <Form.Item name="unitId" label={t('routing.field.unit')} rules={required}>
          <UnitPicker
            knownOptions={editing ? [{ value: editing.unitId, label: editing.unitName }] : []}
            data-testid="routing-form-unit"
          />
        </Form.Item>
        <Form.Item name="priority" label={t('routing.field.priority')} extra={t('routing.priorityHint')}>
          <InputNumber
            min={-1000}
            max={1000}
            precision={0}
            style={{ width: 160 }}
            data-testid="routing-form-priority"
          />
        </Form.Item>
        <Form.Item name="active" label={t('routing.field.active')} valuePropName="checked">
          <Switch data-testid="routing-form-active" />
        </Form.Item>
        <Form.Item
          name="note"
          label={t('routing.field.note')}
          rules={[{ max: 200, message: t('validation.maxLength', { limit: 200 }) }]}
        >
          <Input maxLength={200} data-testid="routing-form-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
