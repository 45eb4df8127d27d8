import sharp from 'sharp';
import type { DemoApi, DemoUser } from '../api.ts';
import { dayOf } from '../spread.ts';
import { addDays, type Loader } from './common.ts';

/**
 * 信访投诉 of the year: 594 complaints, 297 from 民情通, 7 from 阳光信访 and the rest from 12345; 184 of them about
 * 油烟 (06027) or 噪声 (06028), the others about the street matters callers raise most. Each order arrives by the
 * source's webhook, is signed and turned into a case, the case runs the loop to closed the same day, the reply goes
 * back and the next day's revisit finds the caller satisfied (处理率、回复率、满意率100%).
 */
const TOTAL = 594;
const SOURCES = [
  { source: '12345', prefix: 'RX', n: 290 },
  { source: 'minqingtong', prefix: 'MQT', n: 297 },
  { source: 'petition', prefix: 'YGXF', n: 7 },
] as const;
const FUME_NOISE = 184;
/** 占道经营, 无照经营游商, 私搭乱建, 暴露垃圾, 积存垃圾渣土 (GB/T 47678.5 matter codes). */
const OTHER_MATTERS = ['09006', '09001', '06001', '06010', '06011'];

/** The matter of the i-th complaint of the year: 184 of 594, spread evenly, are 油烟 or 噪声. */
export function matterOf(i: number): string {
  if (Math.floor(((i + 1) * FUME_NOISE) / TOTAL) > Math.floor((i * FUME_NOISE) / TOTAL))
    return Math.floor((i * FUME_NOISE) / TOTAL) % 2 === 0 ? '06027' : '06028';
  return OTHER_MATTERS[i % OTHER_MATTERS.length] as string;
}

/** A point in the urban centre (docs/demo-city.md), where the callers live: inside the city, as intake requires. */
const sitePoint = (i: number) => ({
  lng: Math.round((114.955 + ((i * 37) % 40) / 1000) * 1e6) / 1e6,
  lat: Math.round((30.085 + ((i * 53) % 30) / 1000) * 1e6) / 1e6,
});

interface Order {
  id: string;
  externalNo: string;
  status: string;
  version: number;
  caseId: string | null;
}
interface Case {
  id: string;
  status: string;
  version: number;
}

const CONTENT: Record<string, string> = {
  '06027': '楼下餐馆油烟直排，家里窗户都不敢开，请尽快处理',
  '06028': '夜间施工和店铺音响噪声扰民，影响休息',
};

export const complaintsLoader: Loader = {
  name: 'complaints',
  async load(api, year) {
    const have = new Map<string, Order>();
    for (const { source } of SOURCES)
      for (let page = 1; ; page++) {
        const got = await api.get<{ items: Order[]; total: number }>(
          'operator',
          `/api/hotline/orders?source=${source}&pageSize=200&page=${page}`,
        );
        for (const o of got.items) have.set(o.externalNo, o);
        if (page * 200 >= got.total) break;
      }
    const ctx = await context(api);
    let created = 0;
    let i = 0;
    for (const { source, prefix, n } of SOURCES) {
      let secret: string | null = null;
      for (let k = 0; k < n; k++, i++) {
        const externalNo = `${prefix}${year}${String(i + 1).padStart(4, '0')}`;
        const day = dayOf(year, i, TOTAL, `${year}-12-20`);
        let order = have.get(externalNo);
        if (!order) {
          secret ??= (await api.post<{ secret: string }>('admin', `/api/hotline/sources/${source}/secret`)).secret;
          const matter = matterOf(i);
          api.at(day, '09:00');
          const receipt = await api.external<{ id: string }>(
            'POST',
            `/api/hotline/webhook/${source}`,
            {
              externalNo,
              requesterName: `市民${i + 1}`,
              requesterPhone: `1387150${String(1000 + (i % 9000)).slice(-4)}`,
              content: CONTENT[matter] ?? '门前占道经营、垃圾堆放，影响通行和环境卫生',
              address: `大冶市城区诉求地点${i + 1}号`,
            },
            { authorization: `Bearer ${secret}` },
          );
          order = { id: receipt.id, externalNo, status: 'pending_sign', version: 1, caseId: null };
          created++;
        }
        await complete(api, ctx, order, i, day);
      }
    }
    return created;
  },
};

