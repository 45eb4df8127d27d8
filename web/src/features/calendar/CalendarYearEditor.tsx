import { useEffect, useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Flex,
  Form,
  Popconfirm,
  Select,
  Space,
  Spin,
  Statistic,
  Tag,
  Typography,
} from 'antd';
import { PlusOutlined, RollbackOutlined, SaveOutlined, UndoOutlined } from '@ant-design/icons';
import { errorText } from '../../api/errors.ts';
import { useResource } from '../../api/use-resource.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { useI18n } from '../../i18n/context.ts';
import { useAuth } from '../auth/context.ts';
import { calendarApi, type CalendarDay, type CalendarYears } from './calendar.api.ts';
import {
  checkDays,
  clearErrors,
  issueFields,
  serverIssues,
  sortDays,
  yearOptions,
  type DayRow,
  type Issue,
} from './calendar-form.ts';
import { DaysTable } from './DaysTable.tsx';

interface Values {
  days: DayRow[];
}

/** One year of 法定节假日 and 调休 rows: pick a year, edit the rows, save the whole year, or restore the data package's. */
export function CalendarYearEditor() {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const canManage = useAuth().can('settings.manage');
  const [form] = Form.useForm<Values>();
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear);
  const years = useResource((signal) => calendarApi.years(signal), []);
  const summary: CalendarYears | null = years.data;
  const loadYears = years.reload;
  // The rows as last loaded or saved: the form edits a copy, so "unsaved" and "discard" compare against these.
  const daysOfYear = useResource((signal) => calendarApi.days(year, signal), [year], { resetOnChange: true });
  const loaded: CalendarDay[] | null = daysOfYear.data;
  const loadError = daysOfYear.error ?? years.error;
  const [busy, setBusy] = useState(false);
  const rows = Form.useWatch('days', form) ?? [];
  const dirty = loaded !== null && JSON.stringify(rows) !== JSON.stringify(loaded);

  useEffect(() => {
    if (loaded) form.setFieldsValue({ days: loaded });
  }, [loaded, form]);

  const applied = (days: CalendarDay[], text: string) => {
    clearErrors(form);
    daysOfYear.setData(days);
    loadYears();
    void message.success(text);
  };

  /** Marks the rows and scrolls to the first one: after sorting, a new row may have moved out of sight. */
  const showIssues = (issues: Issue[]) => {
    form.setFields(issueFields(issues, t, year) as Parameters<typeof form.setFields>[0]);
    const first = issues[0];
    if (first) form.scrollToField(first.name, { block: 'center', behavior: 'smooth' });
  };

  const save = async () => {
    clearErrors(form);
    const sorted = sortDays(form.getFieldValue('days') as DayRow[]);
    form.setFieldsValue({ days: sorted });
    const local = checkDays(year, sorted);
    if (local.length > 0) {
      showIssues(local);
      void message.error(t('errors.CALENDAR_INVALID_DAYS'));
      return;
    }
    setBusy(true);
    try {
      const body = sorted.map((r) => ({ date: r.date ?? '', kind: r.kind ?? 'holiday', name: (r.name ?? '').trim() }));
      applied(await calendarApi.replaceDays(year, body), t('calendar.saved', { year }));
    } catch (error) {
      showIssues(serverIssues(error, 'days'));
      void message.error(errorText(error, locale));
    } finally {
      setBusy(false);
    }
  };

  const reseed = async (target: number) => {
    setBusy(true);
    try {
      const days = await calendarApi.reseed(target);
      if (target === year) applied(days, t('calendar.reseeded'));
      else {
        loadYears();
        void message.success(t('calendar.reseeded'));
      }
    } catch (error) {
      void message.error(errorText(error, locale));
    } finally {
      setBusy(false);
    }
  };

  const info = summary?.years.find((y) => y.year === year);
  const inPackage = info?.inPackage ?? summary?.missing.find((m) => m.year === year)?.inPackage ?? false;
  const source = summary ? `${summary.source.package}@${summary.source.version}` : '';

  return (
    <Flex vertical gap={12}>
      {(summary?.missing ?? []).map((m) => (
        <Alert
          key={m.year}
          type="warning"
          showIcon
          title={t('calendar.missingYear', { year: m.year })}
          description={m.inPackage ? undefined : t('calendar.notInPackage')}
          action={
            canManage && m.inPackage ? (
              <Button size="small" onClick={() => void reseed(m.year)} loading={busy}>
                {t('calendar.reseed')}
              </Button>
            ) : m.year !== year ? (
              <Button size="small" onClick={() => setYear(m.year)}>
                {canManage ? t('calendar.enterByHand') : t('calendar.open')}
              </Button>
            ) : undefined
          }
          data-testid={`calendar-missing-${m.year}`}
        />
      ))}
      <Card size="small" data-testid="calendar-year-card">
        <Flex wrap gap={16} align="center" justify="space-between">
          <Space wrap size={16}>
            <Space>
              <Typography.Text>{t('calendar.year')}</Typography.Text>
              <Select<number>
                value={year}
                onChange={setYear}
                options={yearOptions(summary, thisYear).map((y) => ({ value: y, label: String(y) }))}
                style={{ width: 100 }}
                data-testid="calendar-year"
              />
            </Space>
            <Statistic
              title={t('calendar.holidays')}
              value={info?.holidays ?? 0}
              styles={{ content: { fontSize: 18 } }}
            />
            <Statistic
              title={t('calendar.workdays')}
              value={info?.workdays ?? 0}
              styles={{ content: { fontSize: 18 } }}
            />
            {info ? (
              <Tag color={info.seeded ? 'green' : 'gold'} data-testid="calendar-year-state">
                {info.seeded ? t('calendar.seeded') : t('calendar.edited')}
              </Tag>
            ) : null}
          </Space>
          {canManage ? (
            <Popconfirm
              title={t('calendar.reseedConfirm', { year })}
              okText={t('common.ok')}
              cancelText={t('common.cancel')}
              onConfirm={() => reseed(year)}
              disabled={!inPackage}
            >
              <Button
                icon={<RollbackOutlined />}
                disabled={!inPackage || busy}
                title={inPackage ? undefined : t('calendar.notInPackage')}
                data-testid="calendar-reseed"
              >
                {t('calendar.reseed')}
              </Button>
            </Popconfirm>
          ) : null}
        </Flex>
        {source ? (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('calendar.source', { source })}
          </Typography.Text>
        ) : null}
      </Card>
      {loadError ? (
        <LoadError
          error={loadError}
          onRetry={() => {
            years.reload();
            daysOfYear.reload();
          }}
          testId="calendar"
        />
      ) : null}
      <Card
        size="small"
        title={t('calendar.days', { year })}
        extra={
          dirty ? (
            <Tag color="orange" data-testid="calendar-unsaved">
              {t('calendar.unsaved')}
            </Tag>
          ) : null
        }
      >
        <Spin spinning={loaded === null && !loadError}>
          <Form<Values> form={form} name="calendar-days" component={false}>
            <Form.List name="days">
              {(fields, { add, remove }) => (
                <Flex vertical gap={12}>
                  <DaysTable year={year} fields={fields} rows={rows} remove={remove} readOnly={!canManage} />
                  {canManage ? (
                    <Flex wrap gap={8} justify="space-between">
                      <Button
                        icon={<PlusOutlined />}
                        onClick={() => add({ date: '', kind: 'holiday', name: '' }, 0)}
                        data-testid="calendar-day-add"
                      >
                        {t('calendar.addDay')}
                      </Button>
                      <Space wrap>
                        <Button
                          icon={<UndoOutlined />}
                          disabled={!dirty || busy}
                          onClick={() => form.setFieldsValue({ days: loaded ?? [] })}
                          data-testid="calendar-discard"
                        >
                          {t('calendar.discard')}
                        </Button>
                        <Button
                          type="primary"
                          icon={<SaveOutlined />}
                          loading={busy}
                          disabled={!dirty}
                          onClick={() => void save()}
                          data-testid="calendar-save"
                        >
                          {t('calendar.saveDays')}
                        </Button>
                      </Space>
                    </Flex>
                  ) : null}
                </Flex>
              )}
            </Form.List>
          </Form>
        </Spin>
      </Card>
    </Flex>
  );
}
