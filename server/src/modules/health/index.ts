/** Liveness and storage status for load balancers and operators (public, no personal data). */
export { registerHealthRoutes, type HealthDeps } from './health.routes.ts';
