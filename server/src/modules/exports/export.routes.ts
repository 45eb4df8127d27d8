import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type, type TSchema } from 'typebox';
import { CaseQuery } from '../../../../common/contracts/cases.ts';
import { CatalogEntryQuery } from '../../../../common/contracts/catalog.ts';
import { AuditQuery, RegionQuery, UnitQuery, UserQuery } from '../../../../common/contracts/org.ts';
import { RoutingRuleQuery } from '../../../../common/contracts/routing.ts';
import { IcDemolitionQuery, IcLetterQuery, IcReportQuery } from '../../../../common/contracts/illegal-construction.ts';
import { AdRemovalQuery, OutdoorAdQuery } from '../../../../common/contracts/outdoor-ads.ts';
import { EnforcementCaseQuery } from '../../../../common/contracts/enforcement.ts';
import { ProposalQuery } from '../../../../common/contracts/proposals.ts';
import { SupervisionQuery } from '../../../../common/contracts/supervision.ts';
import { ApplicationQuery as ApprovalQuery, ConsultationQuery } from '../../../../common/contracts/approvals.ts';
import { ContractQuery, PlanQuery } from '../../../../common/contracts/inspections.ts';
import { ProjectQuery } from '../../../../common/contracts/projects.ts';
import { RecordQuery } from '../../../../common/contracts/campaigns.ts';
import {
  AgreementQuery,
  InspectionQuery as FrInspectionQuery,
  MonthQuery,
} from '../../../../common/contracts/frontage.ts';
import { ZoneQuery } from '../../../../common/contracts/yellow-line.ts';
import { TargetQuery } from '../../../../common/contracts/targets.ts';
import type { Page } from '../../../../common/domain/paging.ts';
import type { Permission } from '../../../../common/domain/roles.ts';
import { errorResponses } from '../../platform/http.ts';
import { localeFromHeader } from '../../platform/messages.ts';
import type { AuditWriter } from '../audit/index.ts';
import { actorOf, type Actor } from '../auth/index.ts';
import {
  AUDIT_SHEET,
  CASES_SHEET,
  CATALOG_SHEET,
  REGIONS_SHEET,
  ROUTING_SHEET,
  UNITS_SHEET,
  USERS_SHEET,
} from './export-sheets.ts';
import {
  AD_REMOVALS_SHEET,
  ENFORCEMENT_CASES_SHEET,
  IC_DEMOLITIONS_SHEET,
  IC_LETTERS_SHEET,
  IC_REPORTS_SHEET,
  OUTDOOR_ADS_SHEET,
  PROPOSALS_SHEET,
  PROJECTS_SHEET,
  SUPERVISION_SHEET,
  APPROVAL_APPLICATIONS_SHEET,
  APPROVAL_CONSULTATIONS_SHEET,
} from './export-sheets-lines.ts';
import { HONOURS_SHEET, PUBLICITY_SHEET } from './export-sheets-campaigns.ts';
import { FR_AGREEMENTS_SHEET, FR_INSPECTIONS_SHEET, FR_LISTS_SHEET, YL_ZONES_SHEET } from './export-sheets-frontage.ts';
import { TARGETS_SHEET } from './export-sheets-targets.ts';
import { CONTRACTS_SHEET, INSPECTION_PLANS_SHEET } from './export-sheets-inspections.ts';
import { formatter, sendCsv, sendWorkbook, type SheetSpec } from './export-workbook.ts';

/** The list functions the exports page through (each checks its own permission and scope, as for the list). */
export interface ExportSources {
  cases: { list(actor: Actor, q: CaseQuery): Promise<Page<unknown>> };
  users: { list(actor: Actor, q: UserQuery): Promise<Page<unknown>> };
  units: { list(actor: Actor, q: UnitQuery): Promise<Page<unknown>> };
  regions: { list(actor: Actor, q: RegionQuery): Promise<Page<unknown>> };
  audit: { list(actor: Actor, q: AuditQuery): Promise<Page<unknown>> };
  catalog: { list(actor: Actor, q: CatalogEntryQuery): Promise<Page<unknown>> };
  routing: { list(actor: Actor, q: RoutingRuleQuery): Promise<Page<unknown>> };
  icReports: { list(actor: Actor, q: IcReportQuery): Promise<Page<unknown>> };
  icDemolitions: { list(actor: Actor, q: IcDemolitionQuery): Promise<Page<unknown>> };
  icLetters: { list(actor: Actor, q: IcLetterQuery): Promise<Page<unknown>> };
  outdoorAds: { list(actor: Actor, q: OutdoorAdQuery): Promise<Page<unknown>> };
  adRemovals: { list(actor: Actor, q: AdRemovalQuery): Promise<Page<unknown>> };
  enforcementCases: { list(actor: Actor, q: EnforcementCaseQuery): Promise<Page<unknown>> };
  supervisionOrders: { list(actor: Actor, q: SupervisionQuery): Promise<Page<unknown>> };
  approvalApplications: { list(actor: Actor, q: ApprovalQuery): Promise<Page<unknown>> };
  approvalConsultations: { list(actor: Actor, q: ConsultationQuery): Promise<Page<unknown>> };
  proposals: { list(actor: Actor, q: ProposalQuery): Promise<Page<unknown>> };
  projects: { list(actor: Actor, q: ProjectQuery): Promise<Page<unknown>> };
  publicity: { list(actor: Actor, q: RecordQuery): Promise<Page<unknown>> };
  honours: { list(actor: Actor, q: RecordQuery): Promise<Page<unknown>> };
  frontageAgreements: { list(actor: Actor, q: AgreementQuery): Promise<Page<unknown>> };
  frontageInspections: { list(actor: Actor, q: FrInspectionQuery): Promise<Page<unknown>> };
  /** one month's red and black lists as one page */
  frontageLists: {
    list(actor: Actor, q: { month?: string; page?: number; pageSize?: number }): Promise<Page<unknown>>;
  };
  yellowLineZones: { list(actor: Actor, q: ZoneQuery): Promise<Page<unknown>> };
  targets: { list(actor: Actor, q: TargetQuery): Promise<Page<unknown>> };
  inspectionPlans: { list(actor: Actor, q: PlanQuery): Promise<Page<unknown>> };
  contracts: { list(actor: Actor, q: ContractQuery): Promise<Page<unknown>> };
}

