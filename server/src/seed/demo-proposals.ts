/**
 * 人大代表建议 and 政协委员提案 of the demo city. The 2023 totals follow the bureau's 2023 work report
 * (docs/proposals.md): 9 items, 2 市人大代表建议 (1 as lead) and 7 政协提案 (4 as lead), split over the bureau's
 * units, all replied, 满意率 100 %. Titles, proposers, dates, units and texts are synthetic. Two items of the current
 * year are still in hand, one with a unit task past its last day, so the to-do and the overdue filter show something.
 */
import { DEFAULT_REPLY_MONTHS, replyDueDate } from '../../../common/domain/proposals.ts';
import { WorkCalendar } from '../../../common/domain/work-calendar.ts';
import { defaultWorkCalendarSpec } from '../../../common/domain/work-calendar-seed.ts';
import type { ProposalsTable, ProposalTasksTable } from '../db/schema-proposals.ts';
import { orgReadModel } from '../modules/org/index.ts';
import { seedProposals } from '../modules/proposals/index.ts';
import type { Clock } from '../platform/clock.ts';
import type { Executor } from '../platform/db.ts';
import { newId } from '../platform/ids.ts';
import { DAYE_UNITS } from './daye-org.ts';

interface Item {
  no: string;
  body: 'npc' | 'cppcc';
  role: 'lead' | 'co';
  proposer: string;
  title: string;
  units: string[];
  satisfaction?: 'satisfied' | 'basically';
}

const unitName = (code: string) => DAYE_UNITS.find((u) => u.code === code)?.name ?? code;
const SESSION = { npc: '市七届人大三次会议', cppcc: '市政协七届三次会议' } as const;
const LEAD_AGENCY = '市住房和城乡建设局';

const ITEMS_2023: Item[] = [
  {
    no: '第0017号',
    body: 'npc',
    role: 'lead',
    proposer: '陈代表',
    title: '关于规范城区早夜市经营秩序的建议',
    units: ['ENFORCE', 'SANITATION'],
  },
  {
    no: '第0042号',
    body: 'npc',
    role: 'co',
    proposer: '刘代表',
    title: '关于加快老旧小区雨污分流改造的建议',
    units: ['DRAINAGE'],
    satisfaction: 'basically',
  },
  {
    no: '第0008号',
    body: 'cppcc',
    role: 'lead',
    proposer: '张委员',
    title: '关于增设城区公共厕所的提案',
    units: ['SANITATION'],
  },
  {
    no: '第0023号',
    body: 'cppcc',
    role: 'lead',
    proposer: '王委员',
    title: '关于加强渣土运输车辆管理的提案',
    units: ['MUCK', 'ENFORCE'],
  },
  {
    no: '第0031号',
    body: 'cppcc',
    role: 'lead',
    proposer: '李委员',
    title: '关于提升街头游园绿化品质的提案',
    units: ['PARKS'],
  },
  {
    no: '第0056号',
    body: 'cppcc',
    role: 'lead',
    proposer: '民建大冶市委员会',
    title: '关于规范户外广告设置的提案',
    units: ['ENFORCE'],
    satisfaction: 'basically',
  },
  {
    no: '第0064号',
    body: 'cppcc',
    role: 'co',
    proposer: '赵委员',
    title: '关于老旧燃气管网改造的提案',
    units: ['GAS'],
  },
  {
    no: '第0071号',
    body: 'cppcc',
    role: 'co',
    proposer: '孙委员',
    title: '关于整治城区道路破损的提案',
    units: ['MUNICIPAL'],
  },
  {
    no: '第0085号',
    body: 'cppcc',
    role: 'co',
    proposer: '周委员',
    title: '关于完善垃圾分类收运体系的提案',
    units: ['SANITATION'],
  },
];

const at = (date: string, hour = 9) =>
  new Date(`${date}T${String(hour - 8).padStart(2, '0')}:00:00.000Z`).toISOString();
