import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import { KPI_PERIODS, KPI_SUBJECTS, type KpiPeriodKind, type KpiSubject } from '../../../../common/domain/kpi.ts';
import { dayjs } from '../../components/dates.ts';
import { defaultChoice, periodQuery, type PeriodChoice } from './kpi-period.ts';

/**
 * Period and scope live in the address (?period=month&at=2024-03&subject=unit), so a drill into a case and the
 * back button return to the same figures, and a link can be shared.
 */
export function useKpiParams(defaultSubject: KpiSubject = 'unit') {
  const [params, setParams] = useSearchParams();
  const choice = useMemo<PeriodChoice>(() => {
    const kind = params.get('period') as KpiPeriodKind | null;
    if (!kind || !KPI_PERIODS.includes(kind)) return defaultChoice(dayjs());
    if (kind === 'custom') {
      const from = dayjs(params.get('from') ?? '');
      const to = dayjs(params.get('to') ?? '');
      return { kind, at: null, range: from.isValid() && to.isValid() ? [from, to] : null };
    }
    const at = params.get('at') ?? '';
    const q = /^(\d{4})-Q([1-4])$/.exec(at);
    const d = q
      ? dayjs(`${q[1]}-${String(Number(q[2]) * 3 - 2).padStart(2, '0')}-01`)
      : dayjs(/^\d{4}$/.test(at) ? `${at}-01-01` : at);
    return { kind, at: d.isValid() ? d : dayjs(), range: null };
  }, [params]);
  const subjectParam = params.get('subject') as KpiSubject | null;
  const subject: KpiSubject = subjectParam && KPI_SUBJECTS.includes(subjectParam) ? subjectParam : defaultSubject;

  const write = useCallback(
    (next: PeriodChoice, nextSubject: KpiSubject) => {
      const p = periodQuery(next);
      const out: Record<string, string> = { subject: nextSubject };
      if (p) {
        out.period = p.period;
        if (p.at) out.at = p.at;
        if (p.from) out.from = p.from;
        if (p.to) out.to = p.to;
      } else out.period = next.kind;
      setParams(out, { replace: true });
    },
    [setParams],
  );

  return {
    choice,
    subject,
    period: periodQuery(choice),
    setChoice: (next: PeriodChoice) => write(next, subject),
    setSubject: (next: KpiSubject) => write(choice, next),
  };
}
