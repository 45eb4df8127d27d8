/**
 * antd Form rules from the same TypeBox/JSON Schema contracts the server validates with (docs/conventions.md, "Validation"),
 * so a form rejects what the server would reject, with the catalog's words.
 */
import type { FormRule } from 'antd';
import type { Translate } from '../i18n/context.ts';

interface StringSchema {
  type?: unknown;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  anyOf?: unknown[];
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** `Nullable(String(...))` is `anyOf [string, null]`: the string member carries the limits. */
function stringPart(schema: unknown): StringSchema {
  if (!isObject(schema)) return {};
  if (Array.isArray(schema.anyOf)) {
    const member: unknown = (schema.anyOf as unknown[]).find(
      (m) => isObject(m) && m.type === 'string' && !('const' in m),
    );
    return isObject(member) ? member : {};
  }
  return schema;
}

export interface SchemaRuleOptions {
  required?: boolean;
  /** Words for the pattern ("请输入 11 位手机号码"); the generic "格式不正确" otherwise. */
  patternMessage?: string;
}

export function rulesFromSchema(schema: unknown, t: Translate, options: SchemaRuleOptions = {}): FormRule[] {
  const s = stringPart(schema);
  const rules: FormRule[] = [];
  if (options.required) rules.push({ required: true, whitespace: true, message: t('validation.required') });
  if (typeof s.minLength === 'number' && s.minLength > 1) {
    rules.push({ min: s.minLength, message: t('validation.minLength', { limit: s.minLength }) });
  }
  if (typeof s.maxLength === 'number') {
    rules.push({ max: s.maxLength, message: t('validation.maxLength', { limit: s.maxLength }) });
  }
  if (typeof s.pattern === 'string') {
    rules.push({ pattern: new RegExp(s.pattern), message: options.patternMessage ?? t('validation.pattern') });
  }
  return rules;
}
