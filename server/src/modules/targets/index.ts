/**
 * 目标任务: the items of a year's 工作计划 as targets with an owner unit, a measure, a target value and a due date;
 * progress from the statistics report's figures or from progress reports with evidence; the quarterly view and the
 * report's 目标任务完成情况 (docs/targets.md).
 */
export { createTargets, type Targets } from './targets.module.ts';
export type { TargetsService } from './targets.service.ts';
export { registerTargetRoutes } from './targets.routes.ts';
export { TARGET_ERRORS } from './targets.errors.ts';
export { seedTargets, type TargetSeed } from './targets.seed.ts';
