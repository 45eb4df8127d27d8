import { useCallback, useEffect, useState } from 'react';
import { Button, Card, Form, Input, Space, Tag, type TableColumnsType } from 'antd';
import { VOLUNTEER_STATUSES, type VolunteerStatus } from '../../../../common/domain/frontage.ts';
import { formatInstant } from '../../components/format.ts';
import { FilterSelect } from '../../components/FilterSelect.tsx';
import { FormModal } from '../../components/FormModal.tsx';
import { ListPage } from '../../components/ListPage.tsx';
import { PagedTable } from '../../components/PagedTable.tsx';
import { useCrudList } from '../../components/useCrudList.ts';
import { useFormSubmit } from '../../components/useFormSubmit.ts';
import type { FetchPage } from '../../components/usePagedQuery.ts';
import { useI18n } from '../../i18n/context.ts';
import { useAuth } from '../auth/context.ts';
import { TownshipSelect } from '../illegal-construction/fields.tsx';
import { frApi, type Shift, type Volunteer } from './fr.api.ts';

interface Filters {
  status?: VolunteerStatus;
}

const STATUS_COLORS = { applied: 'orange', active: 'green', withdrawn: 'default' } as const;
const SHIFT_COLORS = { scheduled: 'blue', served: 'green', absent: 'red' } as const;
const hours = (minutes: number) => Math.round((minutes / 60) * 10) / 10;

interface ShiftValues {
  place: string;
  regionId?: string | null;
  startsAt: string;
  endsAt: string;
}

function ShiftModal({
  target,
  onClose,
  onSaved,
}: {
  target: Volunteer | null;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<ShiftValues>();
  useEffect(() => {
    if (target) form.resetFields();
  }, [target, form]);
  const { submitting, run } = useFormSubmit(form, async (v: ShiftValues) => {
    if (!target) return;
    await frApi.createShift({
      volunteerId: target.id,
      regionId: v.regionId ?? null,
      place: v.place.trim(),
      startsAt: new Date(v.startsAt).toISOString(),
      endsAt: new Date(v.endsAt).toISOString(),
    });
    onSaved();
  });
  const required = [{ required: true, message: t('validation.required') }];
  return (
    <FormModal
      open={target !== null}
      title={`${t('frontage.action.schedule')}：${target?.name ?? ''}`}
      onSave={() => form.submit()}
      onClose={onClose}
      submitting={submitting}
      testId="fr-shift-submit"
    >
      <Form form={form} layout="vertical" name="fr-shift" onFinish={(v) => void run(v)}>
        <Form.Item name="place" label={t('frontage.volunteer.place')} rules={[...required, { max: 120 }]}>
          <Input data-testid="fr-shift-place" />
        </Form.Item>
        <Form.Item name="regionId" label={t('frontage.field.region')}>
          <TownshipSelect testId="fr-shift-region" allowClear />
        </Form.Item>
        <Space wrap>
          <Form.Item name="startsAt" label={t('frontage.volunteer.startsAt')} rules={required}>
            <Input type="datetime-local" data-testid="fr-shift-start" />
          </Form.Item>
          <Form.Item name="endsAt" label={t('frontage.volunteer.endsAt')} rules={required}>
            <Input type="datetime-local" data-testid="fr-shift-end" />
          </Form.Item>
        </Space>
      </Form>
    </FormModal>
  );
}

function Shifts({ reloadKey, onChanged }: { reloadKey: number; onChanged: () => void }) {
  const { t } = useI18n();
  const list = useCrudList<Shift, object>({ onChanged });
  const canManage = useAuth().can('frontage.manage');
  const fetchPage = useCallback<FetchPage<Shift, object>>((r, signal) => frApi.shifts(r, signal), []);
  const columns: TableColumnsType<Shift> = [
    {
      title: t('frontage.volunteer.startsAt'),
      key: 'startsAt',
      sorter: true,
      render: (_, s) => formatInstant(s.startsAt),
    },
    { title: t('frontage.volunteer.endsAt'), key: 'endsAt', render: (_, s) => formatInstant(s.endsAt) },
    { title: t('frontage.volunteer.volunteer'), key: 'volunteer', render: (_, s) => s.volunteerName },
    { title: t('frontage.volunteer.place'), key: 'place', render: (_, s) => s.place },
    { title: t('frontage.field.region'), key: 'region', responsive: ['lg'], render: (_, s) => s.regionName ?? '—' },
    {
      title: t('frontage.field.status'),
      key: 'status',
      render: (_, s) => <Tag color={SHIFT_COLORS[s.status]}>{t(`frontage.shiftStatus.${s.status}`)}</Tag>,
    },
    { title: t('frontage.volunteer.minutes'), key: 'minutes', align: 'right', render: (_, s) => s.minutesServed },
    ...(canManage
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_: unknown, s: Shift) =>
              s.status === 'scheduled' ? (
                <Space size={0}>
                  <Button
                    type="link"
                    size="small"
                    onClick={() => void list.act(() => frApi.recordShift(s.id, 'served'))}
                  >
                    {t('frontage.action.served')}
                  </Button>
                  <Button
                    type="link"
                    size="small"
                    danger
                    onClick={() => void list.act(() => frApi.recordShift(s.id, 'absent'))}
                  >
                    {t('frontage.action.absent')}
                  </Button>
                </Space>
              ) : null,
          },
        ]
      : []),
  ];
  return (
    <PagedTable<Shift, object>
      testId="fr-shifts"
      fetchPage={fetchPage}
      filters={list.filters}
      reloadKey={reloadKey + list.reloadKey}
      columns={columns}
      rowKey={(s) => s.id}
      defaultSort={{ sort: 'startsAt', order: 'desc' }}
      searchPlaceholder={t('frontage.search.shifts')}
    />
  );
}

