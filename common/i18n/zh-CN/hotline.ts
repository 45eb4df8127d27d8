/** 热线工单: 12345 热线 / 民情通 / 阳光信访 work orders (签收, 退回, 转为案件, 办理答复, 回访). */
export const zhHotline = {
  hotline: {
    nav: '热线工单',
    title: '热线工单',
    source: { '12345': '12345热线', minqingtong: '民情通', petition: '阳光信访' },
    status: { pending_sign: '待签收', signed: '已签收', converted: '已转案件', replied: '已答复', closed: '已回访', returned: '已退回' },
    urgency: { normal: '一般', urgent: '紧急', emergency: '特急' },
    satisfaction: { satisfied: '满意', basically_satisfied: '基本满意', unsatisfied: '不满意' },
    via: { webhook: '接口推送', import: '表格导入' },
    action: {
      receive: '接收', import: '导入', sign: '签收', return: '退回', convert: '转为案件', reply: '办理答复', revisit: '回访', reopen: '回访不满意，重办',
    },
    field: {
      externalNo: '工单编号', source: '来源', status: '状态', urgency: '紧急程度', requester: '诉求人', phone: '联系电话',
      content: '诉求内容', address: '地址', receivedAt: '接收时间', signDeadline: '签收时限', signedAt: '签收时间', dueAt: '办理时限',
      caseNo: '案件编号', satisfaction: '回访满意度', returnReason: '退回理由', reply: '办理答复', revisitNote: '回访说明',
      receivedVia: '接收方式', signedBy: '签收人', push: '回传状态', events: '办理记录', matter: '事项', location: '位置（点击地图选点）',
      description: '案件描述',
    },
    filters: { source: '全部来源', status: '全部状态', overdue: '只看超时' },
    searchPlaceholder: '工单编号、诉求内容或地址',
    overdue: '超时',
    signOverdue: '签收超时',
    push: { pending: '待回传（出站队列）', sent: '已回传' },
    import: {
      button: '导入工单', title: '导入热线工单', source: '工单来源', drop: '点击或拖入 xlsx / CSV 文件', template: '下载导入模板',
      hint: '首行为表头：工单编号、诉求人、联系电话、诉求内容、地址、办理时限、紧急程度；任一行有误则整表不导入。',
      submit: '导入', chooseFile: '请先选择文件', done: '已导入 {imported} 条工单', skipped: '已跳过 {count} 条已登记的工单',
      errorsTitle: '{count} 处问题，未导入任何工单', row: '行', column: '列', problem: '问题',
    },
    drawer: {
      title: '工单 {no}', sign: '签收', return: '退回', convert: '转为案件', reply: '办理答复', revisit: '登记回访',
      returnReason: '退回理由（将回传热线）', returnPlaceholder: '如：不属于城管职责，建议转交供电公司', convertHint: '选择事项并在地图上点出位置，生成案件（来源与工单编号保留）。',
      pickPoint: '请在地图上点选位置', replyHint: '根据案件办理记录生成，可修改后回传热线。', pushReply: '回传答复',
      caseLink: '查看案件', caseOpen: '案件办理中（{status}），结案后可答复', done: '操作成功', noActions: '无可执行的操作', reopen: '不满意，退回重办（案件回到待派遣）',
    },
    sources: {
      button: '接口密钥', title: '热线接口密钥', hint: '热线系统以 POST {url} 推送工单，请求头 Authorization: Bearer <密钥>；可带 Idempotency-Key。',
      state: '状态', on: '已启用（…{hint}）', off: '未启用', updatedAt: '更新时间', create: '生成密钥', rotate: '更换密钥', remove: '停用',
      removeConfirm: '停用后该来源的推送将被拒绝，确定？', created: '{source}的新密钥（只显示这一次，请立即配置到对方系统）',
    },
    errors: {
      HOTLINE_TRANSITION_NOT_ALLOWED: '工单当前状态不允许此操作', HOTLINE_STALE: '工单已被他人更新，请刷新后重试',
      HOTLINE_CASE_NOT_CLOSED: '案件尚未结案', HOTLINE_IMPORT_INVALID: '导入文件有误', HOTLINE_SHEET_INVALID: '文件无法读取',
      HOTLINE_INVALID: '输入有误', HOTLINE_WEBHOOK_UNAUTHORIZED: '接口密钥无效',
    },
  },
};
