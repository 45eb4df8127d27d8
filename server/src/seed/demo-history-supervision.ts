/**
 * 督办单 of the demo city's history, issued and answered through the supervision service at past times (the clock
 * is set to each moment): some answered on time, one late, one left unanswered past its deadline (the reply sweep
 * raises it a level) and one still within its limit, so the 督办单 list and its figures (督办数, 按期回复率) are
 * not empty for a new user (docs/demo-city.md, "History").
 */
import type { SupervisionLevel } from '../../../common/domain/supervision.ts';
import type { Services } from '../composition.ts';
import type { FixedClock } from '../platform/clock.ts';
import { HOUR, type Ref } from './demo-history-plan.ts';

const DAY = 24 * HOUR;

/**
 * Each order: its level, when it is issued (days before now, or later when its case's last step is younger), the
 * least age it needs for its outcome to be known by now, and when the unit replies (days after issue).
 */
const PLAN: {
  level: SupervisionLevel;
  daysAgo: number;
  atLeast: number;
  replyAfterDays: number | null;
  reason: string;
}[] = [
  { level: 'key', daysAgo: 14, atLeast: 7, replyAfterDays: 6, reason: '同一点位反复发生，请查明原因限期整改' },
  { level: 'key', daysAgo: 12, atLeast: 6, replyAfterDays: null, reason: '处置进度缓慢，请说明情况' },
  { level: 'key', daysAgo: 16, atLeast: 3, replyAfterDays: 2, reason: '超期未处置，列为重点督办' },
  { level: 'general', daysAgo: 20, atLeast: 2, replyAfterDays: 1, reason: '群众反映强烈，请加快处置并按期回复' },
  { level: 'listed', daysAgo: 0.1, atLeast: 0, replyAfterDays: null, reason: '挂牌督办：主干道影响通行，限期办结' },
];

/** A plain grey photo standing for the unit's evidence (the demo has no real pictures). sharp is loaded only here,
 * so a process that never seeds history does not carry it. */
const evidence = async () => {
  const { default: sharp } = await import('sharp');
  return sharp({ create: { width: 640, height: 480, channels: 3, background: { r: 128, g: 136, b: 144 } } })
    .jpeg()
    .toBuffer();
};

export async function supervisionOrders(
  services: Services,
  clock: FixedClock,
  ref: Ref,
  tenantId: string,
  now: Date,
): Promise<number> {
  clock.set(now);
  const leader = await services.auth.actorFor(tenantId, ref.staff.leader.id, 'demo-history');
  if (!leader) return 0;
  // Open cases in handling, oldest step first, one unit after another; each is 督办 once.
  const targets: { caseId: string; unitId: string; since: number }[] = [];
  for (const [unitId, h] of ref.handlers) {
    const handler = await services.auth.actorFor(tenantId, h.id, 'demo-history');
    if (!handler) continue;
    const page = await services.cases.list(handler, { inbox: 'handling', unitId, pageSize: 20, page: 1 });
    for (const c of page.items) {
      if (c.escalated || c.pendingRequest) continue;
      const detail = await services.cases.get(leader, c.id);
      const last = detail.timeline.at(-1)?.at;
      if (last) targets.push({ caseId: c.id, unitId, since: Date.parse(last) });
    }
  }
  targets.sort((a, b) => a.since - b.since);
  let issued = 0;
  for (const order of PLAN) {
    const latest = now.getTime() - order.atLeast * DAY;
    const k = targets.findIndex((t) => t.since + HOUR <= latest);
    const [target] = k < 0 ? [] : targets.splice(k, 1);
    if (!target) continue;
    const at = Math.min(Math.max(target.since + HOUR, now.getTime() - order.daysAgo * DAY), latest);
    clock.set(new Date(at));
    const issuedOrder = await services.supervision.issue(leader, {
      caseId: target.caseId,
      level: order.level,
      reason: order.reason,
    });
    issued += 1;
    if (order.replyAfterDays === null) continue;
    const h = ref.handlers.get(target.unitId);
    const handler = h && (await services.auth.actorFor(tenantId, h.id, 'demo-history'));
    if (!handler) continue;
    clock.set(new Date(Math.min(at + order.replyAfterDays * DAY, now.getTime())));
    const photo = await services.photos.upload(handler, await evidence());
    await services.supervision.reply(handler, issuedOrder.id, {
      text: '已组织人员现场处置，问题已整改到位，整改前后照片附后。',
      photoIds: [photo.id],
    });
  }
  clock.set(now);
  // Orders past their limit and unanswered rise one level, as the server's sweep would do within a minute.
  await services.supervision.sweep(now);
  return issued;
}
