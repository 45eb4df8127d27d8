/** The 查违控违 and 户外广告 lists as exported: the console columns, labels translated, owner phones as masked by the list. */
import type { EnforcementCaseSummary } from '../../../../common/contracts/enforcement.ts';
import type { IcDemolition, IcLetter, IcReport } from '../../../../common/contracts/illegal-construction.ts';
import type { AdRemoval, OutdoorAd } from '../../../../common/contracts/outdoor-ads.ts';
import type { ProposalSummary } from '../../../../common/contracts/proposals.ts';
import type { SupervisionOrder } from '../../../../common/contracts/supervision.ts';
import type { Application, Consultation } from '../../../../common/contracts/approvals.ts';
import type { ProjectSummary } from '../../../../common/contracts/projects.ts';
import { wanYuanText } from '../../../../common/domain/projects.ts';
import type { SheetSpec } from './export-workbook.ts';

export const IC_REPORTS_SHEET: SheetSpec<IcReport> = {
  sheet: 'icReports',
  file: 'illegal-construction-reports',
  columns: [
    { header: 'reportedOn', width: 12, value: (r) => r.reportedOn },
    { header: 'source', width: 10, value: (r, f) => f.label(`illegalConstruction.source.${r.source}`, r.source) },
    { header: 'status', width: 10, value: (r, f) => f.label(`illegalConstruction.status.${r.status}`, r.status) },
    { header: 'statusOn', width: 12, value: (r) => r.statusOn },
    { header: 'township', width: 14, value: (r) => r.regionName },
    { header: 'address', width: 30, value: (r) => r.address },
    { header: 'description', width: 40, value: (r) => r.description },
    { header: 'party', width: 16, value: (r) => r.partyName },
    { header: 'areaM2', width: 10, value: (r) => r.areaM2 },
    { header: 'unit', width: 16, value: (r) => r.unitName },
    { header: 'lng', width: 12, value: (r) => r.lng },
    { header: 'lat', width: 12, value: (r) => r.lat },
  ],
};

export const IC_DEMOLITIONS_SHEET: SheetSpec<IcDemolition> = {
  sheet: 'icDemolitions',
  file: 'demolitions',
  columns: [
    { header: 'demolishedOn', width: 12, value: (d) => d.demolishedOn },
    { header: 'township', width: 14, value: (d) => d.regionName },
    { header: 'address', width: 30, value: (d) => d.address },
    { header: 'areaM2', width: 10, value: (d) => d.areaM2 },
    {
      header: 'structure',
      width: 12,
      value: (d, f) => f.label(`illegalConstruction.structure.${d.structure}`, d.structure),
    },
    { header: 'lead', width: 14, value: (d, f) => f.label(`illegalConstruction.lead.${d.lead}`, d.lead) },
    { header: 'units', width: 30, value: (d) => d.units },
    { header: 'people', width: 8, value: (d) => d.people },
    { header: 'note', width: 24, value: (d) => d.note },
  ],
};

export const IC_LETTERS_SHEET: SheetSpec<IcLetter> = {
  sheet: 'icLetters',
  file: 'letters',
  columns: [
    { header: 'letterNo', width: 20, value: (l) => l.letterNo },
    { header: 'kind', width: 10, value: (l, f) => f.label(`illegalConstruction.letterKind.${l.kind}`, l.kind) },
    { header: 'township', width: 14, value: (l) => l.regionName },
    { header: 'subject', width: 36, value: (l) => l.subject },
    { header: 'issuedOn', width: 12, value: (l) => l.issuedOn },
    { header: 'deadline', width: 12, value: (l) => l.deadline },
    { header: 'repliedOn', width: 12, value: (l) => l.repliedOn },
    { header: 'reply', width: 36, value: (l) => l.reply },
    { header: 'overdue', width: 8, value: (l, f) => f.yesNo(l.overdue) },
  ],
};

