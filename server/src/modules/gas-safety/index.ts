/**
 * 燃气安全 (docs/gas-safety.md): safety checks by the bureau and superior authorities, the hazards they find with
 * rectification and a re-inspection photo before closing, the household 三件套 per community against the year's
 * targets, the commercial users' installation state from the registers, figures and a report section.
 */
export { createGasSafety, type GasSafety } from './gas-safety.module.ts';
export { registerGasSafetyRoutes } from './gas.routes.ts';
export { GAS_ERRORS } from './gas.errors.ts';
export { insertSeed as seedGasSafety } from './gas.repository.ts';
