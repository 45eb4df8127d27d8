/**
 * Message catalogs shared by server and web (docs/conventions.md, "i18n"): zh-CN is the default, en is complete.
 * Labels are looked up here at render time, never stored. Server error messages live under `errors.<CODE>`.
 * This file holds no catalog of its own: catalogs are registered (registerCatalog). index.ts registers both whole
 * for the server and the tests; each web page registers the parts it shows (web/src/i18n/load-locale.ts), so the
 * citizen page does not carry the staff console's texts.
 */
import type { Catalog } from './zh-CN.ts';
import { formatPlurals } from './plural.ts';

export type { Catalog };
/** Some of a catalog's top-level parts (a module's texts), as one page registers them. */
export type CatalogPart = Partial<Catalog>;
export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'zh-CN';

/** Dotted path of every leaf of the catalog, e.g. `errors.AUTH_LOCKED`, `roles.inspector`. */
export type MessageKey = LeafPaths<Catalog>;
type LeafPaths<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : LeafPaths<T[K], `${P}${K}.`>;
}[keyof T & string];

export type MessageParams = Record<string, string | number | null | undefined>;

interface CatalogTree {
  [key: string]: string | CatalogTree;
}

/** Flattens a nested catalog to `{ 'a.b.c': text }`. Exported for the key-equality test. */
export function flattenCatalog(
  tree: CatalogTree,
  prefix = '',
  out: Record<string, string> = {},
): Record<string, string> {
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out[path] = value;
    else flattenCatalog(value, path, out);
  }
  return out;
}

const flat: Partial<Record<Locale, Record<string, string>>> = {};

/**
 * Makes (parts of) a language's catalog available to t(), beside what was registered before; until then its keys
 * answer in zh-CN.
 */
export function registerCatalog(locale: Locale, catalog: CatalogPart): void {
  flat[locale] = { ...flat[locale], ...flattenCatalog(catalog) };
}

export function hasCatalog(locale: Locale): boolean {
  return flat[locale] !== undefined;
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** Picks a supported locale from an Accept-Language header (`en-US,en;q=0.9` → `en`); zh-CN when nothing fits. */
export function resolveLocale(acceptLanguage: string | null | undefined): Locale {
  if (!acceptLanguage) return DEFAULT_LOCALE;
  const ranked = acceptLanguage
    .split(',')
    .map((part, index) => {
      const [tag = '', ...attrs] = part.trim().split(';');
      const q = attrs.map((a) => a.trim()).find((a) => a.startsWith('q='));
      return { tag: tag.toLowerCase(), q: q ? Number(q.slice(2)) || 0 : 1, index };
    })
    .filter((entry) => entry.tag && entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { tag } of ranked) {
    if (tag.startsWith('zh')) return 'zh-CN';
    if (tag.startsWith('en')) return 'en';
  }
  return DEFAULT_LOCALE;
}

export function hasMessage(key: string): key is MessageKey {
  return key in (flat[DEFAULT_LOCALE] ?? {});
}

function interpolate(text: string, params?: MessageParams, locale: Locale = DEFAULT_LOCALE): string {
  if (!params) return text;
  return formatPlurals(text, locale, params).replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined || value === null ? whole : String(value);
  });
}

/**
 * Translates a key; falls back to zh-CN, then to the key itself. `{name}` placeholders take `params.name`;
 * `{count, plural, one {# case} other {# cases}}` picks the branch by the locale's plural rules (plural.ts).
 */
export function t(locale: Locale, key: MessageKey, params?: MessageParams): string {
  const own = flat[locale]?.[key];
  return interpolate(own ?? flat[DEFAULT_LOCALE]?.[key] ?? key, params, own !== undefined ? locale : DEFAULT_LOCALE);
}

/** For keys built at run time (`errors.${code}`, `roles.${role}`): undefined when the catalog lacks the key. */
export function tryT(locale: Locale, key: string, params?: MessageParams): string | undefined {
  return hasMessage(key) ? t(locale, key, params) : undefined;
}