export const OUTDOOR_ADS_SHEET: SheetSpec<OutdoorAd> = {
  sheet: 'outdoorAds',
  file: 'outdoor-ads',
  columns: [
    { header: 'adType', width: 10, value: (a, f) => f.label(`outdoorAds.type.${a.adType}`, a.adType) },
    { header: 'status', width: 8, value: (a, f) => f.label(`outdoorAds.status.${a.status}`, a.status) },
    { header: 'township', width: 14, value: (a) => a.regionName },
    { header: 'address', width: 30, value: (a) => a.address },
    { header: 'content', width: 20, value: (a) => a.content },
    { header: 'sizeM2', width: 10, value: (a) => a.sizeM2 },
    { header: 'owner', width: 20, value: (a) => a.ownerName },
    { header: 'phone', width: 14, value: (a) => a.ownerPhone },
    { header: 'permitNo', width: 18, value: (a) => a.permitNo },
    { header: 'permitFrom', width: 12, value: (a) => a.permitFrom },
    { header: 'permitTo', width: 12, value: (a) => a.permitTo },
    { header: 'lastInspectedOn', width: 12, value: (a) => a.lastInspectedOn },
    {
      header: 'lastResult',
      width: 10,
      value: (a, f) => f.label(`outdoorAds.result.${a.lastResult ?? ''}`, a.lastResult),
    },
    { header: 'nextInspectionOn', width: 12, value: (a) => a.nextInspectionOn },
  ],
};

export const AD_REMOVALS_SHEET: SheetSpec<AdRemoval> = {
  sheet: 'adRemovals',
  file: 'ad-removals',
  columns: [
    { header: 'removedOn', width: 12, value: (r) => r.removedOn },
    { header: 'adType', width: 10, value: (r, f) => f.label(`outdoorAds.type.${r.adType}`, r.adType) },
    { header: 'quantity', width: 8, value: (r) => r.quantity },
    { header: 'mode', width: 10, value: (r, f) => f.label(`outdoorAds.mode.${r.mode}`, r.mode) },
    { header: 'township', width: 14, value: (r) => r.regionName },
    { header: 'address', width: 30, value: (r) => r.address },
    { header: 'enforcementCase', width: 28, value: (r) => r.enforcementCaseId },
    { header: 'note', width: 24, value: (r) => r.note },
  ],
};

/** Enforcement cases as listed (party identifiers masked, the squad rule applied by the list). */
export const ENFORCEMENT_CASES_SHEET: SheetSpec<EnforcementCaseSummary> = {
  sheet: 'enforcementCases',
  file: 'enforcement-cases',
  columns: [
    { header: 'caseNo', width: 14, value: (r) => r.caseNo },
    { header: 'status', width: 10, value: (r, f) => f.label(`enforcement.stage.${r.stage}`, r.stage) },
    { header: 'procedure', width: 10, value: (r, f) => f.label(`enforcement.procedure.${r.procedure}`, r.procedure) },
    { header: 'violation', width: 14, value: (r) => r.violationCode },
    { header: 'party', width: 20, value: (r) => r.partyName },
    { header: 'partyIdentifier', width: 22, value: (r) => r.partyIdentifier },
    { header: 'fineYuan', width: 12, value: (r) => (r.fineFen === null ? null : r.fineFen / 100) },
    { header: 'decisionNo', width: 26, value: (r) => r.decisionNo },
    { header: 'decisionDue', width: 12, value: (r) => r.decisionDue },
  ],
};

/** 督办单 as listed (the supervision list's scope rule applied by the list). */
export const SUPERVISION_SHEET: SheetSpec<SupervisionOrder> = {
  sheet: 'supervisionOrders',
  file: 'supervision-orders',
  columns: [
    { header: 'orderNo', width: 16, value: (r) => r.orderNo },
    { header: 'caseNo', width: 24, value: (r) => r.caseNo },
    { header: 'supervisionLevel', width: 8, value: (r, f) => f.label(`supervision.level.${r.level}`, r.level) },
    {
      header: 'status',
      width: 10,
      value: (r, f) =>
        f.label(`supervision.status.${r.overdue && r.status === 'open' ? 'overdue' : r.status}`, r.status),
    },
    { header: 'targetUnit', width: 18, value: (r) => r.targetUnitName },
    { header: 'issuer', width: 10, value: (r) => r.issuerName },
    { header: 'reason', width: 30, value: (r) => r.reason },
    { header: 'issuedAt', width: 18, value: (r, f) => f.instant(r.issuedAt) },
    { header: 'dueAt', width: 18, value: (r, f) => f.instant(r.dueAt) },
    { header: 'repliedAt', width: 18, value: (r, f) => f.instant(r.repliedAt) },
    { header: 'onTime', width: 8, value: (r, f) => (r.onTime === null ? null : f.yesNo(r.onTime)) },
    { header: 'escalations', width: 8, value: (r) => r.escalationCount },
  ],
};

