/**
 * Texts inside error details (`details[].message`), e.g. one row of an import. The server builds them with
 * platform/errors.ts `withMessage` and the error handler renders them in the request's language. Values quoted from
 * the uploaded file (column headers, cells) arrive as placeholders and stay as the file spells them.
 */
export const zhDetails = {
  details: {
    lookupCodeInvalid: '验证码不正确或已失效，请重新获取',
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
    },
    standards: {
      badKind: '类型「{value}」应为 {choices}',
      majorMismatch: '大类「{value}」与小类「{minor}」（{majorCode} {majorName}）不符',
      badLimit: '无法识别处置时限「{value}」：应为 1–{max} 的整数加单位，如 {examples}',
      unknownUnit: '处置单位「{value}」不是本系统中的单位（不指定请写「{byLocation}」）',
      duplicate: '与第 {row} 行的小类和立案条件重复',
    },
    hotline: {
      duplicateNo: '与第 {row} 行的工单编号重复',
      badPhone: '联系电话「{value}」只能含数字和 + - ( )',
      badUrgency: '紧急程度「{value}」应为 {choices}',
      badDeadline: '无法识别办理时限「{value}」：应为日期时间，如 2024-03-19 18:00 或 2024-03-19',
    },
  },
};
