/**
 * The i18n catalogs with every language registered whole up front (the server answers synchronously in either).
 * The web imports core.ts instead: each page registers the parts it shows and loads en when the user picks it.
 */
import { en } from './en.ts';
import { zhCN, type Catalog } from './zh-CN.ts';
import { registerCatalog, type Locale } from './core.ts';

export * from './core.ts';

registerCatalog('zh-CN', zhCN);
registerCatalog('en', en);
export const catalogs: Record<Locale, Catalog> = { 'zh-CN': zhCN, en };
