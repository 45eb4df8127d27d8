import { addDays, type Loader } from './common.ts';

/** The year's items: 2 建议 of the 人大 (1 led by the bureau) and 7 提案 of the 政协 (4 led), as the report counts them. */
const ITEMS = [
  ['npc', 'lead'],
  ['npc', 'co'],
  ['cppcc', 'lead'],
  ['cppcc', 'lead'],
  ['cppcc', 'lead'],
  ['cppcc', 'lead'],
  ['cppcc', 'co'],
  ['cppcc', 'co'],
  ['cppcc', 'co'],
] as const;

interface Summary {
  id: string;
  proposalNo: string;
}

/**
 * 人大建议/政协提案 of the session in spring: each registered, answered by a drafted reply a leader approves, sent,
 * and rated satisfied by the deputy or member; the replies and ratings stamp days of the year.
 */
export const proposalsLoader: Loader = {
  name: 'proposals',
  async load(api, year) {
    const existing = (await api.get<{ items: Summary[] }>('admin', '/api/proposals?pageSize=200')).items;
    let created = 0;
    for (const [i, [body, role]] of ITEMS.entries()) {
      const proposalNo = `${year}${body === 'npc' ? '建' : '提'}${String(i + 1).padStart(3, '0')}号`;
      if (existing.some((p) => p.proposalNo === proposalNo)) continue;
      const assignedOn = addDays(`${year}-03-20`, i);
      const { id } = await api.at(assignedOn).post<{ id: string }>('admin', '/api/proposals', {
        proposalNo,
        body,
        session: body === 'npc' ? '市七届人大三次会议' : '市政协七届三次会议',
        proposer: body === 'npc' ? `人大代表${i + 1}` : `政协委员${i + 1}`,
        title: `关于加强城市精细化管理的${body === 'npc' ? '建议' : '提案'}（${i + 1}）`,
        content: '建议进一步加强市容秩序管理，完善城市管理长效机制。',
        handlingRole: role,
        ...(role === 'co' ? { leadAgency: '市住建局' } : {}),
        assignedOn,
      });
      const replyOn = addDays(assignedOn, 40);
      await api.at(replyOn, '10:00').put('admin', `/api/proposals/${id}/reply`, {
        text: '经认真研究，我局已将相关建议纳入年度工作计划，并落实到位。',
      });
      await api.at(replyOn, '11:00').post('admin', `/api/proposals/${id}/reply/submit`);
      await api.at(replyOn, '15:00').post('leader', `/api/proposals/${id}/reply/approve`, {});
      await api.at(addDays(replyOn, 1), '10:00').post('admin', `/api/proposals/${id}/reply/send`);
      await api.at(addDays(replyOn, 15), '10:00').post('admin', `/api/proposals/${id}/satisfaction`, {
        level: 'satisfied',
      });
      created++;
    }
    return created;
  },
};