const plusDays = (date: string, n: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

export async function seedDemoProposals(
  tx: Executor,
  tenantId: string,
  clock: Clock,
  adminId: string,
  units: ReadonlyMap<string, string>,
  today: string,
): Promise<void> {
  // the seeded statutory holidays, as the tenant's calendar starts
  const calendar = new WorkCalendar(defaultWorkCalendarSpec());
  const dueFrom = (assignedOn: string) =>
    replyDueDate(assignedOn, DEFAULT_REPLY_MONTHS, (d) => calendar.isWorkingDay(d));
  const approver = (await orgReadModel.usersWithRole(tx, tenantId, 'bureauLeader', true))[0];
  const proposals: ProposalsTable[] = [];
  const tasks: ProposalTasksTable[] = [];
  const created = clock.now().toISOString();
  const row = (item: Item, assignedOn: string, dueOn: string): ProposalsTable => ({
    id: newId(),
    tenant_id: tenantId,
    proposal_no: item.no,
    body: item.body,
    session: item.body === 'npc' ? SESSION.npc : SESSION.cppcc,
    proposer: item.proposer,
    title: item.title,
    content: `${item.title.replace(/^关于/, '').replace(/的(建议|提案)$/, '')}，群众反映较多，建议有关部门统筹研究、加大投入、建立长效机制。`,
    handling_role: item.role,
    lead_agency: item.role === 'co' ? LEAD_AGENCY : null,
    assigned_on: assignedOn,
    due_on: dueOn,
    status: 'registered',
    reply_status: null,
    reply_text: null,
    reply_drafted_by: null,
    reply_drafted_by_name: null,
    reply_submitted_at: null,
    reply_decided_by: null,
    reply_decided_by_name: null,
    reply_decided_at: null,
    reply_decision_note: null,
    replied_at: null,
    satisfaction: null,
    satisfaction_note: null,
    rated_at: null,
    history: JSON.stringify([{ at: at(assignedOn), kind: 'registered', by: '系统管理员', note: null }]),
    created_by: adminId,
    created_at: created,
    updated_at: created,
  });
  const task = (p: ProposalsTable, code: string, assignedOn: string, dueOn: string, doneOn: string | null) => {
    const unitId = units.get(code);
    if (!unitId) return;
    tasks.push({
      id: newId(),
      tenant_id: tenantId,
      proposal_id: p.id,
      unit_id: unitId,
      requirement: '请认真研究，提出办理意见',
      assigned_by: adminId,
      assigned_at: at(assignedOn, 10),
      due_on: dueOn,
      status: doneOn ? 'done' : 'open',
      result: doneOn ? '已按要求调查研究，制定整改措施并组织实施。' : null,
      done_by: null,
      done_by_name: doneOn ? '承办股室' : null,
      done_at: doneOn ? at(doneOn, 16) : null,
    });
  };

  // 2023: assigned after the two sessions, due three months later, replied in May and June, all rated
  ITEMS_2023.forEach((item, i) => {
    const assignedOn = '2023-03-15';
    const p = row(item, assignedOn, dueFrom(assignedOn));
    const sent = plusDays('2023-05-10', i * 4);
    for (const code of item.units) task(p, code, assignedOn, p.due_on, plusDays(sent, -10));
    const leader = approver?.display_name ?? null;
    const event = (date: string, kind: string, by: string | null, note: string | null = null, hour = 9) => ({
      at: at(date, hour),
      kind,
      by,
      note,
    });
    const level = item.satisfaction ?? 'satisfied';
    Object.assign(p, {
      history: JSON.stringify([
        event(assignedOn, 'registered', '系统管理员'),
        ...item.units.map((code) => event(assignedOn, 'task_assigned', '系统管理员', unitName(code), 10)),
        ...item.units.map((code) => event(plusDays(sent, -10), 'task_done', '承办股室', unitName(code), 16)),
        event(plusDays(sent, -4), 'reply_drafted', '系统管理员'),
        event(plusDays(sent, -3), 'reply_submitted', '系统管理员'),
        event(plusDays(sent, -2), 'reply_approved', leader),
        event(sent, 'reply_sent', '系统管理员', null, 15),
        event(plusDays(sent, 14), 'rated', '系统管理员', level),
      ]),
      status: 'closed',
      reply_status: 'approved',
      reply_text: `关于${item.title.replace(/^关于/, '')}的答复：我局高度重视，已组织相关单位办理，具体情况如下……`,
      reply_drafted_by: adminId,
      reply_drafted_by_name: '系统管理员',
      reply_submitted_at: at(plusDays(sent, -3)),
      reply_decided_by: approver?.id ?? null,
      reply_decided_by_name: approver?.display_name ?? null,
      reply_decided_at: at(plusDays(sent, -2)),
      replied_at: at(sent, 15),
      satisfaction: level,
      rated_at: at(plusDays(sent, 14)),
    } satisfies Partial<ProposalsTable>);
    proposals.push(p);
  });

  // This year: one in hand with a unit task past its last day, one just registered
  const year = today.slice(0, 4);
  const early = plusDays(today, -40);
  const inHand = row(
    {
      no: `${year}-第0005号`,
      body: 'npc',
      role: 'lead',
      proposer: '黄代表',
      title: '关于治理背街小巷环境卫生的建议',
      units: [],
    },
    early,
    dueFrom(early),
  );
  inHand.status = 'handling';
  inHand.history = JSON.stringify([
    { at: at(early), kind: 'registered', by: '系统管理员', note: null },
    { at: at(early, 10), kind: 'task_assigned', by: '系统管理员', note: unitName('SANITATION') },
    { at: at(early, 10), kind: 'task_assigned', by: '系统管理员', note: unitName('ENFORCE') },
    { at: at(plusDays(today, -8), 16), kind: 'task_done', by: '承办股室', note: unitName('ENFORCE') },
  ]);
  task(inHand, 'SANITATION', early, plusDays(today, -5), null);
  task(inHand, 'ENFORCE', early, plusDays(today, -5), plusDays(today, -8));
  proposals.push(inHand);
  const recent = plusDays(today, -3);
  proposals.push(
    row(
      {
        no: `${year}-第0019号`,
        body: 'cppcc',
        role: 'co',
        proposer: '吴委员',
        title: '关于增加城区停车泊位的提案',
        units: [],
      },
      recent,
      dueFrom(recent),
    ),
  );
  await seedProposals(tx, proposals, tasks);
}