/** 城管体验岗: the volunteers who signed up on the citizen page (phones masked), their shifts and hours served. */
export function VolunteersTab() {
  const { t } = useI18n();
  const [shiftsKey, setShiftsKey] = useState(0);
  const list = useCrudList<Volunteer, Filters>({ onChanged: () => setShiftsKey((k) => k + 1) });
  const canManage = useAuth().can('frontage.manage');
  const [scheduling, setScheduling] = useState<Volunteer | null>(null);
  const fetchPage = useCallback<FetchPage<Volunteer, Filters>>((r, signal) => frApi.volunteers(r, signal), []);
  const columns: TableColumnsType<Volunteer> = [
    { title: t('frontage.volunteer.no'), key: 'volunteerNo', sorter: true, render: (_, v) => v.volunteerNo },
    { title: t('frontage.volunteer.name'), key: 'name', render: (_, v) => v.name },
    { title: t('frontage.volunteer.phone'), key: 'phone', render: (_, v) => v.phone ?? '—' },
    {
      title: t('frontage.field.status'),
      key: 'status',
      render: (_, v) => <Tag color={STATUS_COLORS[v.status]}>{t(`frontage.volunteerStatus.${v.status}`)}</Tag>,
    },
    { title: t('frontage.volunteer.shifts'), key: 'shifts', align: 'right', render: (_, v) => v.shiftsServed },
    {
      title: t('frontage.volunteer.hours'),
      key: 'minutesServed',
      sorter: true,
      align: 'right',
      render: (_, v) => hours(v.minutesServed),
    },
    { title: t('frontage.volunteer.note'), key: 'note', responsive: ['xl'], render: (_, v) => v.note ?? '—' },
    {
      title: t('frontage.volunteer.signedUpAt'),
      key: 'createdAt',
      sorter: true,
      render: (_, v) => formatInstant(v.createdAt),
    },
    ...(canManage
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_: unknown, v: Volunteer) => (
              <Space size={0}>
                {v.status !== 'active' ? (
                  <Button
                    type="link"
                    size="small"
                    onClick={() => void list.act(() => frApi.setVolunteerStatus(v.id, 'active'))}
                    data-testid={`fr-confirm-${v.id}`}
                  >
                    {t('frontage.action.confirm')}
                  </Button>
                ) : (
                  <>
                    <Button type="link" size="small" onClick={() => setScheduling(v)}>
                      {t('frontage.action.schedule')}
                    </Button>
                    <Button
                      type="link"
                      size="small"
                      danger
                      onClick={() => void list.act(() => frApi.setVolunteerStatus(v.id, 'withdrawn'))}
                    >
                      {t('frontage.action.withdraw')}
                    </Button>
                  </>
                )}
              </Space>
            ),
          },
        ]
      : []),
  ];
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <ListPage<Volunteer, Filters>
        list={list}
        testId="fr-volunteers"
        fetchPage={fetchPage}
        columns={columns}
        rowKey={(v) => v.id}
        defaultSort={{ sort: 'createdAt', order: 'desc' }}
        searchPlaceholder={t('frontage.search.volunteers')}
        toolbar={
          <FilterSelect
            list={list}
            name="status"
            codes={VOLUNTEER_STATUSES}
            label={(c) => t(`frontage.volunteerStatus.${c}`)}
            placeholder={t('frontage.filter.status')}
            width={120}
          />
        }
      >
        <ShiftModal
          target={scheduling}
          onClose={() => setScheduling(null)}
          onSaved={() => {
            setScheduling(null);
            list.saved();
          }}
        />
      </ListPage>
      <Card size="small" title={t('frontage.volunteer.shiftsTitle')}>
        <Shifts reloadKey={shiftsKey} onChanged={list.reload} />
      </Card>
    </Space>
  );
}
