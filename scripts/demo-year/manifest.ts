/**
 * Every figure of the bureau's 2023 work report (工作总结 part), in the report's order: the sentence it stands in,
 * the value and unit as printed, and either the figure key of a ReportSection that carries it (with the loader that
 * creates its records) or why it is missing. Values the report gives as "余"/"约" are read as the round number.
 */
export interface ManifestFigure {
  sentence: string;
  expected: number;
  /** the unit as printed */
  unit: string;
  /** the figure key, `<section>.<name>`; money keys read in the figure's own unit (元 or 万元) */
  key?: string;
  /** the loader whose records stand behind the key; absent with a key: no loader yet (`missing` says why) */
  loader?: string;
  /** why the figure is not reproduced: the module or metric that is absent */
  missing?: string;
}

const k = (sentence: string, expected: number, unit: string, key: string, loader: string): ManifestFigure => ({
  sentence,
  expected,
  unit,
  key,
  loader,
});
const m = (sentence: string, expected: number, unit: string, missing: string): ManifestFigure => ({
  sentence,
  expected,
  unit,
  missing,
});

const NO_ASSET_TYPE_COUNT = 'the assets section counts a line’s assets in total, not per type';
const NOT_RECORDED = 'no module records it';

export const MANIFEST_2023: readonly ManifestFigure[] = [
  k('先后2批次认领问题清单', 2, '批次', 'campaigns.yixiaSanminLists', 'campaigns'),
  k('问题清单共12个', 12, '个', 'campaigns.yixiaSanminItems', 'campaigns'),
  k('开展课题研究5个', 5, '个', 'campaigns.topics', 'campaigns'),
  {
    sentence: '查处并整改问题840起',
    expected: 840,
    unit: '起',
    key: 'enforcement.decided',
    missing:
      'no loader yet: each decision is a full enforcement case (立案, 调查, 审核, 决定, 缴款, 结案) through the API',
  },
  {
    sentence: '处罚金额148435元',
    expected: 148_435,
    unit: '元',
    key: 'enforcement.fineFen',
    missing: 'no loader yet: the fines are those of the 840 enforcement decisions',
  },
  k('接待群众举报、阳光信访、市民热线等32余次', 32, '次', 'illegalConstruction.publicReports', 'illegal-construction'),
  k('批示件12件', 12, '件', 'illegalConstruction.instructions', 'illegal-construction'),
  k('下送《停工通知书》25份', 25, '份', 'illegalConstruction.stopNotices', 'illegal-construction'),
  k('发送交办函、督办函23份', 23, '份', 'illegalConstruction.letters', 'illegal-construction'),
  k('组织拆违行动188次', 188, '次', 'illegalConstruction.bureauDemolitions', 'illegal-construction'),
  k('拆除各类违建面积达46574平方米', 46_574, '平方米', 'illegalConstruction.bureauAreaM2', 'illegal-construction'),
  k('配合各乡镇、场拆除行动20余起', 20, '起', 'illegalConstruction.assistDemolitions', 'illegal-construction'),
  k('拆除面积约20000㎡', 20_000, '㎡', 'illegalConstruction.assistAreaM2', 'illegal-construction'),
  k('户外广告牌匾共拆除774块', 774, '块', 'outdoorAds.removed', 'outdoor-ads'),
  k('其中墙体广告牌18块', 18, '块', 'outdoorAds.removedWall', 'outdoor-ads'),
  k('高空广告牌12块', 12, '块', 'outdoorAds.removedHigh', 'outdoor-ads'),
  k('路铭牌6块', 6, '块', 'outdoorAds.removedRoadSign', 'outdoor-ads'),
  k('灯箱730块', 730, '块', 'outdoorAds.removedLightBox', 'outdoor-ads'),
  k('雨棚8组', 8, '组', 'outdoorAds.removedAwning', 'outdoor-ads'),
  m('城区主次干道采取16小时保洁制', 16, '小时', 'a work standard, not a count of records'),
  m('城区2座垃圾转运站', 2, '座', NO_ASSET_TYPE_COUNT),
  m('14座垃圾收集站', 14, '座', NO_ASSET_TYPE_COUNT),
  {
    sentence: '处理各类垃圾7000余吨',
    expected: 7000,
    unit: '吨',
    key: 'assets.sanitation.quantityT',
    missing:
      'no loader yet: the base seed writes the transfer stations’ 2023 tonnage logs itself (7012.4 t, server/src/seed/demo-assets.ts); POST /api/assets/logs could load them',
  },
  m('24辆洒水雾化车', 24, '辆', NO_ASSET_TYPE_COUNT),
  m('每日循环6-8次开展作业', 8, '次', NOT_RECORDED),
  m('落实奖补资金43.5万', 43.5, '万元', 'no module records rural sanitation subsidies'),
  m('栽植鲜花110余万盆', 110, '万盆', NOT_RECORDED),
  m('各类草皮80万平方米', 80, '万平方米', 'parks logs carry quantities, but no loader and no per-kind key'),
  m('完成城区65条主次干道', 65, '条', NOT_RECORDED),
  m('6处桥涵隧道', 6, '处', NOT_RECORDED),
  m('共计9206平方米的人行道、盲道维修', 9206, '平方米', 'municipal logs carry m², but no loader and no per-kind key'),
  m('其他无障碍设施380个', 380, '个', NOT_RECORDED),
  m('对城区13条路段', 13, '条', NOT_RECORDED),
  m('23.5公里的易渍水点位进行全面清淤', 23.5, '公里', 'drainage logs carry metres, but no loader and no per-kind key'),
  m('清理窨井和更换井盖135处', 135, '处', 'asset work orders have no per-kind count key'),
  m('更换200处“五防”宽边承插井', 200, '处', 'asset work orders have no per-kind count key'),
  m('投入250余万', 250, '万元', 'asset work-order cost is per line, not per pump house; no loader'),
  m('城区19个泵房', 19, '个', NO_ASSET_TYPE_COUNT),
  m('投入920余万元', 920, '万元', NOT_RECORDED),
  m('19公里的市政、小区供水管网', 19, '公里', NOT_RECORDED),
  m('查处渣土污染源头70余处', 70, '处', 'muck figures have no key'),
  m('出动执勤人员1600余人次', 1600, '人次', NOT_RECORDED),
  m('洒水车辆150余台次', 150, '台次', NOT_RECORDED),
  m('清洗面积达6万平方米', 6, '万平方米', NOT_RECORDED),
  k('处理油烟噪音信访投诉184起', 184, '起', 'hotline.class.06027+06028.received', 'complaints'),
  k('处理率100%', 100, '%', 'hotline.class.06027+06028.handleRate', 'complaints'),
  k('回复率100%', 100, '%', 'hotline.class.06027+06028.replyRate', 'complaints'),
  k('满意率100%', 100, '%', 'hotline.class.06027+06028.satisfactionRate', 'complaints'),
  m('安全生产检查工作40余次', 40, '次', 'gasSafety.checks exists; no loader records the checks through the API yet'),
  m('发现并整改隐患1139条', 1139, '条', 'gasSafety.hazardsClosed exists; no loader records the hazards yet'),
  m('省厅督查检查整改问题隐患35个', 35, '个', 'gasSafety.superiorClosed exists; no loader records the hazards yet'),
  k('人民视点、湖北日报、长江云客户端、荆楚网刊登宣传稿件63篇', 63, '篇', 'campaigns.publicityProvincial', 'campaigns'),
  k('黄石日报、东楚晚报、今日大冶、云上大冶等刊登宣传稿件83篇', 83, '篇', 'campaigns.publicityLocal', 'campaigns'),
  k('巡察反馈的4大类', 4, '大类', 'campaigns.inspectionClasses', 'campaigns'),
  k('26项问题', 26, '项', 'campaigns.inspectionItems', 'campaigns'),
  k('不折不扣落实巡察反馈的26项问题', 26, '项', 'campaigns.inspectionRectified', 'campaigns'),
  {
    sentence: '全市300余家商户',
    expected: 300,
    unit: '家',
    key: 'yellowLine.shops',
    loader: 'yellow-line',
  },
  {
    sentence: '120余个临时摊位施划了“文明黄线”',
    expected: 120,
    unit: '个',
    key: 'yellowLine.stalls',
    loader: 'yellow-line',
  },
  m('完成城区25条主次干道', 25, '条', 'campaign quantities are a table of the campaigns section, not figure keys'),
  m('40个社区的整治工作', 40, '个', 'campaign quantities are a table of the campaigns section, not figure keys'),
  m('累计完成线缆捆扎25万米', 25, '万米', 'campaign quantities are a table of the campaigns section, not figure keys'),
  m('更换光缆2.1万米', 2.1, '万米', 'campaign quantities are a table of the campaigns section, not figure keys'),
  m('拆除钢绞线1.1万米', 1.1, '万米', 'campaign quantities are a table of the campaigns section, not figure keys'),
  m('拆除废弃线缆2万余米', 2, '万米', 'campaign quantities are a table of the campaigns section, not figure keys'),
  m('安装限高标识牌30块', 30, '块', 'campaign quantities are a table of the campaigns section, not figure keys'),
  {
    sentence: '对恒达夜市190个摊位进行统一分配',
    expected: 190,
    unit: '个',
    key: 'nightMarket.allocated',
    missing: 'no loader yet: a night-market round (market, stalls, 208 applications on the citizen page, the draw)',
  },
  m('11人数字化运行团队', 11, '人', 'the team is staff, not records'),
  m('对城区18条主次干道', 18, '条', NOT_RECORDED),
  m('1500余个可移动式垃圾桶', 1500, '个', NOT_RECORDED),
  k('累计争取落实政策和项目2项', 2, '项', 'projects.funds', 'projects'),
  k('争取到位资金2641万元', 2641, '万元', 'projects.fundsFen', 'projects'),
  k('23个改造项目', 23, '个', 'projects.subprojects', 'projects'),
  k('已完工22个项目', 22, '个', 'projects.subprojectsDone', 'projects'),
  k('总体完工比例为60%', 60, '%', 'projects.progressPct', 'projects'),
  m(
    '已安装可燃气体报警装置280户',
    280,
    '户',
    'the gasSafety figures exist; no loader records installations or GAS-USER assets yet',
  ),
  m(
    '自闭阀（切断阀）1.8127万户',
    1.8127,
    '万户',
    'the gasSafety figures exist; no loader records installations or GAS-USER assets yet',
  ),
  m(
    '燃气专用软管9.186万户',
    9.186,
    '万户',
    'the gasSafety figures exist; no loader records installations or GAS-USER assets yet',
  ),
  m(
    '管道气商业用户405户',
    405,
    '户',
    'the gasSafety figures exist; no loader records installations or GAS-USER assets yet',
  ),
  m(
    '瓶装液化气商业用户1605户',
    1605,
    '户',
    'the gasSafety figures exist; no loader records installations or GAS-USER assets yet',
  ),
  m('雨污831个混节点', 831, '个', 'drainage survey findings are not recorded'),
  m('1894个结构性缺陷点', 1894, '个', 'drainage survey findings are not recorded'),
  m('四座生活污水处理厂', 4, '座', NO_ASSET_TYPE_COUNT),
  k('共承办人大代表建议和政协提案共9件', 9, '件', 'proposals.total', 'proposals'),
  k('市人大代表建议2件', 2, '件', 'proposals.npc', 'proposals'),
  k('（主办件1件）', 1, '件', 'proposals.npcLead', 'proposals'),
  k('政协提案7件', 7, '件', 'proposals.cppcc', 'proposals'),
  k('（主办件4件）', 4, '件', 'proposals.cppccLead', 'proposals'),
  k('各项建议提案办结率100%', 100, '%', 'proposals.closeRate', 'proposals'),
  k('满意率均达到100%', 100, '%', 'proposals.satisfactionRate', 'proposals'),
  k('共处理各类投诉594件', 594, '件', 'hotline.received', 'complaints'),
  k('“民情通”统一诉求平台297件', 297, '件', 'hotline.source.minqingtong.received', 'complaints'),
  k('阳光信访平台7件', 7, '件', 'hotline.source.petition.received', 'complaints'),
  k('窗口共受理审批事项121件', 121, '件', 'approvals.accepted', 'approvals'),
  k('办结121件', 121, '件', 'approvals.closed', 'approvals'),
  k('办结率100%', 100, '%', 'approvals.closedRate', 'approvals'),
  k('接受群众业务咨询150余人次', 150, '人次', 'approvals.consultations', 'approvals'),
  k('得到了上级部门的认可和肯定（十项荣誉）', 10, '项', 'campaigns.honours', 'campaigns'),
];
