/**
 * The requests of the demo city's history that go through the services rather than the bulk loader: hotline work
 * orders received through the webhook, and 延期 requests waiting for a decision.
 */
import type { HotlineSource } from '../../../common/contracts/hotline.ts';
import type { Services } from '../composition.ts';
import type { HistoryActor } from '../modules/cases/index.ts';
import type { FixedClock } from '../platform/clock.ts';
import { HOUR, MINUTE, SURNAMES, pick, rng, type Ref } from './demo-history-plan.ts';

const HOTLINE_ORDERS: {
  source: HotlineSource;
  content: string;
  address: string;
  hoursAgo: number;
  to: 'pending' | 'signed' | 'converted';
}[] = [
  {
    source: '12345',
    content: '市民来电反映：小区门口垃圾堆放多日无人清运，气味很大。',
    address: '湛月路88号',
    hoursAgo: 0.3,
    to: 'pending',
  },
  {
    source: '12345',
    content: '来电反映：人行道上有井盖缺失，夜间行人容易踩空。',
    address: '新冶大道216号',
    hoursAgo: 0.8,
    to: 'pending',
  },
  {
    source: 'minqingtong',
    content: '民情通：商户占道经营，烧烤摊占用人行道。',
    address: '东岳路菜市场旁',
    hoursAgo: 3,
    to: 'signed',
  },
  {
    source: '12345',
    content: '来电反映：路灯不亮已一周，请尽快维修。',
    address: '金湖大道西段',
    hoursAgo: 20,
    to: 'signed',
  },
  {
    source: '12345',
    content: '来电反映：道路破损积水，车辆经过溅水。',
    address: '罗桥路56号',
    hoursAgo: 5,
    to: 'converted',
  },
  {
    source: 'petition',
    content: '信访件：小广告张贴严重，多次反映未解决。',
    address: '人民大道公交站台',
    hoursAgo: 26,
    to: 'converted',
  },
  {
    source: '12345',
    content: '来电反映：绿化带树木倒伏，影响通行。',
    address: '华夏路公园南门',
    hoursAgo: 29,
    to: 'converted',
  },
  {
    source: 'minqingtong',
    content: '民情通：建筑渣土沿路撒漏。',
    address: '铜都大道十字路口',
    hoursAgo: 49,
    to: 'converted',
  },
];

/** A few hotline work orders received through the webhook, some signed, some turned into cases. */
export async function hotlineOrders(services: Services, clock: FixedClock, ref: Ref, tenantId: string, now: Date) {
  const operator = await services.auth.actorFor(tenantId, ref.staff.operator.id, 'demo-history');
  if (!operator) return 0;
  const random = rng(7);
  let n = 0;
  for (const [i, o] of HOTLINE_ORDERS.entries()) {
    const received = new Date(now.getTime() - o.hoursAgo * HOUR);
    clock.set(received);
    const externalNo = `DY${received.toISOString().slice(0, 10).replace(/-/g, '')}${String(101 + i)}`;
    const { body } = await services.hotline.webhook(
      tenantId,
      o.source,
      {
        externalNo,
        content: o.content,
        address: o.address,
        requesterName: `${pick(SURNAMES, random)}女士`,
        requesterPhone: `137${String(Math.floor(random() * 1e8)).padStart(8, '0')}`,
      },
      null,
    );
    n += 1;
    if (o.to === 'pending') continue;
    clock.set(new Date(received.getTime() + 20 * MINUTE));
    const signed = await services.hotline.sign(operator, body.id, { version: 1 });
    if (o.to === 'signed') continue;
    clock.set(new Date(received.getTime() + 35 * MINUTE));
    const matter = ref.pickMatter(random);
    const condition = matter.conditions[0]!;
    const place = pick(ref.places, random);
    const converted = await services.hotline.convert(operator, body.id, {
      version: signed.version,
      matterCode: matter.code,
      lng: place.lng,
      lat: place.lat,
    });
    // The case it became goes on like any other: accepted, filed and dispatched within the hour.
    if (!converted.caseId) continue;
    let version = 1;
    const steps: [HistoryActor, Parameters<Services['cases']['transition']>[2]][] = [
      [ref.staff.operator, { action: 'accept', version }],
      [ref.staff.shiftleader, { action: 'file', version, filingConditionId: condition.id }],
      [ref.staff.dispatcher, { action: 'dispatch', version, unitId: condition.unitId ?? ref.units[0]!.id }],
    ];
    let at = received.getTime() + 35 * MINUTE;
    for (const [who, body] of steps) {
      at += 8 * MINUTE;
      clock.set(new Date(at));
      const actor = await services.auth.actorFor(tenantId, who.id, 'demo-history');
      if (!actor) break;
      version = (await services.cases.transition(actor, converted.caseId, { ...body, version })).version;
    }
  }
  clock.set(now);
  return n;
}

/** 延期 requests of the sanitation unit's handler, waiting for the dispatcher or shift leader to decide. */
export async function approvalsWaiting(services: Services, clock: FixedClock, ref: Ref, tenantId: string, now: Date) {
  clock.set(now);
  let n = 0;
  for (const [unitId, h] of ref.handlers) {
    if (n >= 3) break;
    const actor = await services.auth.actorFor(tenantId, h.id, 'demo-history');
    if (!actor) continue;
    const page = await services.cases.list(actor, { inbox: 'handling', unitId, pageSize: 5, page: 1 });
    const target = page.items.find((c) => !c.pendingRequest && c.sla.level !== 'red');
    if (!target) continue;
    await services.cases.transition(actor, target.id, {
      action: 'request_extension',
      version: target.version,
      note: '涉及管线迁改，需协调供电部门，申请延期',
      amountValue: 2,
      amountUnit: 'work_days',
    });
    n += 1;
  }
  return n;
}
