/** 地级市 view: the prefecture's KPI over its counties (docs/prefecture.md). */
export const zhPrefecture = {
  prefecture: {
    nav: '全市县区考核',
    title: '{name} · 县（市、区）考核汇总',
    hint: '由各县（市、区）的考核日汇总数据计算，不含任何案件或个人信息',
    cards: {
      score: '全市综合指标值',
      counties: '县（市、区）',
      reports: '上报数',
      filed: '立案数',
      closeRate: '结案率',
      onTimeCloseRate: '按期结案率',
    },
    ranking: {
      title: '县（市、区）排名',
      county: '县（市、区）',
      code: '行政区划代码',
      noData: '本期无数据',
    },
    trend: {
      title: '近 12 个月趋势',
      score: '综合指标值',
      reports: '上报数',
      filed: '立案数',
      closed: '结案数',
    },
    empty: '尚无县（市、区）向本市汇总考核数据',
    emptyHint: '由县（市、区）的系统管理员在本系统中设置上级地级市后，其考核数据会出现在这里。',
  },
};
