/**
 * Simplified Chinese catalog: the default language and the reference key set, composed of one file per module
 * under `zh-CN/`. `en.ts` is typed against this shape (each `en/<module>.ts` against its zh-CN twin), and
 * `i18n.test.ts` keeps both key sets equal and non-empty. Placeholders are `{name}`; keep the same placeholders in
 * every language. A new module adds `zh-CN/<module>.ts` + `en/<module>.ts` and one spread in each top file.
 */
import { zhBase } from './zh-CN/base.ts';
import { zhCalendar } from './zh-CN/calendar.ts';
import { zhCases } from './zh-CN/cases.ts';
import { zhKpi } from './zh-CN/kpi.ts';
import { zhExports } from './zh-CN/exports.ts';
import { zhKpiWeb } from './zh-CN/kpi-web.ts';
import { zhDashboard } from './zh-CN/dashboard.ts';
import { zhParticipation } from './zh-CN/participation.ts';
import { zhPublic } from './zh-CN/public.ts';
import { zhHotline } from './zh-CN/hotline.ts';
import { zhEnforcement } from './zh-CN/enforcement.ts';
import { zhEnforcementDocs } from './zh-CN/enforcement-documents.ts';
import { zhCatalog } from './zh-CN/catalog.ts';
import { zhErrors } from './zh-CN/errors.ts';
import { zhDetails } from './zh-CN/details.ts';
import { zhH5Handler } from './zh-CN/h5-handler.ts';
import { zhH5 } from './zh-CN/h5.ts';
import { zhMap } from './zh-CN/map.ts';
import { zhOrg } from './zh-CN/org.ts';
import { zhOpen311 } from './zh-CN/open311.ts';
import { zhImports } from './zh-CN/imports.ts';
import { zhLines } from './zh-CN/lines.ts';
import { zhNotices } from './zh-CN/notices.ts';
import { zhAnalysis } from './zh-CN/analysis.ts';
import { zhMonitor } from './zh-CN/monitor.ts';
import { zhSupervision } from './zh-CN/supervision.ts';
import { zhIot } from './zh-CN/iot.ts';
import { zhVision } from './zh-CN/vision.ts';
import { zhNightMarket } from './zh-CN/night-market.ts';
import { zhFederation } from './zh-CN/federation.ts';
import { zhFrontage } from './zh-CN/frontage.ts';
import { zhFrontagePublic } from './zh-CN/frontage-public.ts';
import { zhYellowLine } from './zh-CN/yellow-line.ts';
import { zhYellowLinePublic } from './zh-CN/yellow-line-public.ts';
import { zhVehicles } from './zh-CN/vehicles.ts';
import { zhAssets } from './zh-CN/assets.ts';
import { zhInspections } from './zh-CN/inspections.ts';
import { zhApprovals } from './zh-CN/approvals.ts';
import { zhProposals } from './zh-CN/proposals.ts';
import { zhGasSafety } from './zh-CN/gas-safety.ts';
import { zhProjects } from './zh-CN/projects.ts';
import { zhTargets } from './zh-CN/targets.ts';
import { zhCampaigns } from './zh-CN/campaigns.ts';
import { zhPrefecture } from './zh-CN/prefecture.ts';
import { zhFigures } from './zh-CN/figures.ts';
import { zhYearbook } from './zh-CN/yearbook.ts';
import { zhLineViews } from './zh-CN/line-views.ts';

export const zhCN = {
  ...zhBase,
  ...zhOrg,
  ...zhErrors,
  ...zhDetails,
  ...zhCatalog,
  ...zhCalendar,
  ...zhMap,
  ...zhH5,
  ...zhH5Handler,
  ...zhCases,
  ...zhKpi,
  ...zhExports,
  ...zhKpiWeb,
  ...zhDashboard,
  ...zhPublic,
  ...zhParticipation,
  ...zhHotline,
  ...zhEnforcement,
  ...zhEnforcementDocs,
  ...zhOpen311,
  ...zhImports,
  ...zhLines,
  ...zhLineViews,
  ...zhNotices,
  ...zhMonitor,
  ...zhSupervision,
  ...zhIot,
  ...zhVision,
  ...zhAnalysis,
  ...zhNightMarket,
  ...zhFederation,
  ...zhFrontage,
  ...zhFrontagePublic,
  ...zhYellowLine,
  ...zhVehicles,
  ...zhYellowLinePublic,
  ...zhAssets,
  ...zhInspections,
  ...zhApprovals,
  ...zhProposals,
  ...zhGasSafety,
  ...zhProjects,
  ...zhTargets,
  ...zhCampaigns,
  ...zhPrefecture,
  ...zhFigures,
  ...zhYearbook,
};

export type Catalog = typeof zhCN;
