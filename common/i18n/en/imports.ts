import type { zhImports } from '../zh-CN/imports.ts';

/** Import jobs: what an import shows while the server reads the file (docs/imports.md). */
export const enImports: typeof zhImports = {
  imports: {
    progress: {
      read: 'Processing: {done} rows read',
      of: 'Processing: {done} of {total} rows read',
    },
  },
};
