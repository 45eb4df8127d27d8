import { Button, DatePicker, Form, Input, Select, Table, Tag, type FormListFieldData } from 'antd';
import { DeleteOutlined } from '@ant-design/icons';
import { DATE_FORMAT, dateStringItem, dayjs } from '../../components/dates.ts';
import { useI18n } from '../../i18n/context.ts';
import { weekdayOf, type DayRow } from './calendar-form.ts';

interface Props {
  year: number;
  fields: FormListFieldData[];
  rows: DayRow[];
  remove: (index: number) => void;
  readOnly: boolean;
}

const WEEKEND = new Set([0, 6]);

/** The year's holiday / 调休 rows as an editable table (the cells are items of the Form.List `days`). */
export function DaysTable({ year, fields, rows, remove, readOnly }: Props) {
  const { t, locale } = useI18n();
  const weekdayName = (date: string | undefined) => {
    const day = weekdayOf(date);
    if (day === undefined || !date) return '';
    // Noon UTC of that date keeps every browser zone on the same calendar day.
    return new Intl.DateTimeFormat(locale, { weekday: 'short', timeZone: 'UTC' }).format(new Date(`${date}T12:00:00Z`));
  };

  return (
    <Table<FormListFieldData>
      size="small"
      rowKey={(f) => String(f.key)}
      dataSource={fields}
      pagination={false}
      scroll={{ x: 'max-content', y: 520 }}
      locale={{ emptyText: t('calendar.emptyYear', { year }) }}
      data-testid="calendar-days-table"
      columns={[
        {
          title: t('calendar.date'),
          key: 'date',
          width: 170,
          render: (_, f) => (
            <Form.Item name={[f.name, 'date']} style={{ margin: 0 }} {...dateStringItem}>
              <DatePicker
                format={DATE_FORMAT}
                minDate={dayjs(`${year}-01-01`)}
                maxDate={dayjs(`${year}-12-31`)}
                defaultPickerValue={dayjs(`${year}-01-01`)}
                allowClear={false}
                disabled={readOnly}
                style={{ width: 150 }}
                data-testid={`calendar-day-date-${f.name}`}
              />
            </Form.Item>
          ),
        },
        {
          title: '',
          key: 'weekday',
          width: 64,
          render: (_, f) => {
            const date = rows[f.name]?.date;
            const day = weekdayOf(date);
            return day === undefined ? null : (
              <Tag color={WEEKEND.has(day) ? 'orange' : 'default'}>{weekdayName(date)}</Tag>
            );
          },
        },
        {
          title: t('calendar.kind'),
          key: 'kind',
          width: 190,
          render: (_, f) => (
            <Form.Item name={[f.name, 'kind']} style={{ margin: 0 }}>
              <Select
                disabled={readOnly}
                options={[
                  {
                    value: 'holiday',
                    label: (
                      <Tag color="red" style={{ marginInlineEnd: 0 }}>
                        {t('calendar.kinds.holiday')}
                      </Tag>
                    ),
                  },
                  {
                    value: 'workday',
                    label: (
                      <Tag color="blue" style={{ marginInlineEnd: 0 }}>
                        {t('calendar.kinds.workday')}
                      </Tag>
                    ),
                  },
                ]}
                data-testid={`calendar-day-kind-${f.name}`}
              />
            </Form.Item>
          ),
        },
        {
          title: t('calendar.name'),
          key: 'name',
          render: (_, f) => (
            <Form.Item name={[f.name, 'name']} style={{ margin: 0 }}>
              <Input
                maxLength={40}
                placeholder={t('calendar.namePlaceholder')}
                disabled={readOnly}
                style={{ minWidth: 120 }}
                data-testid={`calendar-day-name-${f.name}`}
              />
            </Form.Item>
          ),
        },
        ...(readOnly
          ? []
          : [
              {
                title: '',
                key: 'remove',
                width: 48,
                render: (_: unknown, f: FormListFieldData) => (
                  <Button
                    type="text"
                    danger
                    icon={<DeleteOutlined />}
                    aria-label={t('common.delete')}
                    onClick={() => remove(f.name)}
                    data-testid={`calendar-day-remove-${f.name}`}
                  />
                ),
              },
            ]),
      ]}
    />
  );
}
