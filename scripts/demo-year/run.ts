import type { DemoApi } from './api.ts';
import { compare, composeYear } from './compose.ts';
import type { LoadOptions, Loader } from './loaders/common.ts';
import { approvalsLoader } from './loaders/approvals.ts';
import { campaignsLoader } from './loaders/campaigns.ts';
import { gasSafetyLoader } from './loaders/gas-safety.ts';
import { enforcementLoader } from './loaders/enforcement.ts';
import { complaintsLoader } from './loaders/complaints.ts';
import { illegalConstructionLoader } from './loaders/illegal-construction.ts';
import { nightMarketLoader } from './loaders/night-market.ts';
import { outdoorAdsLoader } from './loaders/outdoor-ads.ts';
import { projectsLoader } from './loaders/projects.ts';
import { proposalsLoader } from './loaders/proposals.ts';
import { yellowLineLoader } from './loaders/yellow-line.ts';
import { drainageLoader } from './loaders/drainage.ts';
import { municipalLoader } from './loaders/municipal.ts';
import { muckLoader } from './loaders/muck.ts';
import { parksLoader } from './loaders/parks.ts';
import { sanitationLoader } from './loaders/sanitation.ts';
import { MANIFEST_2023, type ManifestFigure } from './manifest.ts';

export const LOADERS: readonly Loader[] = [
  illegalConstructionLoader,
  outdoorAdsLoader,
  campaignsLoader,
  projectsLoader,
  approvalsLoader,
  yellowLineLoader,
  proposalsLoader,
  nightMarketLoader,
  gasSafetyLoader,
  enforcementLoader,
  sanitationLoader,
  parksLoader,
  municipalLoader,
  drainageLoader,
  muckLoader,
  complaintsLoader,
];

/** The manifests by year: only the year of the bureau's report exists. */
export const MANIFESTS: Record<number, readonly ManifestFigure[]> = { 2023: MANIFEST_2023 };

/**
 * Loads the year's records through the API (the loaders named, or all), composes the 工作总结 and compares each
 * figure of the manifest with the document's. The manifest is cut to the figures of the loaders that ran. A
 * `fraction` below 1 loads the first part of the series of the loaders that support it (the tests' small run).
 */
export async function runDemoYear(api: DemoApi, year: number, only?: readonly string[], options: LoadOptions = {}) {
  const manifest = MANIFESTS[year];
  if (!manifest) throw new Error(`no manifest for ${year}: the seed report is the one of 2023`);
  const loaders = LOADERS.filter((l) => !only || only.includes(l.name));
  const created: Record<string, number> = {};
  for (const l of loaders) created[l.name] = await l.load(api, year, options);
  const figures = only ? manifest.filter((f) => !f.loader || only.includes(f.loader)) : manifest;
  const doc = await composeYear(api, year, manifest);
  return { created, doc, rows: compare(figures, doc.figures) };
}
