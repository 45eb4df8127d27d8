import type { Attendance } from '../../../../common/domain/monitor.ts';
import { percentText } from '../../../../common/domain/number-format.ts';

export const ATTENDANCE_COLORS: Record<Attendance, string> = {
  on_time: 'success',
  late: 'warning',
  absent: 'error',
  out_of_area: 'magenta',
  pending: 'default',
  off: 'default',
};

export const km = (metres: number) => (metres / 1000).toFixed(metres < 10_000 ? 2 : 1);
export const pct = (share: number | null) => (share === null ? '—' : percentText(share * 100));
