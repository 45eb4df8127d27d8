import { DatePicker, Flex, Select } from 'antd';
import type { KpiPeriodKind } from '../../../../common/domain/kpi.ts';
import { dayjs, type Dayjs } from '../../components/dates.ts';
import { useI18n } from '../../i18n/context.ts';
import type { PeriodChoice } from './kpi-period.ts';

interface Props {
  value: PeriodChoice;
  onChange: (value: PeriodChoice) => void;
  /** the kinds offered (the statistics report has no 'day') */
  kinds?: readonly KpiPeriodKind[];
  testId?: string;
}

const PICKER: Record<Exclude<KpiPeriodKind, 'custom'>, 'date' | 'month' | 'quarter' | 'year'> = {
  day: 'date',
  month: 'month',
  quarter: 'quarter',
  year: 'year',
};
const FORMAT: Record<Exclude<KpiPeriodKind, 'custom'>, string | ((d: Dayjs) => string)> = {
  day: 'YYYY-MM-DD',
  month: 'YYYY-MM',
  quarter: (d) => `${d.year()}-Q${Math.floor(d.month() / 3) + 1}`,
  year: 'YYYY',
};

/** 日/月/季/年/自定义 + the matching antd picker. */
export function PeriodPicker({
  value,
  onChange,
  kinds = ['day', 'month', 'quarter', 'year', 'custom'],
  testId = 'period',
}: Props) {
  const { t } = useI18n();
  const future = (d: Dayjs) => d.isAfter(dayjs().endOf('day'));
  return (
    <Flex gap={8} wrap>
      <Select<KpiPeriodKind>
        value={value.kind}
        onChange={(kind) => onChange({ kind, at: value.at ?? dayjs(), range: value.range })}
        options={kinds.map((k) => ({ value: k, label: t(`kpiWeb.period.kind.${k}`) }))}
        style={{ width: 100 }}
        aria-label={t('kpiWeb.period.label')}
        data-testid={`${testId}-kind`}
      />
      {value.kind === 'custom' ? (
        <DatePicker.RangePicker
          value={value.range}
          allowClear={false}
          disabledDate={future}
          onChange={(range) =>
            onChange({ ...value, range: range && range[0] && range[1] ? [range[0], range[1]] : null })
          }
          data-testid={`${testId}-range`}
        />
      ) : (
        <DatePicker
          picker={PICKER[value.kind]}
          value={value.at}
          allowClear={false}
          disabledDate={future}
          format={FORMAT[value.kind]}
          onChange={(at) => onChange({ ...value, at })}
          style={{ width: 150 }}
          data-testid={`${testId}-at`}
        />
      )}
    </Flex>
  );
}
