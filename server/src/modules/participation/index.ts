/** Citizens taking part in reported cases: nearby reports before submitting, 我也遇到 supports, the public
 *  list and map, and subscriptions to a case's status changes through the notification outbox. */
export { createParticipationService, STATUS_NOTICE_KIND, type ParticipationService } from './participation.service.ts';
export { registerParticipationRoutes, PARTICIPATION_LIMITS } from './participation.routes.ts';
