import type { DeviceType } from '../../../../common/domain/iot.ts';
import type { Executor } from '../../platform/db.ts';

/**
 * The active devices of one type among these device codes, for a register whose facilities name their sensor (the
 * 排水 line's 易涝点 with a `deviceCode` attribute, docs/lines.md).
 */
export async function activeDevicesByCode(db: Executor, tenantId: string, type: DeviceType, codes: readonly string[]) {
  if (!codes.length) return [];
  return db
    .selectFrom('devices')
    .where('tenant_id', '=', tenantId)
    .where('type', '=', type)
    .where('active', '=', 1)
    .where('code', 'in', codes)
    .select(['id', 'code'])
    .execute();
}
