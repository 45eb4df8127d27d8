/** 综合评价 (KPI), rankings and the statistics report. */
export const zhKpi = {
  kpi: {
    title: '综合评价',
    noData: '无数据',
    subjects: {
      tenant: '全市', street: '街道（乡镇）', community: '社区', grid: '单元网格', unit: '处置单位',
      inspector: '监督员', operator: '受理员', shiftLeader: '值班长', dispatcher: '派遣员',
    },
    periods: { day: '日', month: '月', quarter: '季度', year: '年', custom: '自定义' },
    indicators: {
      reports: '上报数', validReportRate: '有效上报率', onTimeVerifyRate: '按时核实率', onTimeCheckRate: '按时核查率',
      missedReportRate: '漏报率', accepted: '受理数', verifySendOnTimeRate: '核实按时派发率', checkSendOnTimeRate: '核查按时派发率',
      filed: '立案数', onTimeFilingRate: '按时立案率', accurateFilingRate: '准确立案率', onTimeCloseStepRate: '按时结案率（值班长）',
      dispatched: '派遣数', onTimeDispatchRate: '按时派遣率', accurateDispatchRate: '准确派遣率', handleRate: '处置率',
      onTimeHandleRate: '按期处置率', overdueRate: '超期率', extensionRate: '延期率', reworkRate: '返工率', closeRate: '结案率',
      onTimeCloseRate: '按期结案率', publicReportRate: '监督举报率', satisfactionRate: '满意率', avgHandlingHours: '平均处置时长（小时）',
      overdueCount: '超期数', escalatedCount: '督办数',
    },
    parts: { acceptedScore: '受理数分值', dispatchedScore: '派遣数分值', filedScore: '立案数分值' },
    ranking: {
      title: '{month}月度排名（{subject}）', rank: '名次', name: '名称', score: '综合指标值', grade: '等级',
      redFlag: '流动红旗', bottom: '末位', none: '本月无符合条件的单位',
    },
    lists: { overdue: '超期案件', escalated: '督办案件' },
    cols: {
      caseNo: '案件编号', status: '状态', matter: '问题类型', address: '地址', street: '街道（乡镇）', unit: '处置单位',
      reportedAt: '上报时间', filedAt: '立案时间', deadline: '处置时限', escalations: '督办次数',
    },
  },
  report: {
    title: '{tenant}数字城管运行情况统计报告（{period}）',
    generatedAt: '生成时间：{at}',
    noData: '本期暂无案件数据。',
    percentNoData: '—（无数据）',
    periodMonth: '{year}年{month}月', periodQuarter: '{year}年第{quarter}季度', periodYear: '{year}年度', periodCustom: '{from}至{to}',
    sections: {
      overview: '一、总体情况', channels: '二、问题来源', classes: '三、问题类型', regions: '四、区域分布', units: '五、处置单位',
      quality: '六、结案、按期与满意情况', overdue: '七、超期与返工',
    },
    text: {
      overview: '{period}，共受理问题{reported}件，其中立案{filed}件，作废{voided}件；应结案{needClose}件，结案{closed}件，结案率{closeRate}；按期结案{closedOnTime}件，按期结案率{onTimeCloseRate}。',
      inspector: '监督员巡查上报{inspectorReported}件，占受理总数的{inspectorShare}；公众举报{publicReported}件；监督员现场自行处置{selfHandled}件。',
      channels: '按来源分：{list}。',
      channelItem: '{name}{count}件',
      classes: '按问题大类分，数量居前的是：{list}。',
      regions: '按街道（乡镇）分，受理问题最多的是：{list}。',
      units: '全市共派遣案件{dispatched}件，处置单位完成处置{handled}件，处置率{handleRate}，按期处置率{onTimeHandleRate}；延期{extended}件，挂账{suspended}件。',
      unitsBest: '按期结案率最高的处置单位是{name}（{rate}）。',
      quality: '结案率{closeRate}，按期结案率{onTimeCloseRate}；回访{rated}件，满意（含基本满意）{satisfied}件，满意率{satisfactionRate}；平均处置时长{avgHours}小时。',
      overdue: '本期立案案件中超期{overdue}件，超期率{overdueRate}；返工{reworked}件，返工率{reworkRate}；督办{escalated}件。截至报告生成时，处置超期未办结案件{openOverdue}件。',
    },
    cols: {
      name: '名称', reported: '受理数', filed: '立案数', needClose: '应结案数', closed: '结案数', closeRate: '结案率（%）',
      closedOnTime: '按期结案数', onTimeCloseRate: '按期结案率（%）', overdue: '超期数', reworked: '返工数', rated: '回访数',
      satisfactionRate: '满意率（%）', dispatched: '派遣数', handled: '处置数', onTimeHandleRate: '按期处置率（%）', score: '综合指标值', grade: '等级',
      indicator: '指标', value: '数值',
    },
    tables: { channels: '按来源统计', classes: '按问题大类统计', regions: '按街道（乡镇）统计', units: '按处置单位统计', quality: '主要指标', overdue: '超期与返工' },
    channels: { inspector: '监督员上报', operator: '受理员登记', leader: '领导交办', public: '市民随手拍', hotline: '热线', petition: '信访', sensor: '物联感知', camera: '视频监控' },
  },
};
