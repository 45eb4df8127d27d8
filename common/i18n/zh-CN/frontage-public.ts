/** 门前三包 on the citizen page (common/i18n/citizen.ts): the red and black lists and the 城管体验岗 sign-up. */
export const zhFrontagePublic = {
  frontagePublic: {
    tab: '门前三包',
    title: '门前三包红黑榜',
    intro: '每月根据门前三包检查成绩公布红榜（优秀商户）和黑榜（待改进商户）。',
    month: '{month} 榜单',
    red: '红榜',
    black: '黑榜',
    none: '暂无发布的榜单',
    emptyList: '本月无',
    signUpTitle: '报名城管体验岗',
    signUpIntro: '体验一天城市管理工作。手机号仅用于联系排班，不会公开。',
    name: '姓名',
    phone: '手机号',
    note: '备注（可选，如空闲时间）',
    submit: '提交报名',
    done: '报名成功，报名编号 {no}。工作人员会电话联系您安排班次。',
    phoneInvalid: '请输入11位手机号',
    required: '请填写',
  },
};
