import { useMemo, useState } from 'react';
import { App, Button, DatePicker, Flex, Form, Input, Popconfirm, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { inFloodSeason } from '../../../../common/domain/lines.ts';
import { useResource } from '../../api/use-resource.ts';
import { errorText } from '../../api/errors.ts';
import { cityToday } from '../../components/format.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { LoadError } from '../../components/LoadError.tsx';
import { useFormSubmit } from '../../components/useFormSubmit.ts';
import { useI18n } from '../../i18n/context.ts';
import { useAuth } from '../auth/context.ts';
import { linesApi, type DutyDay } from './lines.api.ts';
import { useLinesSetting } from './useLines.ts';

interface Values {
  leader: string;
  staff?: string;
  phone?: string;
  note?: string;
}

/** The days of a month (YYYY-MM) as YYYY-MM-DD. */
function daysOf(month: Dayjs): string[] {
  const first = month.startOf('month');
  return Array.from({ length: first.daysInMonth() }, (_, i) => first.add(i, 'day').format('YYYY-MM-DD'));
}

/**
 * 防汛排渍 duty roster (docs/lines.md): a month at a time, every day a row with its leader and staff; the register
 * keepers (assets.manage) edit a day, everyone with the line reads it. Days outside the flood season are marked.
 */
export function DutyRoster() {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const canEdit = useAuth().can('assets.manage');
  const season = useLinesSetting()?.floodSeason;
  const [month, setMonth] = useState(() => dayjs(cityToday()));
  const [editing, setEditing] = useState<string | null>(null);
  const days = useMemo(() => daysOf(month), [month]);
  const roster = useResource((signal) => linesApi.duty(days[0]!, days.at(-1)!, signal), [days]);
  const byDate = new Map((roster.data?.items ?? []).map((d) => [d.date, d]));
  const [form] = Form.useForm<Values>();
  const { submitting, run } = useFormSubmit(form, async (v: Values) => {
    const date = editing!;
    await linesApi.saveDuty(date, {
      leader: v.leader.trim(),
      staff: (v.staff ?? '').split(/[,，、\s]+/).filter(Boolean),
      phone: v.phone?.trim() || null,
      note: v.note?.trim() || null,
    });
    void message.success(t('lineViews.duty.saved', { date }));
    setEditing(null);
    roster.reload();
  });
  const open = (date: string) => {
    const d = byDate.get(date);
    form.setFieldsValue({
      leader: d?.leader ?? '',
      staff: d?.staff.join('、') ?? '',
      phone: d?.phone ?? '',
      note: d?.note ?? '',
    });
    setEditing(date);
  };
  const clear = async (date: string) => {
    try {
      await linesApi.clearDuty(date);
      void message.success(t('lineViews.duty.cleared', { date }));
      roster.reload();
    } catch (error) {
      void message.error(errorText(error, locale));
    }
  };
  const rows = days.map((date) => ({ date, duty: byDate.get(date) }));
  return (
    <Flex vertical gap={12} data-testid="duty-roster">
      <Flex gap={8} align="center">
        <Typography.Text>{t('lineViews.duty.month')}</Typography.Text>
        <DatePicker picker="month" value={month} allowClear={false} onChange={(v) => v && setMonth(v)} />
      </Flex>
      {roster.error && !roster.data ? <LoadError error={roster.error} onRetry={roster.reload} /> : null}
      <Table<{ date: string; duty?: DutyDay }>
        size="small"
        rowKey="date"
        loading={roster.loading}
        pagination={false}
        scroll={{ x: 640 }}
        dataSource={rows}
        columns={[
          {
            title: t('lineViews.duty.date'),
            key: 'date',
            width: 150,
            render: (_, r) => (
              <span>
                {r.date}{' '}
                {season && !inFloodSeason(r.date, season) ? <Tag>{t('lineViews.duty.outOfSeason')}</Tag> : null}
              </span>
            ),
          },
          {
            title: t('lineViews.duty.leader'),
            key: 'leader',
            render: (_, r) =>
              r.duty?.leader ?? <Typography.Text type="secondary">{t('lineViews.duty.empty')}</Typography.Text>,
          },
          { title: t('lineViews.duty.staff'), key: 'staff', render: (_, r) => r.duty?.staff.join('、') ?? '' },
          { title: t('lineViews.duty.phone'), key: 'phone', render: (_, r) => r.duty?.phone ?? '' },
          { title: t('lineViews.duty.note'), key: 'note', render: (_, r) => r.duty?.note ?? '' },
          ...(canEdit
            ? [
                {
                  title: '',
                  key: 'actions',
                  width: 130,
                  render: (_: unknown, r: { date: string; duty?: DutyDay }) => (
                    <Flex gap={4}>
                      <Button size="small" onClick={() => open(r.date)} data-testid={`duty-edit-${r.date}`}>
                        {t('lineViews.duty.edit')}
                      </Button>
                      {r.duty ? (
                        <Popconfirm
                          title={t('lineViews.duty.confirmClear', { date: r.date })}
                          onConfirm={() => void clear(r.date)}
                        >
                          <Button size="small" danger>
                            {t('lineViews.duty.clear')}
                          </Button>
                        </Popconfirm>
                      ) : null}
                    </Flex>
                  ),
                },
              ]
            : []),
        ]}
      />
      <FormModal
        open={editing !== null}
        title={`${t('lineViews.duty.tab')} · ${editing ?? ''}`}
        onSave={() => form.submit()}
        onClose={() => setEditing(null)}
        submitting={submitting}
        testId="duty-submit"
      >
        <Form form={form} layout="vertical" onFinish={(v) => void run(v)}>
          <Form.Item
            name="leader"
            label={t('lineViews.duty.leader')}
            rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
          >
            <Input maxLength={40} data-testid="duty-leader" />
          </Form.Item>
          <Form.Item name="staff" label={t('lineViews.duty.staff')} extra={t('lineViews.duty.staffHint')}>
            <Input data-testid="duty-staff" />
          </Form.Item>
          <Form.Item name="phone" label={t('lineViews.duty.phone')}>
            <Input maxLength={40} />
          </Form.Item>
          <Form.Item name="note" label={t('lineViews.duty.note')}>
            <Input.TextArea maxLength={200} rows={2} />
          </Form.Item>
        </Form>
      </FormModal>
    </Flex>
  );
}
