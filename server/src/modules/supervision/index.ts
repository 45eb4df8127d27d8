/** 督办单: orders on cases to a target unit with a level, a work-calendar reply deadline, the reply with evidence,
 *  escalation of unanswered orders by the sweep, a printable .docx, and the figures 督办数 and 按期回复率. */
export { createSupervisionService, type SupervisionService } from './supervision.service.ts';
export { createSupervisionPrint, type SupervisionPrint } from './supervision-print.ts';
export { registerSupervisionRoutes } from './supervision.routes.ts';