export const APPROVAL_APPLICATIONS_SHEET: SheetSpec<Application> = {
  sheet: 'approvalApplications',
  file: 'approval-applications',
  columns: [
    { header: 'applicationNo', width: 16, value: (a) => a.applicationNo },
    { header: 'approvalType', width: 18, value: (a) => a.typeName },
    { header: 'applicant', width: 24, value: (a) => a.applicantName },
    { header: 'phone', width: 14, value: (a) => a.applicantPhone },
    { header: 'address', width: 30, value: (a) => a.address },
    { header: 'status', width: 10, value: (a, f) => f.label(`approvals.status.${a.status}`, a.status) },
    { header: 'decision', width: 10, value: (a, f) => f.label(`approvals.decision.${a.decision ?? ''}`, a.decision) },
    { header: 'acceptedAt', width: 18, value: (a, f) => f.instant(a.acceptedAt) },
    { header: 'dueAt', width: 12, value: (a) => a.dueDate },
    { header: 'closedAt', width: 18, value: (a, f) => (a.closedAt ? f.instant(a.closedAt) : null) },
    { header: 'permitNo', width: 22, value: (a) => a.permitNo },
  ],
};

export const APPROVAL_CONSULTATIONS_SHEET: SheetSpec<Consultation> = {
  sheet: 'approvalConsultations',
  file: 'approval-consultations',
  columns: [
    { header: 'consultedAt', width: 18, value: (c, f) => f.instant(c.consultedAt) },
    { header: 'channel', width: 10, value: (c, f) => f.label(`approvals.channel.${c.channel}`, c.channel) },
    { header: 'name', width: 12, value: (c) => c.name },
    { header: 'phone', width: 14, value: (c) => c.phone },
    { header: 'approvalType', width: 18, value: (c) => c.typeName },
    { header: 'topic', width: 30, value: (c) => c.topic },
    { header: 'answer', width: 40, value: (c) => c.answer },
  ],
};

/** 人大建议/政协提案 as listed (a unit-bound reader's scope applied by the list). */
export const PROPOSALS_SHEET: SheetSpec<ProposalSummary> = {
  sheet: 'proposals',
  file: 'proposals',
  columns: [
    { header: 'proposalNo', width: 14, value: (r) => r.proposalNo },
    { header: 'proposalBody', width: 10, value: (r, f) => f.label(`proposals.bodyShort.${r.body}`, r.body) },
    { header: 'proposalTitle', width: 36, value: (r) => r.title },
    { header: 'proposer', width: 12, value: (r) => r.proposer },
    { header: 'proposalRole', width: 8, value: (r, f) => f.label(`proposals.role.${r.handlingRole}`, r.handlingRole) },
    { header: 'leadAgency', width: 16, value: (r) => r.leadAgency },
    { header: 'assignedOn', width: 12, value: (r) => r.assignedOn },
    { header: 'proposalDueOn', width: 12, value: (r) => r.dueOn },
    { header: 'proposalStatus', width: 10, value: (r, f) => f.label(`proposals.status.${r.status}`, r.status) },
    {
      header: 'replyStatus',
      width: 10,
      value: (r, f) => (r.replyStatus ? f.label(`proposals.replyStatus.${r.replyStatus}`, r.replyStatus) : null),
    },
    { header: 'proposalTasks', width: 10, value: (r) => `${r.taskCount - r.openTasks}/${r.taskCount}` },
    { header: 'overdue', width: 8, value: (r, f) => f.yesNo(r.overdue) },
    {
      header: 'satisfaction',
      width: 10,
      value: (r, f) => (r.satisfaction ? f.label(`proposals.satisfaction.${r.satisfaction}`, r.satisfaction) : null),
    },
  ],
};

/** 项目与资金 (docs/projects.md): amounts in 万元 written exactly from fen, progress as a percentage. */
export const PROJECTS_SHEET: SheetSpec<ProjectSummary> = {
  sheet: 'projects',
  file: 'projects',
  columns: [
    { header: 'projectName', width: 36, value: (r) => r.name },
    { header: 'projectShortName', width: 20, value: (r) => r.shortName },
    { header: 'projectUnit', width: 14, value: (r) => r.unitName },
    { header: 'projectStartOn', width: 12, value: (r) => r.startOn },
    { header: 'projectEndOn', width: 12, value: (r) => r.endOn },
    { header: 'projectBudgetWan', width: 12, value: (r) => (r.budgetFen === null ? null : wanYuanText(r.budgetFen)) },
    { header: 'projectFundsWan', width: 12, value: (r) => wanYuanText(r.fundsFen) },
    { header: 'projectSubprojects', width: 10, value: (r) => r.subprojects },
    { header: 'projectSubprojectsDone', width: 10, value: (r) => r.subprojectsDone },
    { header: 'projectProgress', width: 10, value: (r) => r.progressPct },
  ],
};
