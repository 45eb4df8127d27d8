import { useEffect, useState } from 'react';
import { Col, Form, Input, InputNumber, Radio, Row, Select } from 'antd';
import type { TargetInput } from '../../../../common/contracts/targets.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { useFormSubmit } from '../../components/useFormSubmit.ts';
import { useI18n } from '../../i18n/context.ts';
import { DateItem } from '../illegal-construction/fields.tsx';
import { UnitSelect } from '../org/OrgSelects.tsx';
import { targetsApi, type ReportFigure, type TargetView } from './targets.api.ts';

type Values = Omit<TargetInput, 'figureKey' | 'measureUnit' | 'titleEn' | 'notes'> & {
  figureKey?: string | null;
  measureUnit?: string | null;
  titleEn?: string | null;
  notes?: string | null;
};

/**
 * Create a target or edit one (`target` given): a statistics figure picked from the year's figures (the same list
 * the 工作总结 inserts from) or a manual measure with its unit. Server messages land on their fields.
 */
export function TargetForm(props: {
  open: boolean;
  target: TargetView | null;
  year: number;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const { target, open } = props;
  const [figures, setFigures] = useState<ReportFigure[]>([]);
  const kind = Form.useWatch('kind', form);
  const year = Form.useWatch('year', form) ?? props.year;
  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(
      target
        ? {
            year: target.year,
            code: target.code,
            title: target.title,
            titleEn: target.titleEn,
            unitId: target.unitId,
            kind: target.kind,
            figureKey: target.figureKey,
            comparison: target.comparison,
            measureUnit: target.measureUnit,
            targetValue: target.targetValue,
            dueOn: target.dueOn,
            notes: target.notes,
          }
        : { year: props.year, kind: 'figure', comparison: 'gte', dueOn: `${props.year}-12-31` },
    );
  }, [open, target, form, props.year]);
  useEffect(() => {
    if (!open || kind !== 'figure') return;
    const ctl = new AbortController();
    targetsApi
      .figures(year, ctl.signal)
      .then((list) => setFigures(list.filter((f) => !f.key.startsWith('targets.'))))
      .catch(() => setFigures([]));
    return () => ctl.abort();
  }, [open, kind, year]);
  const { submitting, run } = useFormSubmit(form, async (v: Values) => {
    const body: TargetInput = {
      ...v,
      code: v.code.trim(),
      title: v.title.trim(),
      titleEn: v.titleEn?.trim() || null,
      figureKey: v.kind === 'figure' ? (v.figureKey ?? null) : null,
      measureUnit: v.kind === 'manual' ? v.measureUnit?.trim() || null : null,
      notes: v.notes?.trim() || null,
    };
    if (target) await targetsApi.update(target.id, body);
    else await targetsApi.create(body);
    props.onSaved();
  });
  const required = [{ required: true, message: t('validation.required') }];
  return (
    <FormModal
      open={open}
      title={target ? t('targets.form.titleEdit') : t('targets.form.titleNew')}
      onSave={() => form.submit()}
      onClose={props.onClose}
      submitting={submitting}
      testId="target-submit"
    >
      <Form<Values> form={form} layout="vertical" name="target" onFinish={(v) => void run(v)}>
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item name="year" label={t('targets.form.year')} rules={required}>
              <InputNumber min={2000} max={2100} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={16}>
            <Form.Item name="code" label={t('targets.form.code')} rules={[...required, { max: 20 }]}>
              <Input data-testid="target-code" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="title" label={t('targets.form.title')} rules={[...required, { max: 200 }]}>
          <Input data-testid="target-title" />
        </Form.Item>
        <Form.Item name="titleEn" label={t('targets.form.titleEn')} rules={[{ max: 300 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="unitId" label={t('targets.form.unit')} rules={required}>
          <UnitSelect
            knownOptions={target ? [{ value: target.unitId, label: target.unitName }] : []}
            data-testid="target-unit"
          />
        </Form.Item>
        <Form.Item name="kind" label={t('targets.form.kind')} rules={required}>
          <Radio.Group
            options={[
              { value: 'figure', label: t('targets.kind.figure') },
              { value: 'manual', label: t('targets.kind.manual') },
            ]}
          />
        </Form.Item>
        {kind === 'figure' ? (
          <Form.Item
            name="figureKey"
            label={t('targets.form.figure')}
            extra={t('targets.form.figureHint')}
            rules={required}
          >
            <Select
              showSearch
              optionFilterProp="label"
              placeholder={t('targets.form.figurePick')}
              data-testid="target-figure"
              options={figures.map((f) => ({ value: f.key, label: `${f.label}（${f.text}）` }))}
            />
          </Form.Item>
        ) : (
          <Form.Item
            name="measureUnit"
            label={t('targets.form.measureUnit')}
            extra={t('targets.form.measureUnitHint')}
            rules={[...required, { max: 20 }]}
          >
            <Input data-testid="target-measure-unit" />
          </Form.Item>
        )}
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item name="comparison" label={t('targets.form.comparison')} rules={required}>
              <Select
                options={(['gte', 'lte'] as const).map((c) => ({
                  value: c,
                  label: `${t(`targets.comparison.${c}`)} ${t(`targets.comparisonText.${c}`)}`,
                }))}
              />
            </Form.Item>
          </Col>
          <Col span={16}>
            <Form.Item
              name="targetValue"
              label={t('targets.form.targetValue')}
              extra={kind === 'figure' ? t('targets.form.targetValueMoney') : undefined}
              rules={required}
            >
              <InputNumber min={0} style={{ width: '100%' }} data-testid="target-value" />
            </Form.Item>
          </Col>
        </Row>
        <DateItem name="dueOn" label={t('targets.form.dueOn')} required testId="target-due" />
        <Form.Item name="notes" label={t('targets.form.notes')} rules={[{ max: 2000 }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
