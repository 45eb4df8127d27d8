/**
 * 专项行动 / 四城同创 / 巡察整改: campaigns with quantity targets, unit tasks on the work calendar and the quantities
 * they report with photos; problem lists and their rectification; 课题, honours and publicity; figures and report.
 */
export { createCampaigns, type Campaigns } from './campaigns.module.ts';
export type { CampaignDeps } from './cp-context.ts';
export { registerCampaignRoutes } from './campaigns.routes.ts';
export { seedCampaigns, type CampaignSeed } from './campaigns.seed.ts';
export { CP_ERRORS } from './campaigns.errors.ts';
