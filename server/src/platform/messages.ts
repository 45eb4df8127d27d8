import { zhCN } from '../../../common/i18n/zh-CN.ts';
import { en } from '../../../common/i18n/en.ts';
import { formatPlurals } from '../../../common/i18n/plural.ts';

/** Server-side messages come from the same catalogs as the console, in the language the client asked for. */
export type Locale = 'zh-CN' | 'en';

export function localeFromHeader(header: string | undefined): Locale {
  return header && /^en\b/i.test(header.trim()) ? 'en' : 'zh-CN';
}

type Tree = { readonly [key: string]: string | Tree };

function lookup(tree: Tree, key: string): string | undefined {
  let node: string | Tree | undefined = tree;
  for (const part of key.split('.')) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = node[part];
  }
  return typeof node === 'string' ? node : undefined;
}

export function translate(locale: Locale, key: string, params?: Record<string, unknown>): string | undefined {
  const template = lookup(locale === 'en' ? en : zhCN, key);
  if (template === undefined) return undefined;
  return formatPlurals(template, locale, params).replace(/\{(\w+)\}/g, (m, name: string) =>
    params && params[name] !== undefined ? String(params[name]) : m,
  );
}
