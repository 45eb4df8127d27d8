import { useState } from 'react';
import { App, Button, Checkbox, DatePicker, Flex, Form, Popconfirm, Select, Table, TimePicker } from 'antd';
import type { Dayjs } from 'dayjs';
import { errorText } from '../../api/errors.ts';
import { useResource } from '../../api/use-resource.ts';
import { DATE_FORMAT, dayjs } from '../../components/dates.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { useI18n } from '../../i18n/context.ts';
import { monitorApi, type RosterEntry } from './monitor.api.ts';

interface Values {
  inspectorIds: string[];
  range: [Dayjs, Dayjs];
  starts: Dayjs;
  ends: Dayjs;
  workdaysOnly: boolean;
}

/** The duty roster: shifts for several inspectors over a range of days (working days of the calendar by default). */
export function RosterPanel() {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const from = dayjs().startOf('week').format(DATE_FORMAT);
  const to = dayjs().startOf('week').add(13, 'day').format(DATE_FORMAT);
  const board = useResource((signal) => monitorApi.board(undefined, signal), []);
  const roster = useResource((signal) => monitorApi.roster(from, to, signal), [from, to]);

  const submit = async (v: Values) => {
    setSaving(true);
    try {
      const res = await monitorApi.setRoster({
        inspectorIds: v.inspectorIds,
        from: v.range[0].format(DATE_FORMAT),
        to: v.range[1].format(DATE_FORMAT),
        starts: v.starts.format('HH:mm'),
        ends: v.ends.format('HH:mm'),
        workdaysOnly: v.workdaysOnly,
      });
      void message.success(t('monitor.roster.saved', { count: res.shifts }));
      roster.reload();
    } catch (err) {
      void message.error(errorText(err, locale));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Flex vertical gap={16}>
      {board.error ? <LoadError error={board.error} onRetry={board.reload} testId="roster-inspectors" /> : null}
      <Form<Values>
        form={form}
        layout="inline"
        onFinish={(v) => void submit(v)}
        initialValues={{
          workdaysOnly: true,
          starts: dayjs('08:30', 'HH:mm'),
          ends: dayjs('17:30', 'HH:mm'),
          range: [dayjs(), dayjs().add(6, 'day')],
        }}
        style={{ rowGap: 8 }}
      >
        <Form.Item name="inspectorIds" label={t('monitor.roster.inspectors')} rules={[{ required: true }]}>
          <Select
            mode="multiple"
            style={{ minWidth: 240 }}
            options={(board.data?.items ?? []).map((i) => ({ value: i.inspectorId, label: i.displayName }))}
            data-testid="roster-inspectors"
          />
        </Form.Item>
        <Form.Item name="range" label={t('monitor.roster.range')} rules={[{ required: true }]}>
          <DatePicker.RangePicker format={DATE_FORMAT} allowClear={false} />
        </Form.Item>
        <Form.Item name="starts" label={t('monitor.roster.starts')} rules={[{ required: true }]}>
          <TimePicker format="HH:mm" minuteStep={5} allowClear={false} />
        </Form.Item>
        <Form.Item name="ends" label={t('monitor.roster.ends')} rules={[{ required: true }]}>
          <TimePicker format="HH:mm" minuteStep={5} allowClear={false} />
        </Form.Item>
        <Form.Item name="workdaysOnly" valuePropName="checked">
          <Checkbox>{t('monitor.roster.workdaysOnly')}</Checkbox>
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={saving} data-testid="roster-submit">
          {t('monitor.roster.submit')}
        </Button>
      </Form>
      {roster.error ? <LoadError error={roster.error} onRetry={roster.reload} testId="roster" /> : null}
      <Table<RosterEntry>
        title={() => t('monitor.roster.week')}
        rowKey={(r) => `${r.inspectorId}-${r.day}`}
        size="small"
        loading={roster.loading}
        dataSource={roster.data ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: t('monitor.roster.empty') }}
        columns={[
          { title: t('monitor.day'), dataIndex: 'day' },
          { title: t('monitor.cols.name'), dataIndex: 'displayName' },
          { title: t('monitor.cols.shift'), render: (_, r) => `${r.starts}–${r.ends}` },
          {
            title: t('monitor.cols.actions'),
            render: (_, r) => (
              <Popconfirm
                title={t('monitor.roster.remove')}
                onConfirm={async () => {
                  try {
                    await monitorApi.deleteShift(r.inspectorId, r.day);
                    roster.reload();
                  } catch (err) {
                    void message.error(errorText(err, locale));
                  }
                }}
              >
                <Button size="small" danger>
                  {t('monitor.roster.remove')}
                </Button>
              </Popconfirm>
            ),
          },
        ]}
      />
    </Flex>
  );
}
