import { DatePicker, Form, Input, InputNumber, Select, Switch } from 'antd';
import type { Rule } from 'antd/es/form';
import type { AttributeProperty, AttributeSchema } from '../../../../common/domain/assets.ts';
import { DATE_FORMAT, dateStringItem } from '../../components/dates.ts';
import { useI18n } from '../../i18n/context.ts';

/** The label of an attribute in the UI language: the type's own titles are tenant data in both languages. */
export const attributeTitle = (p: AttributeProperty, locale: string) =>
  (locale === 'en' ? p.titleEn : undefined) ?? p.title;

function rulesOf(p: AttributeProperty, required: boolean, requiredText: string): Rule[] {
  const rules: Rule[] = [];
  if (required) rules.push({ required: true, message: requiredText });
  if (p.type === 'string' && p.maxLength) rules.push({ max: p.maxLength });
  if ((p.type === 'number' || p.type === 'integer') && (p.minimum !== undefined || p.maximum !== undefined))
    rules.push({
      type: 'number',
      ...(p.minimum !== undefined ? { min: p.minimum } : {}),
      ...(p.maximum !== undefined ? { max: p.maximum } : {}),
    });
  return rules;
}

/**
 * A form for any asset type, drawn from its attribute schema (docs/assets.md, "Attribute schema"): text, a choice
 * for an enum, a number with its unit, a whole number, a switch, a date picker keeping `YYYY-MM-DD`. The rules
 * mirror the schema so most mistakes are caught before sending; the server checks again and its field errors
 * (body.attributes.<name>) land on the same inputs, because the items are named ['attributes', <name>].
 */
export function AttributeSchemaForm({
  schema,
  namePrefix = 'attributes',
}: {
  schema: AttributeSchema;
  namePrefix?: string;
}) {
  const { t, locale } = useI18n();
  const required = new Set(schema.required ?? []);
  return (
    <>
      {Object.entries(schema.properties).map(([name, p]) => {
        const label = p.unit ? `${attributeTitle(p, locale)}（${p.unit}）` : attributeTitle(p, locale);
        const common = {
          name: [namePrefix, name],
          label,
          rules: rulesOf(p, required.has(name), t('validation.required')),
        };
        const testId = `asset-attr-${name}`;
        if (p.type === 'boolean')
          return (
            <Form.Item key={name} {...common} valuePropName="checked">
              <Switch data-testid={testId} />
            </Form.Item>
          );
        if (p.type === 'string' && p.format === 'date')
          return (
            <Form.Item key={name} {...common} {...dateStringItem}>
              <DatePicker data-testid={testId} style={{ width: '100%' }} format={DATE_FORMAT} />
            </Form.Item>
          );
        if (p.type === 'string' && p.enum)
          return (
            <Form.Item key={name} {...common}>
              <Select allowClear data-testid={testId} options={p.enum.map((v) => ({ value: v, label: v }))} />
            </Form.Item>
          );
        if (p.type === 'number' || p.type === 'integer')
          return (
            <Form.Item key={name} {...common}>
              <InputNumber
                data-testid={testId}
                style={{ width: '100%' }}
                precision={p.type === 'integer' ? 0 : undefined}
                {...(p.minimum !== undefined ? { min: p.minimum } : {})}
                {...(p.maximum !== undefined ? { max: p.maximum } : {})}
              />
            </Form.Item>
          );
        return (
          <Form.Item key={name} {...common}>
            <Input data-testid={testId} maxLength={p.maxLength} />
          </Form.Item>
        );
      })}
    </>
  );
}

/** Attribute values as text for a table cell: "设计规模 150 t/d · 压缩设备 3 台". */
export function attributeSummary(
  schema: AttributeSchema | undefined,
  values: Record<string, unknown>,
  locale: string,
  yesNo: [string, string],
): string {
  return Object.entries(values)
    .map(([name, v]) => {
      const p = schema?.properties[name];
      const text = typeof v === 'boolean' ? (v ? yesNo[0] : yesNo[1]) : String(v);
      return p ? `${attributeTitle(p, locale)} ${text}${p.unit ? ` ${p.unit}` : ''}` : `${name} ${text}`;
    })
    .join(' · ');
}
