/**
 * The parts of the catalogs the citizen page (web/src/main-public.tsx) shows: its own texts, the participation
 * widgets, the 夜市 applications and lottery replay, the 门前三包 lists and 城管体验岗 sign-up, the shared base and the server's error messages. It registers only these, so a phone on a weak signal
 * does not download the staff console's texts. scripts/citizen-catalog.test.ts fails when a file the page imports
 * uses a key outside them.
 */
import { zhBase } from './zh-CN/base.ts';
import { zhErrors } from './zh-CN/errors.ts';
import { zhNightMarket } from './zh-CN/night-market.ts';
import { zhFrontagePublic } from './zh-CN/frontage-public.ts';
import { zhParticipation } from './zh-CN/participation.ts';
import { zhPublic } from './zh-CN/public.ts';
import type { CatalogPart } from './core.ts';

export const zhCitizen = {
  ...zhBase,
  ...zhErrors,
  ...zhPublic,
  ...zhParticipation,
  ...zhNightMarket,
  ...zhFrontagePublic,
} satisfies CatalogPart;

/** The top-level catalog keys the citizen page registers. */
export const CITIZEN_PARTS: readonly string[] = Object.keys(zhCitizen);
