import type { YearbookPart } from '../../../../common/domain/yearbook.ts';

/**
 * The outline a tenant's first 工作总结 starts from: the bureau's structure (一、工作总结 with numbered subsections;
 * 二、存在问题; 三、工作计划), with sentences in the bureau's own manner carrying live figures. Staff rewrite it; the
 * next year starts from their text instead.
 */
export function firstOutline(year: number): { part: YearbookPart; heading: string; body: string }[] {
  const y = String(year);
  return [
    {
      part: 'summary',
      heading: '推进数字城管闭环管理',
      body: [
        `全年共受理各类城市管理问题{{overview.reported|${y}}}件，立案{{overview.filed|${y}}}件，结案{{overview.closed|${y}}}件，结案率{{overview.closeRate|${y}}}，按期结案率{{overview.onTimeCloseRate|${y}}}。`,
        `回访评价{{quality.rated|${y}}}件，满意率{{quality.satisfactionRate|${y}}}。`,
      ].join('\n'),
    },
    {
      part: 'summary',
      heading: '推进查违控违和市容整治',
      body: [
        `下送《停工通知书》{{illegalConstruction.stopNotices|${y}}}份，发送交办函、督办函{{illegalConstruction.letters|${y}}}份，组织拆违行动{{illegalConstruction.bureauDemolitions|${y}}}次，拆除各类违建面积{{illegalConstruction.bureauAreaM2|${y}}}平方米。`,
        `拆除不规范户外广告牌匾{{outdoorAds.removed|${y}}}块。`,
      ].join('\n'),
    },
    {
      part: 'summary',
      heading: '优化审批服务',
      body: `窗口共受理行政审批事项{{approvals.accepted|${y}}}件，办结{{approvals.closed|${y}}}件，办结率{{approvals.closedRate|${y}}}；接待群众业务咨询{{approvals.consultations|${y}}}人次。`,
    },
    {
      part: 'problems',
      heading: '存在问题',
      body: '城市管理精细化水平与群众期待仍有差距，部分问题反复出现，源头治理有待加强。',
    },
    {
      part: 'plan',
      heading: '工作计划',
      body: `${year + 1}年，我们将继续完善数字城管平台，做到发现问题、处置问题、解决问题、反馈结果、实时考核闭环运行。`,
    },
  ];
}
