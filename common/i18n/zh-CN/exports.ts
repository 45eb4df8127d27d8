/** 导出: Excel exports of the console lists (sheet names, file names and column headers). */
export const zhExports = {
  exports: {
    button: '导出 Excel',
    started: '正在生成导出文件…',
    failed: '导出失败：{message}',
    truncated: '仅导出前 {max} 行，请缩小筛选范围',
    sheet: {
      cases: '案件列表', users: '用户列表', units: '处置单位', regions: '区域列表', audit: '审计日志', catalog: '部件事项分类',
      routing: '处置责任分解表',
    },
    col: {
      caseNo: '案件编号', status: '状态', channel: '来源', matterCode: '事项代码', matter: '事项', description: '问题描述',
      address: '地址', street: '街道', community: '社区', grid: '单元网格', unit: '处置单位', reportedAt: '上报时间',
      stepDeadline: '本环节时限', handlingDeadline: '处置时限', sla: '时限状态', overdue: '超期', escalated: '督办',
      pendingRequest: '待审批', username: '用户名', displayName: '姓名', phone: '手机号', roles: '角色', active: '启用',
      locked: '锁定', lastLoginAt: '最近登录', code: '编码', fullCode: '完整编码', name: '名称', kind: '类型', parent: '上级',
      region: '所属区域', at: '时间', actor: '操作人', action: '操作', entity: '对象类型', entityId: '对象 ID', before: '变更前',
      after: '变更后', requestId: '请求 ID', majorCode: '大类代码', majorName: '大类', oldCode: '旧代码', source: '来源',
      level: '规则层级', priority: '优先级', note: '备注', updatedAt: '更新时间',
    },
    yes: '是',
    no: '否',
    kind: { component: '部件', matter: '事项' },
    source: { national: '国标', local: '本地扩展' },
  },
};
