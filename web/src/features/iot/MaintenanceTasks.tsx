import { useCallback, useEffect, useMemo, useState } from 'react';
import { App, Button, Flex, Form, Input, InputNumber, Select, Tag, Typography, type TableColumnsType } from 'antd';
import { MAINTENANCE_STATES, RECHARGE_MARGIN_PCT, type MaintenanceState } from '../../../../common/domain/iot.ts';
import type { MessageKey } from '../../../../common/i18n/core.ts';
import { errorText } from '../../api/errors.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { formatInstant } from '../../components/format.ts';
import { ListPage } from '../../components/ListPage.tsx';
import { useCrudList } from '../../components/useCrudList.ts';
import type { FetchPage } from '../../components/usePagedQuery.ts';
import { useAuth } from '../auth/context.ts';
import { useI18n } from '../../i18n/context.ts';
import { iotApi, type MaintenanceTask } from './iot.api.ts';

interface Filters {
  state?: MaintenanceState;
}

const pct = (v: number | null) => (v === null ? '—' : `${v}%`);

/**
 * 维护任务 (docs/iot.md, "Maintenance tasks"): the low-battery tasks the sweep raised, open first; a device manager
 * closes one with a note, and sets the tenant's threshold.
 */
export function MaintenanceTasks(props: { onChanged?: () => void }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const mayManage = useAuth().can('device.manage');
  const list = useCrudList<MaintenanceTask, Filters>({
    filters: { state: 'open' },
    ...(props.onChanged ? { onChanged: props.onChanged } : {}),
  });
  const [closing, setClosing] = useState<MaintenanceTask | null>(null);
  const [editThreshold, setEditThreshold] = useState(false);
  const [threshold, setThreshold] = useState<number | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [noteForm] = Form.useForm<{ note: string }>();
  const [thresholdForm] = Form.useForm<{ lowBatteryPct: number }>();
  const fetchPage = useCallback<FetchPage<MaintenanceTask, Filters>>(
    (request, signal) => iotApi.maintenance(request, signal),
    [],
  );
  useEffect(() => {
    const ctl = new AbortController();
    iotApi
      .maintenanceSettings(ctl.signal)
      .then((s) => setThreshold(s.lowBatteryPct))
      .catch(() => undefined);
    return () => ctl.abort();
  }, []);

  const stateTag = useCallback(
    (r: MaintenanceTask) =>
      r.state === 'open' ? (
        <Tag color="orange">{t('iot.maintenance.state.open')}</Tag>
      ) : (
        <Tag title={r.doneReason ? t(`iot.maintenance.doneReason.${r.doneReason}` as MessageKey) : undefined}>
          {t('iot.maintenance.state.done')}
        </Tag>
      ),
    [t],
  );
  const doneButton = useCallback(
    (r: MaintenanceTask) =>
      mayManage && r.state === 'open' ? (
        <Button size="small" onClick={() => setClosing(r)} data-testid={`maintenance-done-${r.deviceCode}`}>
          {t('iot.maintenance.done')}
        </Button>
      ) : null,
    [t, mayManage],
  );
  const columns = useMemo<TableColumnsType<MaintenanceTask>>(
    () => [
      {
        title: t('iot.maintenance.columns.device'),
        key: 'deviceCode',
        sorter: true,
        render: (_, r) => (
          <span data-testid={`maintenance-row-${r.deviceCode}`}>
            <Typography.Text strong>{r.deviceCode}</Typography.Text>
            <br />
            <Typography.Text type="secondary">{r.deviceName}</Typography.Text>
          </span>
        ),
      },
      {
        title: t('iot.maintenance.columns.reason'),
        key: 'reason',
        responsive: ['md'],
        render: (_, r) => t(`iot.maintenance.reason.${r.reason}` as MessageKey),
      },
      {
        title: t('iot.maintenance.columns.battery'),
        key: 'batteryPct',
        sorter: true,
        render: (_, r) => <Typography.Text type="danger">{pct(r.batteryPct)}</Typography.Text>,
      },
      {
        title: t('iot.maintenance.columns.current'),
        key: 'current',
        responsive: ['lg'],
        render: (_, r) => pct(r.currentBatteryPct),
      },
      {
        title: t('iot.maintenance.columns.raisedAt'),
        key: 'raisedAt',
        sorter: true,
        responsive: ['sm'],
        render: (_, r) => formatInstant(r.raisedAt),
      },
      {
        title: t('iot.maintenance.columns.state'),
        key: 'state',
        render: (_, r) => stateTag(r),
      },
      {
        title: t('iot.maintenance.columns.doneAt'),
        key: 'doneAt',
        sorter: true,
        responsive: ['xl'],
        render: (_, r) => (r.doneAt ? formatInstant(r.doneAt) : '—'),
      },
      {
        title: t('iot.maintenance.columns.doneBy'),
        key: 'doneBy',
        responsive: ['xl'],
        render: (_, r) => (r.doneReason === 'recharged' ? t('iot.maintenance.byRecharge') : (r.doneBy ?? '—')),
      },
      {
        title: t('iot.maintenance.columns.note'),
        key: 'note',
        responsive: ['lg'],
        ellipsis: true,
        render: (_, r) => r.note ?? '—',
      },
      ...(mayManage
        ? [
            {
              title: '',
              key: 'actions',
              render: (_: unknown, r: MaintenanceTask) => doneButton(r),
            },
          ]
        : []),
    ],
    [t, stateTag, doneButton, mayManage],
  );

  const close = async () => {
    if (!closing) return;
    const v = await noteForm.validateFields();
    setSubmitting(true);
    try {
      await iotApi.maintenanceDone(closing.id, { version: closing.version, note: v.note.trim() });
      setClosing(null);
      list.saved();
    } catch (error) {
      void message.error(errorText(error, locale));
    } finally {
      setSubmitting(false);
    }
  };

  const saveThreshold = async () => {
    const v = await thresholdForm.validateFields();
    setSubmitting(true);
    try {
      const saved = await iotApi.putMaintenanceSettings({ lowBatteryPct: v.lowBatteryPct });
      setThreshold(saved.lowBatteryPct);
      setEditThreshold(false);
      void message.success(t('common.saved'));
    } catch (error) {
      void message.error(errorText(error, locale));
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <>
      {threshold !== null ? (
        <Typography.Paragraph type="secondary" data-testid="maintenance-threshold">
          {t('iot.maintenance.threshold', { low: threshold, high: threshold + RECHARGE_MARGIN_PCT })}
          {mayManage ? (
            <Typography.Link style={{ marginLeft: 8 }} onClick={() => setEditThreshold(true)}>
              {t('iot.maintenance.editThreshold')}
            </Typography.Link>
          ) : null}
        </Typography.Paragraph>
      ) : null}
      <ListPage<MaintenanceTask, Filters>
        list={list}
        testId="maintenance"
        fetchPage={fetchPage}
        columns={columns}
        rowKey={(r) => r.id}
        defaultSort={{ sort: 'raisedAt', order: 'desc' }}
        searchPlaceholder={t('iot.maintenance.search')}
        renderCard={(r) => (
          <Flex justify="space-between" align="center" gap={8} data-testid={`maintenance-card-${r.deviceCode}`}>
            <div>
              <Typography.Text strong>{r.deviceCode}</Typography.Text> {stateTag(r)}
              <div>{r.deviceName}</div>
              <Typography.Text type="secondary">
                {t('iot.maintenance.reason.low_battery')} {pct(r.batteryPct)} · {formatInstant(r.raisedAt)}
              </Typography.Text>
              {r.note ? <div>{r.note}</div> : null}
            </div>
            {doneButton(r)}
          </Flex>
        )}
        toolbar={
          <Select<MaintenanceState>
            allowClear
            placeholder={t('iot.maintenance.columns.state')}
            value={list.filters.state}
            onChange={(state) => list.setFilters((f) => ({ ...f, state }))}
            options={MAINTENANCE_STATES.map((s) => ({
              value: s,
              label: t(`iot.maintenance.state.${s}` as MessageKey),
            }))}
            style={{ width: 120 }}
            data-testid="maintenance-filter-state"
          />
        }
        // The table sends its own query to the export (state, the search text, the sort), so the file holds the rows
        // the list shows.
        exportPath="/api/device-maintenance/export.csv"
        exportLabel={t('iot.maintenance.exportCsv')}
      >
        <FormModal
          open={closing !== null}
          title={t('iot.maintenance.doneTitle', {
            device: closing ? `${closing.deviceCode} ${closing.deviceName}` : '',
          })}
          onSave={() => void close()}
          onClose={() => setClosing(null)}
          submitting={submitting}
          testId="maintenance-done-save"
        >
          <Form form={noteForm} layout="vertical">
            <Form.Item
              name="note"
              label={t('iot.maintenance.columns.note')}
              rules={[{ required: true, whitespace: true, max: 500 }]}
            >
              <Input.TextArea
                rows={3}
                placeholder={t('iot.maintenance.notePlaceholder')}
                data-testid="maintenance-note"
              />
            </Form.Item>
          </Form>
        </FormModal>
        <FormModal
          open={editThreshold}
          title={t('iot.maintenance.editThreshold')}
          onSave={() => void saveThreshold()}
          onClose={() => setEditThreshold(false)}
          submitting={submitting}
          testId="maintenance-threshold-save"
        >
          <Form form={thresholdForm} layout="vertical" initialValues={{ lowBatteryPct: threshold ?? 20 }}>
            <Form.Item
              name="lowBatteryPct"
              label={t('iot.maintenance.thresholdLabel')}
              rules={[{ required: true, type: 'number', min: 1, max: 80 }]}
            >
              <InputNumber min={1} max={80} style={{ width: '100%' }} />
            </Form.Item>
          </Form>
        </FormModal>
      </ListPage>
    </>
  );
}
