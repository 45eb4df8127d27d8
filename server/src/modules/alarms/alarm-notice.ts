import { PRIMARY_METRIC } from '../../../../common/domain/iot.ts';
import type { AlarmsTable, DevicesTable } from '../../db/schema-iot.ts';
import type { Executor } from '../../platform/db.ts';
import { enqueueNotice, enqueueNotices, type OutboxNotice } from '../notify/index.ts';
import { orgReadModel } from '../org/index.ts';

/** The notice kind of a raised sensor alarm in the outbox (SMS and the staff member's in-app list). */
export const ALARM_NOTICE_KIND = 'alarm.raised';
/** Who is told: the 值班长 on duty at the command centre, who decides what the alarm needs. */
const ON_DUTY_ROLE = 'shiftLeader';

/** The device-type names in notices and case texts (stored data, so written in the bureau's language). */
export const TYPE_TEXT: Record<DevicesTable['type'], string> = {
  manhole_tilt: '井盖倾斜',
  water_level: '道路积水',
  gas_detector: '可燃气体浓度超限',
  bin_fill: '垃圾箱满溢',
  pump_station: '泵站水位超限',
  site_dust: '工地扬尘超标',
  site_noise: '工地噪声超标',
};

/**
 * A raised threshold alarm goes to every active 值班长 of the tenant through the notice outbox, in the transaction
 * that raises it (so a notice exists exactly when the alarm does): one row per person, with the phone when they have
 * one (the SMS gateway sends it) and the user id (their in-app list).
 */
export async function noticeOnDuty(tx: Executor, device: DevicesTable, row: AlarmsTable): Promise<number> {
  const staff = await orgReadModel.activeStaffContacts(tx, row.tenant_id, ON_DUTY_ROLE);
  for (const s of staff) await enqueueNotice(tx, noticeTo(s, device, row));
  return staff.length;
}

function noticeTo(s: { id: string; phone: string | null }, device: DevicesTable, row: AlarmsTable): OutboxNotice {
  const unit = PRIMARY_METRIC[row.device_type].unit;
  const value = row.value === null ? '' : ` ${Number(row.value)}${unit}`;
  const where = device.address ? `，${device.address}` : '';
  return {
    tenantId: row.tenant_id,
    caseId: null,
    userId: s.id,
    phone: s.phone,
    kind: ALARM_NOTICE_KIND,
    message: `物联告警：${TYPE_TEXT[row.device_type]}${value}，设备 ${row.device_code}${where}。请及时处置。`,
    createdAt: row.raised_at,
  };
}

/** `noticeOnDuty` for the alarms a batch raised: the staff read once per tenant, the notices in a few inserts. */
export async function noticesOnDuty(
  tx: Executor,
  raised: readonly { device: DevicesTable; row: AlarmsTable }[],
): Promise<void> {
  const staffOf = new Map<string, { id: string; phone: string | null }[]>();
  const notices: OutboxNotice[] = [];
  for (const { device, row } of raised) {
    let staff = staffOf.get(row.tenant_id);
    if (!staff)
      staffOf.set(row.tenant_id, (staff = await orgReadModel.activeStaffContacts(tx, row.tenant_id, ON_DUTY_ROLE)));
    for (const s of staff) notices.push(noticeTo(s, device, row));
  }
  await enqueueNotices(tx, notices);
}
