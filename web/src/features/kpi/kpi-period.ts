import type { Dayjs } from 'dayjs';
import type { PeriodQuery } from '../../../../common/contracts/kpi.ts';
import type { KpiPeriodKind } from '../../../../common/domain/kpi.ts';

export interface PeriodChoice {
  kind: KpiPeriodKind;
  /** the picked day / month / quarter / year (any day inside it) */
  at: Dayjs | null;
  /** custom: inclusive range */
  range: [Dayjs, Dayjs] | null;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The API's period query (contracts/kpi.ts PeriodQuery) for a picker choice; null while the choice is incomplete. */
export function periodQuery(choice: PeriodChoice): PeriodQuery | null {
  if (choice.kind === 'custom') {
    if (!choice.range) return null;
    return { period: 'custom', from: choice.range[0].format('YYYY-MM-DD'), to: choice.range[1].format('YYYY-MM-DD') };
  }
  const d = choice.at;
  if (!d) return null;
  const y = d.year();
  switch (choice.kind) {
    case 'day':
      return { period: 'day', at: d.format('YYYY-MM-DD') };
    case 'month':
      return { period: 'month', at: `${y}-${pad(d.month() + 1)}` };
    case 'quarter':
      return { period: 'quarter', at: `${y}-Q${Math.floor(d.month() / 3) + 1}` };
    default:
      return { period: 'year', at: String(y) };
  }
}

/** The last complete month before `today` is what monthly 通报 are about; the default choice. */
export function defaultChoice(today: Dayjs): PeriodChoice {
  return { kind: 'month', at: today.startOf('month'), range: null };
}
