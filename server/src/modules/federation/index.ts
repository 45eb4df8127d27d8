/**
 * 全域与跨区域: peers and per-tenant Ed25519 keys, signed messages between instances (outbox with back-off, verified
 * inbox), 通报 bulletins, 移送 case transfer with the peer's progress, and the report-up file drop.
 */
export { createFederation } from './federation.module.ts';
export type { FederationService } from './federation.service.ts';
export type { FedCases, Transport } from './fed-context.ts';
export { registerFederationRoutes } from './federation.routes.ts';
export { FED_ERRORS } from './federation.errors.ts';
