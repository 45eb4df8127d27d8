/**
 * Demo records of the 行政审批 window in 大冶市. The 2023 totals follow the bureau's 2023 work report
 * (docs/approvals.md): 121 applications accepted and 121 closed, about 150 consultations (taken as 150). So the
 * yearly report reproduces that sentence from records. Everything else is synthetic: how the totals split over
 * types and months, every applicant, address and phone number, and the few open applications around today.
 */
import { DEFAULT_APPROVAL_TYPES } from '../../../common/domain/approvals.ts';
import { WorkCalendar } from '../../../common/domain/work-calendar.ts';
import { defaultWorkCalendarSpec } from '../../../common/domain/work-calendar-seed.ts';
import { hasApprovalTypes, seedApprovals, type ApSeed } from '../modules/approvals/index.ts';
import type { Clock } from '../platform/clock.ts';
import type { Executor } from '../platform/db.ts';
import { random } from './demo-random.ts';

const ROADS = ['乾塔路', '新冶大道', '金湖大道', '冶炼路', '湛月路', '桃花大道', '东风路', '人民大道'];
const COMPANIES = [
  '大冶市恒通广告有限公司',
  '湖北鑫源建设工程有限公司',
  '大冶市华辰商贸有限公司',
  '大冶市城发市政工程有限公司',
];
const SURNAMES = ['陈', '刘', '王', '张', '李', '黄', '吴', '周'];
/** 2023 applications per type: 121 in all (synthetic split) */
const YEAR_SPLIT: Record<string, number> = {
  outdoor_ad: 38,
  road_occupation: 36,
  road_excavation: 17,
  construction_waste: 22,
  gas_business: 2,
  green_space: 6,
};
const TOPICS = [
  '店招设置需要哪些材料',
  '临时占道办理时限',
  '道路挖掘修复费标准',
  '建筑垃圾运输车辆要求',
  '绿地内树木迁移流程',
];

export function demoApprovals(calendar: WorkCalendar, now: Date): ApSeed {
  const rnd = random(20230121);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)] as T;
  const phone = () => `139${String(Math.floor(rnd() * 1e8)).padStart(8, '0')}`;
  const at = (date: string, hour: number) => new Date(`${date}T${String(hour).padStart(2, '0')}:30:00+08:00`);
  const working = (from: Date, days: number) => calendar.addLimit(from, days, 'work_days');
  const applications: ApSeed['applications'] = [];
  let n = 0;
  for (const type of DEFAULT_APPROVAL_TYPES) {
    for (let i = 0; i < (YEAR_SPLIT[type.code] ?? 0); i++) {
      n += 1;
      let day = `2023-${String(1 + Math.floor(rnd() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rnd() * 20)).padStart(2, '0')}`;
      while (!calendar.isWorkingDay(day))
        day = calendar.localDate(new Date(Date.parse(`${day}T12:00:00+08:00`) + 86_400_000));
      const accepted = at(day, 9);
      // most close a day or more before the promised date; one in six on the day itself
      const spent = i % 6 === 5 ? type.promisedDays : Math.max(1, Math.floor(rnd() * type.promisedDays));
      const decided = working(accepted, spent - 0.5);
      const closed = working(accepted, spent - 0.25);
      const grant = i % 9 !== 4;
      applications.push({
        typeCode: type.code,
        applicationNo: `SP2023-${String(n).padStart(5, '0')}`,
        applicantName: rnd() < 0.6 ? pick(COMPANIES) : `${pick(SURNAMES)}先生`,
        applicantPhone: phone(),
        address: `${pick(ROADS)}${1 + Math.floor(rnd() * 300)}号`,
        summary: null,
        acceptedAt: accepted.toISOString(),
        status: 'closed',
        decision: grant ? 'grant' : 'deny',
        decidedAt: decided.toISOString(),
        closedAt: closed.toISOString(),
        permitNo: grant ? `大城管许〔2023〕${String(n).padStart(4, '0')}号` : null,
      });
    }
  }
  // a few open applications around today
  const open: { code: string; back: number; status: 'accepted' | 'reviewing' | 'decided' }[] = [
    { code: 'outdoor_ad', back: 0, status: 'accepted' },
    { code: 'road_occupation', back: 1, status: 'reviewing' },
    { code: 'construction_waste', back: 2, status: 'reviewing' },
    { code: 'road_excavation', back: 3, status: 'decided' },
  ];
  const year = calendar.localDate(now).slice(0, 4);
  open.forEach((o, i) => {
    const accepted = new Date(now.getTime() - o.back * 86_400_000 - 3_600_000);
    applications.push({
      typeCode: o.code,
      applicationNo: `SP${year}-D${String(i + 1).padStart(4, '0')}`,
      applicantName: pick(COMPANIES),
      applicantPhone: phone(),
      address: `${pick(ROADS)}${1 + Math.floor(rnd() * 300)}号`,
      summary: null,
      acceptedAt: accepted.toISOString(),
      status: o.status,
      decision: o.status === 'decided' ? 'grant' : null,
      decidedAt: o.status === 'decided' ? now.toISOString() : null,
      closedAt: null,
      permitNo: o.status === 'decided' ? `大城管许〔${year}〕D${String(i + 1).padStart(4, '0')}号` : null,
    });
  });
  const consultations: ApSeed['consultations'] = Array.from({ length: 150 }, (_, i) => {
    const walkIn = rnd() < 0.6;
    const day = `2023-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + Math.floor(rnd() * 27)).padStart(2, '0')}`;
    return {
      channel: walkIn ? 'walk_in' : 'phone',
      name: `${pick(SURNAMES)}${rnd() < 0.5 ? '先生' : '女士'}`,
      phone: walkIn ? null : phone(),
      topic: pick(TOPICS),
      answer: '已一次性告知办理条件、材料和时限',
      consulted_at: at(day, 10).toISOString(),
    };
  });
  return { types: DEFAULT_APPROVAL_TYPES, applications, consultations };
}

/** Seeds the window into a tenant that has no application types yet. */
export async function seedDemoApprovals(tx: Executor, tenantId: string, clock: Clock, by: string): Promise<void> {
  if (await hasApprovalTypes(tx, tenantId)) return;
  const calendar = new WorkCalendar(defaultWorkCalendarSpec());
  await seedApprovals(tx, tenantId, clock, by, demoApprovals(calendar, clock.now()), calendar);
}
