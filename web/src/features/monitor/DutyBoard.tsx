import { useState } from 'react';
import { Button, DatePicker, Flex, Table, Tag, Tooltip, Typography } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { useResource } from '../../api/use-resource.ts';
import { DATE_FORMAT, dayjs } from '../../components/dates.ts';
import { formatInstant } from '../../components/format.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { useI18n } from '../../i18n/context.ts';
import { ATTENDANCE_COLORS, km, pct } from './labels.ts';
import { monitorApi, type InspectorDay } from './monitor.api.ts';
import { TrackDrawer } from './TrackDrawer.tsx';

/** 在岗 status, attendance, distance and grid coverage of the supervised inspectors on one day. */
export function DutyBoard() {
  const { t } = useI18n();
  const [day, setDay] = useState<string | undefined>(undefined);
  const [open, setOpen] = useState<InspectorDay | null>(null);
  const res = useResource((signal) => monitorApi.board(day, signal), [day]);
  const shown = res.data?.day;
  return (
    <Flex vertical gap={12}>
      <Flex gap={8} align="center" wrap>
        <span>{t('monitor.day')}</span>
        <DatePicker
          value={shown ? dayjs(shown) : null}
          format={DATE_FORMAT}
          allowClear={false}
          onChange={(d) => d && setDay(d.format(DATE_FORMAT))}
          data-testid="monitor-day"
        />
        <Button icon={<ReloadOutlined />} onClick={res.reload} aria-label={t('monitor.refresh')} />
      </Flex>
      {res.error ? <LoadError error={res.error} onRetry={res.reload} testId="monitor-board" /> : null}
      <Table<InspectorDay>
        rowKey="inspectorId"
        size="small"
        loading={res.loading}
        dataSource={res.data?.items ?? []}
        pagination={false}
        scroll={{ x: 960 }}
        data-testid="monitor-board"
        columns={[
          { title: t('monitor.cols.name'), dataIndex: 'displayName', fixed: 'left', width: 120 },
          {
            title: t('monitor.cols.attendance'),
            render: (_, r) => (
              <Flex gap={4} wrap>
                <Tag color={ATTENDANCE_COLORS[r.attendance]} data-testid={`attendance-${r.inspectorId}`}>
                  {t(`monitor.attendance.${r.attendance}`)}
                </Tag>
                {r.late && r.attendance !== 'late' ? <Tag color="warning">{t('monitor.attendance.late')}</Tag> : null}
              </Flex>
            ),
          },
          {
            title: t('monitor.cols.onDuty'),
            render: (_, r) => (
              <Tag color={r.onDuty ? 'green' : 'default'}>{r.onDuty ? t('monitor.onDuty') : t('monitor.offDuty')}</Tag>
            ),
          },
          {
            title: t('monitor.cols.coverage'),
            render: (_, r) =>
              r.grids.length ? (
                <span data-testid={`coverage-${r.inspectorId}`}>
                  {t('monitor.coverageValue', { visited: r.gridsVisited, total: r.grids.length, pct: pct(r.coverage) })}
                </span>
              ) : (
                <Typography.Text type="secondary">{t('monitor.noGrids')}</Typography.Text>
              ),
          },
          {
            title: t('monitor.cols.distance'),
            render: (_, r) => (
              <Tooltip
                title={r.implausiblePoints ? t('monitor.implausible', { count: r.implausiblePoints }) : undefined}
              >
                {t('monitor.km', { km: km(r.distanceM) })}
                {r.implausiblePoints ? <Typography.Text type="warning"> ⚠</Typography.Text> : null}
              </Tooltip>
            ),
          },
          {
            title: t('monitor.cols.shift'),
            render: (_, r) => (r.shift ? `${r.shift.starts}–${r.shift.ends}` : t('monitor.noShift')),
          },
          {
            title: t('monitor.cols.firstAt'),
            render: (_, r) => (r.firstAt ? formatInstant(r.firstAt).slice(11) : '—'),
          },
          { title: t('monitor.cols.lastAt'), render: (_, r) => (r.lastAt ? formatInstant(r.lastAt).slice(11) : '—') },
          { title: t('monitor.cols.unit'), dataIndex: 'unitName', render: (v: string | null) => v ?? '—' },
          {
            title: t('monitor.cols.actions'),
            render: (_, r) => (
              <Button size="small" onClick={() => setOpen(r)} data-testid={`open-track-${r.inspectorId}`}>
                {t('monitor.openTrack')}
              </Button>
            ),
          },
        ]}
      />
      <TrackDrawer inspector={open} day={shown} onClose={() => setOpen(null)} onGridsSaved={() => res.reload()} />
    </Flex>
  );
}
