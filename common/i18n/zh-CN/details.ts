/**
 * Texts inside error details (`details[].message`), e.g. one row of an import. The server builds them with
 * platform/errors.ts `withMessage` and the error handler renders them in the request's language. Values quoted from
 * the uploaded file (column headers, cells) arrive as placeholders and stay as the file spells them.
 */
export const zhDetails = {
  details: {
    lookupCodeInvalid: '验证码不正确或已失效，请重新获取',
    afterPhotos: {
      report_back: '处置反馈须上传处置后照片（本类事项要求照片）',
      check_pass: '核查通过须上传核查照片（本类事项要求照片）',
      verify: '核实须上传现场照片（本类事项要求照片）',
      self_handle: '自行处置须上传处置后照片（本类事项要求照片）',
    },
    workflow: {
      unclosable: {
        checkBy:
          '由网格在岗监督员核查须有监督员承担责任网格，目前无人承担：经渠道“{channel}”上报的 {matter} 事项案件将永远无法结案',
        verification: '渠道“{channel}”必须核实，但无人可派核实：{matter} 事项案件将永远无法结案',
      },
    },
    upload: {
      fileField: '请在表单字段 file 中上传 {types} 文件',
      required: '请上传 {types} 文件（multipart 字段 file，或作为请求体）',
    },
    sheet: {
      required: '{field}不能为空',
      tooLong: '{field}过长（最多 {max} 字）',
      missingHeader: '缺少表头「{field}」',
      noSpaces: '{field}不能含空格',
      notXlsx: '不是有效的 xlsx 文件',
      notXlsxOrCsv: '不是 xlsx 或 UTF-8 编码的 CSV 文件',
      csvUnclosedQuote: 'CSV 格式错误：引号未闭合',
      noRows: '表中没有数据行',
      notExcel: '不是 xlsx 文件（请上传 Excel 2007 及以上格式）',
    },
    standards: {
      badKind: '类型「{value}」应为 {choices}',
      majorMismatch: '大类「{value}」与小类「{minor}」（{majorCode} {majorName}）不符',
      badLimit: '无法识别处置时限「{value}」：应为 1–{max} 的整数加单位，如 {examples}',
      unknownUnit: '处置单位「{value}」不是本系统中的单位（不指定请写「{byLocation}」）',
      duplicate: '与第 {row} 行的小类和立案条件重复',
      matterInactive: '事项「{code} {name}」已停用',
      unitAmbiguous: '有多个单位名为「{value}」，请先在单位管理中改名区分',
      conditionTaken: '该事项已有相同的立案条件（整表替换请用 replace 方式）',
      oldCodeUnmapped: '旧代码「{value}」在 GB/T 47678.5 中没有对应小类',
      noAnomaly: '小类「{value}」是部件，但目录中没有对应的「异常」事项',
      ambiguousMinor: '小类「{value}」不唯一，请填写类型或写 5 位代码',
      minorIsMatter: '小类「{value}」是事项，与类型「部件」不符',
      minorIsComponent: '小类「{value}」是部件，与类型「事项」不符',
      unknownMinor: '小类「{value}」不在目录中（可写名称、5 位代码或旧 4 位代码）',
    },
    catalog: {
      duplicateName: '「{name}」在该大类中已存在',
      duplicateCondition: '该事项已有相同的立案条件',
      matterInactive: '事项「{code}」已停用',
      unknownMatter: '事项「{code}」不在目录中',
      unknownUnit: '处置单位不存在',
      componentMajor: '部件大类应为 01–05',
      anomalyNeedsComponent: '01–05 大类的事项是部件的「异常」，请新增部件，其异常事项随之生成',
      ambiguousCode: '代码「{code}」既是部件也是事项，请指定 kind',
      localRangeFull: '大类「{majorCode}」的本地扩展码（{low}–{high}）已用完',
      codeTaken: '代码「{code}」刚被占用，请重试',
      nationalReadonly: '国标分类不能改名，只能停用',
    },
    catalogCode: {
      format: '分类代码应为 5 位数字（2 位大类 + 3 位小类，小类不为 000），收到「{code}」',
      unknownComponentMajor: '部件大类「{majorCode}」不存在（应为 01–05），代码「{code}」',
      unknownMatterMajor: '事项大类「{majorCode}」不存在（应为 01–10），代码「{code}」',
      oldFormat: '旧分类代码应为 4 位数字（2 位大类 01–06 + 2 位小类 01–99），收到「{code}」',
      notLocal: '本地扩展小类码应在 {low}–{high} 之间（国标码之上，从 99 倒序），收到「{code}」',
      taken: '分类代码「{code}」已被使用',
    },
    hotline: {
      duplicateNo: '与第 {row} 行的工单编号重复',
      badPhone: '联系电话「{value}」只能含数字和 + - ( )',
      badUrgency: '紧急程度「{value}」应为 {choices}',
      badDeadline: '无法识别办理时限「{value}」：应为日期时间，如 2024-03-19 18:00 或 2024-03-19',
      returnReason: '请填写退回理由',
      replyText: '答复内容不能为空',
      reopenNeedsDissatisfied: '只有回访不满意的工单可以重办',
    },
    geoImport: {
      wrongLevel:
        '代码 {code} 是 {other} 级代码（{digits} 位），不是 {level} 级代码（{levelDigits} 位）：请在 /api/geo/import/{other} 导入',
      unknownCommunity: '社区 {code} 不存在',
      noFeatures: '文件中没有要素',
      raced: '另一次导入刚刚建了其中一些代码：请重新提交文件',
    },
    assetDuplicateCode: '编码 {code} 已被使用',
    assetOutsideTenant: '位置 {lng},{lat} 不在本市辖区范围内',
    assetAttr: {
      required: '请填写「{title}」（{name}）',
      unknown: '该类设施没有属性「{title}」（{name}）',
      minimum: '「{title}」（{name}）不能小于 {limit}{unit}',
      maximum: '「{title}」（{name}）不能大于 {limit}{unit}',
      maxLength: '「{title}」（{name}）最多 {limit} 个字',
      enum: '「{title}」（{name}）只能是：{values}',
      type: {
        string: '「{title}」（{name}）应为文字',
        number: '「{title}」（{name}）应为数字',
        integer: '「{title}」（{name}）应为整数',
        boolean: '「{title}」（{name}）应为是或否',
      },
    },
    componentImport: {
      notJson: '不是可读的 JSON/GeoJSON 文件',
      noPoint: '经度和纬度应为数字，收到 {lng}、{lat}',
      exists: '部件 {code} 已存在',
      noRows: '文件中没有数据行',
      raced: '其中一些标识码刚被另一次修改占用：请重新提交文件',
    },
    approvals: {
      missingMaterial: '缺少必要材料：{name}',
      notInChecklist: '材料「{code}」不在该事项的材料清单中',
      transition: {
        review: '申请状态为「{status}」，只有已受理的申请可以开始审查',
        correct: '申请状态为「{status}」，不能再要求补正',
        resume: '申请状态为「{status}」，没有待补正的材料',
        decide: '申请状态为「{status}」，已作出决定或正在补正，不能再次决定',
        close: '申请状态为「{status}」，作出决定后才能办结',
      },
    },
  },
};
