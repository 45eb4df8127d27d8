import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db.ts';
import { campaignsSection } from './campaigns-report-section.ts';
import { createCampaignService } from './campaigns.service.ts';
import { createCpContext, type CampaignDeps } from './cp-context.ts';
import { createFigures } from './cp-figures.ts';
import { createProblemService } from './problems.service.ts';
import { createRecordService } from './records.service.ts';

/** The campaigns module's services and report section (the composition root calls this). */
export function createCampaigns(database: Database, clock: Clock, deps: CampaignDeps) {
  const ctx = createCpContext(database, clock, deps);
  const figures = createFigures(ctx);
  const campaigns = createCampaignService(ctx);
  const problems = createProblemService(ctx);
  return {
    campaigns,
    problems,
    records: createRecordService(ctx),
    figures,
    reportSection: campaignsSection(figures),
    /** The photos module's question for a photo held by a report (`campaign_report:`) or an item (`campaign_problem:`). */
    async canViewHeld(actor: Parameters<typeof campaigns.canViewReport>[0], holder: string): Promise<boolean> {
      if (holder.startsWith('campaign_report:'))
        return campaigns.canViewReport(actor, holder.slice('campaign_report:'.length));
      if (holder.startsWith('campaign_problem:'))
        return problems.canViewItem(actor, holder.slice('campaign_problem:'.length));
      return false;
    },
  };
}
export type Campaigns = ReturnType<typeof createCampaigns>;