interface Context {
  conditions: Map<string, string>;
  unitId: string;
  inspectorId: string;
  photo: Buffer;
}

async function context(api: DemoApi): Promise<Context> {
  const conditions = new Map<string, string>();
  for (const code of new Set([...OTHER_MATTERS, '06027', '06028'])) {
    const items = (
      await api.get<{ items: { id: string }[] }>('shiftleader', `/api/catalog/conditions?matterCode=${code}`)
    ).items;
    if (!items[0]) throw new Error(`no 立案条件 for matter ${code}`);
    conditions.set(code, items[0].id);
  }
  const unit = (await api.get<{ items: { id: string }[] }>('admin', '/api/org/units?q=SANITATION')).items[0];
  if (!unit) throw new Error('no SANITATION unit');
  const me = await api.get<{ user: { id: string } }>('inspector', '/api/auth/me');
  const photo = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#508060' } })
    .jpeg()
    .toBuffer();
  return { conditions, unitId: unit.id, inspectorId: me.user.id, photo };
}

/** Takes an order from wherever it stands to 回访, its case through the loop; a second run finds nothing to do. */
async function complete(api: DemoApi, ctx: Context, start: Order, i: number, day: string) {
  let order = start;
  const step = async (time: string, action: string, body: object = {}) => {
    order = await api
      .at(day, time)
      .post<Order>('operator', `/api/hotline/orders/${order.id}/${action}`, { version: order.version, ...body });
  };
  if (order.status === 'pending_sign') await step('09:20', 'sign');
  if (order.status === 'signed')
    await step('09:40', 'convert', {
      matterCode: matterOf(i),
      ...sitePoint(i),
      address: `大冶市城区诉求地点${i + 1}号`,
    });
  if (order.status === 'converted') {
    if (!order.caseId) throw new Error(`order ${order.externalNo} has no case`);
    await closeCase(api, ctx, order.caseId, matterOf(i), day);
    await step('16:00', 'reply', { text: '经现场核查，问题已处理完毕，已责令当事人整改到位，感谢您的监督。' });
  }
  if (order.status === 'replied') {
    api.at(addDays(day, 1), '10:00');
    await step('10:00', 'revisit', { satisfaction: 'satisfied' });
  }
}

/** The case loop as the command centre runs it: accept, file, dispatch, report back, check, close. */
async function closeCase(api: DemoApi, ctx: Context, caseId: string, matter: string, day: string) {
  let kase = await api.get<Case>('operator', `/api/cases/${caseId}`);
  const photo = async (user: DemoUser) => api.upload(user, ctx.photo);
  const go = async (user: DemoUser, time: string, body: Record<string, unknown>) => {
    api.at(day, time);
    const photoIds = body.action === 'report_back' || body.action === 'check_pass' ? [await photo(user)] : undefined;
    kase = await api.post<Case>(user, `/api/cases/${caseId}/transitions`, {
      version: kase.version,
      ...body,
      ...(photoIds ? { photoIds } : {}),
    });
  };
  const steps: Record<string, () => Promise<void>> = {
    reported: () => go('operator', '10:00', { action: 'accept' }),
    pending_filing: () => go('shiftleader', '10:15', { action: 'file', filingConditionId: ctx.conditions.get(matter) }),
    pending_dispatch: () => go('dispatcher', '10:30', { action: 'dispatch', unitId: ctx.unitId }),
    handling: () => go('handler', '13:30', { action: 'report_back', note: '已到现场处理，责令整改到位' }),
    reported_back: () => go('operator', '14:00', { action: 'send_check', userId: ctx.inspectorId }),
    checking: () => go('inspector', '14:30', { action: 'check_pass' }),
    pending_close: () => go('shiftleader', '15:00', { action: 'close', publicReply: '问题已处理完毕，感谢您的监督。' }),
  };
  for (let guard = 0; kase.status !== 'closed' && guard < 10; guard++) {
    const next = steps[kase.status];
    if (!next) throw new Error(`case ${caseId} stands at ${kase.status}: no step of the demo loop`);
    await next();
  }
}
