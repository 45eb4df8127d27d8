/** 文明黄线 on the citizen page: the public map of permitted zones (docs/yellow-line.md, "Public map"). */
export const zhYellowLinePublic = {
  yellowLinePublic: {
    tab: '文明黄线',
    title: '文明黄线地图',
    intro: '以下为许可有效期内的文明黄线，临街店铺和摊位可在线内按许可的品类和时段经营。',
    none: '暂无许可中的文明黄线',
    count: '共{count}处',
    kind: { shop: '门店', stall: '摊位' },
    goods: '经营品类：',
    hours: '经营时段：',
    validity: '有效期：',
  },
};
