/**
 * The figures of a period (docs/campaigns.md, "Figures"): the quantities each running campaign reported in it,
 * tasks due and done, the rectification of the problem lists issued in it, 课题 started, publicity by level and
 * honours. The console's cards and the report's sentences read the same numbers.
 */
import type { CampaignFigures } from '../../../../common/contracts/campaigns.ts';
import { fromMilli, isProvincialOrAbove, percent, type ProblemListKind } from '../../../../common/domain/campaigns.ts';
import { requirePermission, type Actor } from '../auth/index.ts';
import { cpErrors } from './campaigns.errors.ts';
import * as repo from './campaigns.repository.ts';
import * as figures from './cp-figures.repository.ts';
import { READ, type CpContext } from './cp-context.ts';

export function createFigures(ctx: CpContext) {
  const { db, today } = ctx;

  async function rectification(tenantId: string, kind: ProblemListKind, from: string, to: string) {
    const { lists, items } = await figures.problemsOf(db, tenantId, kind, from, to);
    const classes = new Set(items.flatMap((i) => (i.class_name ? [`${i.list_id}\u0000${i.class_name}`] : [])));
    const rectified = items.filter((i) => i.status === 'rectified').length;
    return { lists, classes: classes.size, items: items.length, rectified, rate: percent(rectified, items.length) };
  }

  async function of(tenantId: string, from: string, to: string): Promise<CampaignFigures> {
    const running = await figures.campaignsIn(db, tenantId, from, to);
    const targets = await repo.targetsWithSums(
      db,
      tenantId,
      running.map((c) => c.id),
      { from, to },
    );
    const [tasks, inspection, yixiaSanmin, topics, publicity, honours] = await Promise.all([
      figures.tasksDue(db, tenantId, from, to, today()),
      rectification(tenantId, 'inspection', from, to),
      rectification(tenantId, 'yixiaSanmin', from, to),
      figures.topicsIn(db, tenantId, from, to),
      figures.publicityByLevel(db, tenantId, from, to),
      figures.honoursIn(db, tenantId, from, to),
    ]);
    const provincialOrAbove = publicity
      .filter((p) => isProvincialOrAbove(p.level))
      .reduce((s, p) => s + Number(p.n), 0);
    const total = publicity.reduce((s, p) => s + Number(p.n), 0);
    return {
      from,
      to,
      campaigns: running.map((c) => ({
        id: c.id,
        name: c.name,
        kind: c.kind,
        verb: c.verb,
        targets: targets
          .filter((t) => t.campaign_id === c.id)
          .map((t) => ({
            name: t.name,
            code: t.code ?? null,
            measure: t.measure,
            target: fromMilli(Number(t.target_milli)),
            reported: fromMilli(Number(t.reported_milli ?? 0)),
          })),
      })),
      tasks: { ...tasks, doneRate: percent(tasks.done, tasks.total) },
      inspection,
      yixiaSanmin,
      topics,
      publicity: { provincialOrAbove, local: total - provincialOrAbove, total },
      honours,
    };
  }

  return {
    /** For the report section: no permission check (the report checks report.read). */
    of,
    async figures(actor: Actor, from: string, to: string): Promise<CampaignFigures> {
      requirePermission(actor, READ);
      if (to < from) throw cpErrors.field('query.to', 'order', 'the period ends before it starts');
      return of(actor.tenantId, from, to);
    },
  };
}
export type CampaignFiguresService = ReturnType<typeof createFigures>;
