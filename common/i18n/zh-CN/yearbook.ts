/** 年度工作总结 (docs/yearbook.md): the parts' titles and the default document title. */
export const zhYearbook = {
  yearbook: {
    defaultTitle: '{year}年工作总结和{next}年工作计划',
    parts: { summary: '{year}年工作总结', problems: '存在问题', plan: '{next}年工作计划' },
  },
};
