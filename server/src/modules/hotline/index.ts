/**
 * 12345 热线 / 民情通 / 阳光信访 work orders: import and webhook intake, 签收 with its own clock, 退回,
 * conversion into a case, 办理答复 pushed back through an outbox, 回访满意度 into the case's rating.
 */
export { createHotlineService, type HotlineService, type HotlineDeps, type HotlineCases } from './hotline.service.ts';
export { createPushAdapter, type PushMode } from './hotline-push.ts';
export { registerHotlineRoutes } from './hotline.routes.ts';
export { hotlineSection } from './hotline-report-section.ts';
