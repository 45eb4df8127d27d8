import { LINE_SHARED_KEY, type LineSharedTypes } from '../../../../common/domain/lines.ts';
import type { Executor } from '../../platform/db.ts';
import { seedSetting } from '../settings/index.ts';

/** The demo city's other lines' types shown in a line's view (docs/lines.md, "Facilities shared by two lines"). */
export const seedLineShared = (tx: Executor, tenantId: string, shared: LineSharedTypes, now: string) =>
  seedSetting(tx, tenantId, LINE_SHARED_KEY, shared, now);
