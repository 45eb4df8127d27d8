/**
 * An asset's attributes checked against its type's schema (docs/assets.md, "Attribute schema"). The schema is a
 * subset of JSON Schema (common/domain/assets.ts) compiled by ajv, the validator Fastify already uses for every
 * request; each failure becomes one field-level issue naming the attribute (`body.attributes.capacity`) with a text
 * from the catalogs, so the console shows it under the attribute's own input.
 */
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import type { AttributeSchema } from '../../../../common/domain/assets.ts';
import { isValidDate } from '../../../../common/domain/kpi.ts';
import { withMessage } from '../../platform/errors.ts';
import type { FieldIssue } from './assets.errors.ts';

const ajv = new Ajv({ allErrors: true, strict: false, coerceTypes: false });
// Display-only keywords of the subset: known to ajv so the schema compiles, with no effect on validation.
ajv.addKeyword({ keyword: 'unit', schemaType: 'string' });
ajv.addKeyword({ keyword: 'titleEn', schemaType: 'string' });
// A date attribute is a real calendar day (2024-02-30 is refused), the same rule as the API's own date fields.
ajv.addFormat('date', { type: 'string', validate: isValidDate });

/** Compiled validators by schema text; a type's schema changes rarely and is the same text until it does. */
const compiled = new Map<string, ValidateFunction>();
const MAX_CACHED = 500;

function validatorOf(schemaText: string): ValidateFunction {
  let v = compiled.get(schemaText);
  if (!v) {
    const schema = JSON.parse(schemaText) as AttributeSchema;
    // Attributes outside the schema are refused: a typo must not be stored silently beside the real field.
    v = ajv.compile({ ...schema, additionalProperties: false });
    if (compiled.size >= MAX_CACHED) compiled.clear();
    compiled.set(schemaText, v);
  }
  return v;
}

function issueOf(schema: AttributeSchema, e: ErrorObject, base: string): FieldIssue {
  const missing = e.keyword === 'required' ? String((e.params as { missingProperty: string }).missingProperty) : null;
  const extra =
    e.keyword === 'additionalProperties'
      ? String((e.params as { additionalProperty: string }).additionalProperty)
      : null;
  const name = missing ?? extra ?? e.instancePath.split('/')[1] ?? '';
  const p = schema.properties[name];
  const params = {
    name,
    title: p?.title ?? name,
    unit: p?.unit ?? '',
    limit: (e.params as { limit?: unknown }).limit ?? '',
    values: p?.enum?.join('、') ?? '',
    type: p?.type ?? '',
  };
  const field = `${base}.${name}`;
  // a date that is no text, or text that is no calendar day, gets the one message that shows the format
  if (p?.format === 'date' && (e.keyword === 'format' || e.keyword === 'type'))
    return withMessage({ field, rule: 'date' }, 'details.assetAttr.date', params);
  switch (e.keyword) {
    case 'required':
      return withMessage({ field, rule: 'required' }, 'details.assetAttr.required', params);
    case 'additionalProperties':
      return withMessage({ field, rule: 'unknown' }, 'details.assetAttr.unknown', params);
    case 'minimum':
    case 'maximum':
    case 'maxLength':
    case 'enum':
      return withMessage({ field, rule: e.keyword }, `details.assetAttr.${e.keyword}`, params);
    default:
      return withMessage({ field, rule: 'type' }, `details.assetAttr.type.${p?.type ?? 'string'}`, params);
  }
}

/** The issues of `attributes` under `schemaText`, at most one per attribute; empty when valid. */
export function attributeIssues(schemaText: string, attributes: unknown, base = 'body.attributes'): FieldIssue[] {
  const validate = validatorOf(schemaText);
  if (validate(attributes)) return [];
  const schema = JSON.parse(schemaText) as AttributeSchema;
  const seen = new Set<string>();
  const out: FieldIssue[] = [];
  for (const e of validate.errors ?? []) {
    const issue = issueOf(schema, e, base);
    if (seen.has(issue.field)) continue;
    seen.add(issue.field);
    out.push(issue);
  }
  return out;
}
