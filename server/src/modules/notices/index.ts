/** Staff notices on the 工作台: written by administrators and leaders for roles or a unit, read within a window. */
export { createNoticeService, type NoticeService } from './notice.service.ts';
export { registerNoticeRoutes } from './notice.routes.ts';
