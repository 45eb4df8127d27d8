/** Open311 GeoReport v2: texts of the public API (discovery, service definitions) and the 开放接口 admin page. */
export const zhOpen311 = {
  open311: {
    nav: '开放接口',
    discovery: {
      contact: '{tenant}数字城管指挥中心',
      keyService: 'API 密钥由系统管理员在「开放接口」页面为每个客户端应用发放，密钥只在创建时显示一次。',
    },
    attributes: {
      filing_condition: { description: '问题情形（立案条件）', format: '从列表中选择一项' },
      component_code: { description: '部件标识码（如已知）', format: '17 位数字' },
      fixmystreet_id: { description: '客户端的报告编号', format: '由客户端自动填写' },
    },
    clients: {
      title: '开放接口（Open311）',
      intro: 'Open311 GeoReport v2 接口地址：{url}。查询无需密钥；提交诉求和更新需要下列客户端应用之一的 api_key。',
      create: '新建客户端应用',
      name: '应用名称',
      contact: '联系方式',
      keyPrefix: '密钥前缀',
      rateLimit: '频率上限（次/分钟）',
      active: '状态',
      enabled: '启用',
      disabled: '已停用',
      createdAt: '创建时间',
      actions: '操作',
      disable: '停用',
      enable: '启用',
      disableConfirm: '停用后，使用该密钥的请求将被拒绝（403）。确定停用？',
      keyTitle: '请立即复制 API 密钥',
      keyNote: '密钥只显示这一次，关闭后无法再次查看；遗失时请停用该应用并新建一个。',
      copy: '复制',
      copied: '已复制',
      nameRequired: '请输入应用名称',
      nameTaken: '已有同名的客户端应用',
      empty: '还没有客户端应用',
    },
  },
};
