/**
 * English catalog, composed of one file per module under `en/`. Each module file is typed against its zh-CN twin
 * and this object against the whole zh-CN shape, so a missing or extra key fails the typecheck.
 */
import type { Catalog } from './zh-CN.ts';
import { enBase } from './en/base.ts';
import { enCalendar } from './en/calendar.ts';
import { enCases } from './en/cases.ts';
import { enKpi } from './en/kpi.ts';
import { enExports } from './en/exports.ts';
import { enImports } from './en/imports.ts';
import { enLines } from './en/lines.ts';
import { enNotices } from './en/notices.ts';
import { enAnalysis } from './en/analysis.ts';
import { enMonitor } from './en/monitor.ts';
import { enSupervision } from './en/supervision.ts';
import { enIot } from './en/iot.ts';
import { enVision } from './en/vision.ts';
import { enNightMarket } from './en/night-market.ts';
import { enFederation } from './en/federation.ts';
import { enFrontage } from './en/frontage.ts';
import { enFrontagePublic } from './en/frontage-public.ts';
import { enYellowLine } from './en/yellow-line.ts';
import { enYellowLinePublic } from './en/yellow-line-public.ts';
import { enVehicles } from './en/vehicles.ts';
import { enAssets } from './en/assets.ts';
import { enInspections } from './en/inspections.ts';
import { enProposals } from './en/proposals.ts';
import { enGasSafety } from './en/gas-safety.ts';
import { enProjects } from './en/projects.ts';
import { enTargets } from './en/targets.ts';
import { enCampaigns } from './en/campaigns.ts';
import { enPrefecture } from './en/prefecture.ts';
import { enKpiWeb } from './en/kpi-web.ts';
import { enDashboard } from './en/dashboard.ts';
import { enParticipation } from './en/participation.ts';
import { enPublic } from './en/public.ts';
import { enHotline } from './en/hotline.ts';
import { enEnforcement } from './en/enforcement.ts';
import { enEnforcementDocs } from './en/enforcement-documents.ts';
import { enCatalog } from './en/catalog.ts';
import { enErrors } from './en/errors.ts';
import { enDetails } from './en/details.ts';
import { enH5Handler } from './en/h5-handler.ts';
import { enH5 } from './en/h5.ts';
import { enMap } from './en/map.ts';
import { enOrg } from './en/org.ts';
import { enOpen311 } from './en/open311.ts';
import { enApprovals } from './en/approvals.ts';
import { enFigures } from './en/figures.ts';
import { enYearbook } from './en/yearbook.ts';
import { enLineViews } from './en/line-views.ts';

export const en: Catalog = {
  ...enBase,
  ...enOrg,
  ...enErrors,
  ...enDetails,
  ...enCatalog,
  ...enCalendar,
  ...enMap,
  ...enH5,
  ...enH5Handler,
  ...enCases,
  ...enKpi,
  ...enExports,
  ...enKpiWeb,
  ...enDashboard,
  ...enPublic,
  ...enParticipation,
  ...enHotline,
  ...enEnforcement,
  ...enEnforcementDocs,
  ...enOpen311,
  ...enImports,
  ...enLines,
  ...enNotices,
  ...enMonitor,
  ...enSupervision,
  ...enIot,
  ...enVision,
  ...enAnalysis,
  ...enNightMarket,
  ...enFederation,
  ...enFrontage,
  ...enFrontagePublic,
  ...enYellowLine,
  ...enVehicles,
  ...enYellowLinePublic,
  ...enAssets,
  ...enLineViews,
  ...enInspections,
  ...enApprovals,
  ...enProposals,
  ...enGasSafety,
  ...enProjects,
  ...enTargets,
  ...enCampaigns,
  ...enPrefecture,
  ...enFigures,
  ...enYearbook,
};