type Key = keyof ExportSources;
interface ExportDef {
  key: Key;
  path: string;
  permission: Permission;
  query: TSchema;
  sheet: SheetSpec<never>;
  /** also offered as .csv (same filters, columns and audit) */
  csv?: boolean;
}

/** path, permission and filters mirror the list route each one exports (the list route is named in the summary). */
const EXPORTS: readonly ExportDef[] = [
  { key: 'cases', path: 'cases', permission: 'case.read', query: CaseQuery, sheet: CASES_SHEET },
  { key: 'users', path: 'users', permission: 'user.read', query: UserQuery, sheet: USERS_SHEET },
  { key: 'units', path: 'units', permission: 'org.read', query: UnitQuery, sheet: UNITS_SHEET },
  { key: 'regions', path: 'regions', permission: 'org.read', query: RegionQuery, sheet: REGIONS_SHEET },
  { key: 'audit', path: 'audit', permission: 'audit.read', query: AuditQuery, sheet: AUDIT_SHEET },
  { key: 'catalog', path: 'catalog', permission: 'org.read', query: CatalogEntryQuery, sheet: CATALOG_SHEET },
  { key: 'routing', path: 'routing-rules', permission: 'org.read', query: RoutingRuleQuery, sheet: ROUTING_SHEET },
  {
    key: 'icReports',
    path: 'illegal-construction-reports',
    permission: 'construction.read',
    query: IcReportQuery,
    sheet: IC_REPORTS_SHEET,
    csv: true,
  },
  {
    key: 'icDemolitions',
    path: 'demolitions',
    permission: 'construction.read',
    query: IcDemolitionQuery,
    sheet: IC_DEMOLITIONS_SHEET,
    csv: true,
  },
  {
    key: 'icLetters',
    path: 'construction-letters',
    permission: 'construction.read',
    query: IcLetterQuery,
    sheet: IC_LETTERS_SHEET,
    csv: true,
  },
  {
    key: 'outdoorAds',
    path: 'outdoor-ads',
    permission: 'ads.read',
    query: OutdoorAdQuery,
    sheet: OUTDOOR_ADS_SHEET,
    csv: true,
  },
  {
    key: 'adRemovals',
    path: 'ad-removals',
    permission: 'ads.read',
    query: AdRemovalQuery,
    sheet: AD_REMOVALS_SHEET,
    csv: true,
  },
  {
    key: 'enforcementCases',
    path: 'enforcement-cases',
    permission: 'enforcement.read',
    query: EnforcementCaseQuery,
    sheet: ENFORCEMENT_CASES_SHEET,
    csv: true,
  },
  {
    key: 'supervisionOrders',
    path: 'supervision-orders',
    permission: 'supervision.read',
    query: SupervisionQuery,
    sheet: SUPERVISION_SHEET,
    csv: true,
  },
  {
    key: 'approvalApplications',
    path: 'approval-applications',
    permission: 'approval.read',
    query: ApprovalQuery,
    sheet: APPROVAL_APPLICATIONS_SHEET,
    csv: true,
  },
  {
    key: 'approvalConsultations',
    path: 'approval-consultations',
    permission: 'approval.read',
    query: ConsultationQuery,
    sheet: APPROVAL_CONSULTATIONS_SHEET,
    csv: true,
  },
  {
    key: 'proposals',
    path: 'proposals',
    permission: 'proposal.read',
    query: ProposalQuery,
    sheet: PROPOSALS_SHEET,
    csv: true,
  },
  {
    key: 'projects',
    path: 'projects',
    permission: 'project.read',
    query: ProjectQuery,
    sheet: PROJECTS_SHEET,
    csv: true,
  },
  {
    key: 'publicity',
    path: 'publicity',
    permission: 'campaign.read',
    query: RecordQuery,
    sheet: PUBLICITY_SHEET,
    csv: true,
  },
  { key: 'honours', path: 'honours', permission: 'campaign.read', query: RecordQuery, sheet: HONOURS_SHEET, csv: true },
  {
    key: 'frontageAgreements',
    path: 'frontage-agreements',
    permission: 'frontage.read',
    query: AgreementQuery,
    sheet: FR_AGREEMENTS_SHEET,
    csv: true,
  },
  {
    key: 'frontageInspections',
    path: 'frontage-inspections',
    permission: 'frontage.read',
    query: FrInspectionQuery,
    sheet: FR_INSPECTIONS_SHEET,
    csv: true,
  },
  {
    key: 'frontageLists',
    path: 'frontage-lists',
    permission: 'frontage.read',
    query: MonthQuery,
    sheet: FR_LISTS_SHEET,
    csv: true,
  },
  {
    key: 'yellowLineZones',
    path: 'yellow-line-zones',
    permission: 'yellowline.read',
    query: ZoneQuery,
    sheet: YL_ZONES_SHEET,
    csv: true,
  },
  { key: 'targets', path: 'targets', permission: 'targets.read', query: TargetQuery, sheet: TARGETS_SHEET, csv: true },
  {
    key: 'inspectionPlans',
    path: 'inspection-plans',
    permission: 'assets.read',
    query: PlanQuery,
    sheet: INSPECTION_PLANS_SHEET,
    csv: true,
  },
  {
    key: 'contracts',
    path: 'contracts',
    permission: 'assets.read',
    query: ContractQuery,
    sheet: CONTRACTS_SHEET,
    csv: true,
  },
];
const LIST_ROUTE: Record<Key, string> = {
  cases: '/api/cases',
  users: '/api/org/users',
  units: '/api/org/units',
  regions: '/api/org/regions',
  audit: '/api/audit',
  catalog: '/api/catalog/entries',
  routing: '/api/routing/rules',
  icReports: '/api/illegal-construction/reports',
  icDemolitions: '/api/illegal-construction/demolitions',
  icLetters: '/api/illegal-construction/letters',
  outdoorAds: '/api/outdoor-ads/ads',
  adRemovals: '/api/outdoor-ads/removals',
  enforcementCases: '/api/enforcement/cases',
  supervisionOrders: '/api/supervision',
  approvalApplications: '/api/approvals/applications',
  approvalConsultations: '/api/approvals/consultations',
  proposals: '/api/proposals',
  projects: '/api/projects',
  publicity: '/api/publicity',
  honours: '/api/honours',
  frontageAgreements: '/api/frontage/agreements',
  frontageInspections: '/api/frontage/inspections',
  frontageLists: '/api/frontage/lists/month',
  yellowLineZones: '/api/yellow-line/zones',
  targets: '/api/targets',
  inspectionPlans: '/api/assets/inspection-plans',
  contracts: '/api/assets/contracts',
};

