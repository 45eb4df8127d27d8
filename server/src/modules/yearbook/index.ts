/** 年度工作总结: documents per year whose prose carries live figures from the statistics report, and their 公文
 * exports (.docx, PDF). */
export { createYearbook, type Yearbook, type YearbookFiles } from './yearbook.module.ts';
export { createYearbookService, type YearbookService } from './yearbook.service.ts';
export { registerYearbookRoutes } from './yearbook.routes.ts';
