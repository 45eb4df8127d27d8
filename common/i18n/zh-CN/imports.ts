/** 导入任务: what an import shows while the server reads the file (docs/imports.md). */
export const zhImports = {
  imports: {
    progress: {
      read: '正在处理：已读取 {done} 行',
      of: '正在处理：已读取 {done} / {total} 行',
    },
  },
};
