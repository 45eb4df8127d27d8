/**
 * 门前三包: responsibility agreements with shops in every street and township (printable 责任书), scored inspections
 * and the monthly red and black lists, 城管体验岗 volunteers and their shifts, 商街自治 committees and their reports.
 */
export { createFrontage, type Frontage } from './frontage.module.ts';
export type { FrontageService } from './frontage.service.ts';
export type { FrPrint } from './fr-print.ts';
export { registerFrontageRoutes } from './frontage.routes.ts';
export { FR_ERRORS } from './frontage.errors.ts';
export { seedFrontage, hasFrontage, type FrSeed } from './fr.seed.ts';
