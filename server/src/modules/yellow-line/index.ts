/**
 * 文明黄线: lines and areas in front of shops and around stalls with the holder, goods, hours and a permit of limited
 * validity; inspections with photos, warnings and the tenant's repeat counts; figures, a report section and the
 * public map. Other modules issue a permit from an approval decision through
 * `(await yellowLine.permitIssuer(tenantId, actor)).issuePermitFromApproval(tx, input)`: the 行政审批 line takes the
 * issuer before its decision's transaction and issues inside it.
 */
export { createYellowLine, type YellowLine } from './yellow-line.module.ts';
export type { AuditActor, PermitFromApproval, YellowLineService } from './yellow-line.service.ts';
export { registerYellowLineRoutes } from './yellow-line.routes.ts';
export { seedYellowLine, hasYellowLine, type YlSeed } from './yellow-line.seed.ts';
export { YL_ERRORS } from './yellow-line.errors.ts';
