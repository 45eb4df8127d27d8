/**
 * English catalog, composed of one file per module under `en/`. Each module file is typed against its zh-CN twin
 * and this object against the whole zh-CN shape, so a missing or extra key fails the typecheck.
 */
import type { Catalog } from './zh-CN.ts';
import { enBase } from './en/base.ts';
import { enCalendar } from './en/calendar.ts';
import { enCases } from './en/cases.ts';
import { enCatalog } from './en/catalog.ts';
import { enErrors } from './en/errors.ts';
import { enH5 } from './en/h5.ts';
import { enMap } from './en/map.ts';
import { enOrg } from './en/org.ts';

export const en: Catalog = {
  ...enBase,
  ...enOrg,
  ...enErrors,
  ...enCatalog,
  ...enCalendar,
  ...enMap,
  ...enH5,
  ...enCases,
};