/** HTTP only. 立结案标准 and 部件 have their own exports (/api/catalog/conditions/export.xlsx, /api/components/export.xlsx). */
export function registerExportRoutes(
  app: FastifyInstance,
  sources: ExportSources,
  timeZone: string,
  audit: Pick<AuditWriter, 'write'>,
): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  for (const def of EXPORTS) {
    for (const format of def.csv ? (['xlsx', 'csv'] as const) : (['xlsx'] as const)) {
      r.get(
        `/api/exports/${def.path}.${format}`,
        {
          config: { permission: def.permission },
          schema: {
            tags: ['exports'],
            summary: `${LIST_ROUTE[def.key]} as .${format}: same filters, search and sort as the list, every page (≤ 50,000 rows)`,
            querystring: def.query,
            response: {
              200: Type.Unknown({
                description: format === 'xlsx' ? 'xlsx workbook (streamed)' : 'CSV, UTF-8 with BOM',
              }),
              ...errorResponses(400, 401, 403, 404),
            },
          },
        },
        async (req: FastifyRequest, reply) => {
          const actor = actorOf(req);
          const query = { ...(req.query as Record<string, unknown>) };
          const source = sources[def.key];
          const fmt = formatter(localeFromHeader(req.headers['accept-language']), timeZone);
          // Every export is audited (who took which list, with which filters, how many rows matched): lists carry names,
          // phones and case descriptions. Written once the first page has passed the list's own checks, before any byte.
          let audited = false;
          const send = format === 'xlsx' ? sendWorkbook : sendCsv;
          return send(reply, def.sheet, fmt, async (page, pageSize) => {
            const result = (await source.list(actor, { ...query, page, pageSize })) as Page<never>;
            if (!audited) {
              audited = true;
              await audit.write(actor, {
                action: 'data.export',
                entity: 'export',
                entityId: def.path,
                after: { format, query, matched: result.total },
              });
            }
            return result;
          });
        },
      );
    }
  }
}
