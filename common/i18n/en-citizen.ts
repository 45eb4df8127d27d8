/** English for the parts the citizen page shows (citizen.ts): a chunk of its own, fetched when English is picked. */
import { enBase } from './en/base.ts';
import { enErrors } from './en/errors.ts';
import { enNightMarket } from './en/night-market.ts';
import { enFrontagePublic } from './en/frontage-public.ts';
import { enParticipation } from './en/participation.ts';
import { enPublic } from './en/public.ts';
import type { zhCitizen } from './citizen.ts';

export const enCitizen: typeof zhCitizen = {
  ...enBase,
  ...enErrors,
  ...enPublic,
  ...enParticipation,
  ...enNightMarket,
  ...enFrontagePublic,
};
