import type { YearbookDocument } from '../../../../common/contracts/yearbook.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db.ts';
import { yearbookDocx, yearbookPdf } from './yearbook-files.ts';
import { createYearbookService, type YbDeps } from './yearbook.service.ts';

export interface YearbookFiles {
  docx(d: YearbookDocument): Promise<Buffer>;
  pdf(d: YearbookDocument): Promise<Buffer>;
}

/** The 年度工作总结 service and its 公文 writers (the PDF embeds the CJK font at `fontPath`). */
export function createYearbook(database: Database, clock: Clock, deps: YbDeps, fontPath: string) {
  const service = createYearbookService(database, clock, deps);
  const files: YearbookFiles = { docx: yearbookDocx, pdf: (d) => yearbookPdf(d, fontPath) };
  return { service, files };
}
export type Yearbook = ReturnType<typeof createYearbook>;
