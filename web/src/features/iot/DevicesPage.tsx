import { useCallback, useEffect, useMemo, useState } from 'react';
import {
  Alert,
  Badge,
  Button,
  DatePicker,
  Descriptions,
  Drawer,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Tabs,
  Tag,
  Typography,
  App,
  type TableColumnsType,
} from 'antd';
import type { DeviceCreate } from '../../../../common/contracts/iot.ts';
import { DEVICE_TYPES, type DeviceType } from '../../../../common/domain/iot.ts';
import type { MessageKey } from '../../../../common/i18n/core.ts';
import { errorText } from '../../api/errors.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { formatInstant } from '../../components/format.ts';
import { ListPage } from '../../components/ListPage.tsx';
import { PageSection } from '../../components/PageSection.tsx';
import { useCrudList } from '../../components/useCrudList.ts';
import type { FetchPage } from '../../components/usePagedQuery.ts';
import { useSearchParams } from 'react-router-dom';
import { useAuth } from '../auth/context.ts';
import { useI18n } from '../../i18n/context.ts';
import { AlarmsTable } from './AlarmsTable.tsx';
import { DeviceReadingsChart } from './DeviceReadingsChart.tsx';
import { iotApi, type Device } from './iot.api.ts';
import { MaintenanceTasks } from './MaintenanceTasks.tsx';

interface Filters {
  type?: DeviceType;
  status?: 'online' | 'offline' | 'inactive';
}

function statusTag(d: Device, t: (k: MessageKey) => string) {
  if (!d.active) return <Tag>{t('iot.devices.inactive')}</Tag>;
  return d.online ? (
    <Tag color="green">{t('iot.devices.online')}</Tag>
  ) : (
    <Tag color="red">{t('iot.devices.offline')}</Tag>
  );
}

/**
 * 物联设备: the registry with its filters, registration (the key shown once) and the device drawer with its chart;
 * beside it the 维护任务 tab with the count of open tasks (`?tab=maintenance` opens it).
 */
export function DevicesPage() {
  const { t } = useI18n();
  const [params] = useSearchParams();
  const [openTasks, setOpenTasks] = useState<number | null>(null);
  const [tasksChanged, setTasksChanged] = useState(0);
  useEffect(() => {
    const ctl = new AbortController();
    iotApi
      .maintenance({ state: 'open', pageSize: 1 }, ctl.signal)
      .then((p) => setOpenTasks(p.total))
      .catch(() => undefined);
    return () => ctl.abort();
  }, [tasksChanged]);
  return (
    <PageSection title={t('iot.devices.title')} testId="page-devices">
      {openTasks ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          message={t('iot.devices.openTasks', { n: openTasks })}
          data-testid="devices-open-tasks"
        />
      ) : null}
      <Tabs
        destroyOnHidden
        defaultActiveKey={params.get('tab') === 'maintenance' ? 'maintenance' : 'devices'}
        items={[
          { key: 'devices', label: t('iot.devices.tabs.devices'), children: <DeviceRegistry /> },
          {
            key: 'maintenance',
            label: (
              <span data-testid="devices-tab-maintenance">
                {t('iot.devices.tabs.maintenance')} <Badge count={openTasks ?? 0} size="small" color="orange" />
              </span>
            ),
            children: <MaintenanceTasks onChanged={() => setTasksChanged((c) => c + 1)} />,
          },
        ]}
      />
    </PageSection>
  );
}

function DeviceRegistry() {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const mayManage = useAuth().can('device.manage');
  const list = useCrudList<Device, Filters>();
  const [shownKey, setShownKey] = useState<{ code: string; key: string } | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [form] = Form.useForm<DeviceCreate & { installDay?: { format(f: string): string } }>();
  const fetchPage = useCallback<FetchPage<Device, Filters>>((request, signal) => iotApi.devices(request, signal), []);
  const open = list.edit;
  const columns = useMemo<TableColumnsType<Device>>(
    () => [
      {
        title: t('iot.devices.code'),
        key: 'code',
        sorter: true,
        render: (_, d) => (
          <Typography.Link onClick={() => open(d)} data-testid={`device-row-${d.code}`}>
            {d.code}
          </Typography.Link>
        ),
      },
      { title: t('iot.devices.name'), key: 'name', sorter: true, render: (_, d) => d.name },
      { title: t('iot.devices.type'), key: 'type', render: (_, d) => t(`iot.type.${d.type}` as MessageKey) },
      { title: t('iot.devices.status'), key: 'status', render: (_, d) => statusTag(d, t) },
      {
        title: t('iot.devices.component'),
        key: 'component',
        responsive: ['lg'],
        render: (_, d) => d.componentCode ?? '—',
      },
      {
        title: t('iot.devices.battery'),
        key: 'battery',
        responsive: ['md'],
        render: (_, d) => (d.batteryPct === null ? '—' : `${d.batteryPct}%`),
      },
      {
        title: t('iot.devices.lastSeen'),
        key: 'lastSeenAt',
        sorter: true,
        render: (_, d) => (d.lastSeenAt ? formatInstant(d.lastSeenAt) : t('iot.devices.never')),
      },
    ],
    [t, open],
  );
  const selected = list.target && list.target !== 'new' ? list.target : null;

  const save = async () => {
    const v = await form.validateFields();
    setSubmitting(true);
    try {
      const { installDay, ...rest } = v;
      const body: DeviceCreate = { ...rest, ...(installDay ? { installDate: installDay.format('YYYY-MM-DD') } : {}) };
      if (!body.componentCode) delete body.componentCode;
      const created = await iotApi.createDevice(body);
      list.saved();
      setShownKey({ code: created.device.code, key: created.key });
    } catch (error) {
      void message.error(errorText(error, locale));
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <>
      <ListPage<Device, Filters>
        list={list}
        testId="devices"
        fetchPage={fetchPage}
        columns={columns}
        rowKey={(d) => d.id}
        defaultSort={{ sort: 'code', order: 'asc' }}
        searchPlaceholder={t('iot.devices.search')}
        {...(mayManage ? { createLabel: t('iot.devices.create') } : {})}
        toolbar={
          <>
            <Select<DeviceType>
              allowClear
              placeholder={t('iot.devices.type')}
              value={list.filters.type}
              onChange={(type) => list.setFilters((f) => ({ ...f, type }))}
              options={DEVICE_TYPES.map((d) => ({ value: d, label: t(`iot.type.${d}` as MessageKey) }))}
              style={{ width: 150 }}
              data-testid="devices-filter-type"
            />
            <Select<Filters['status']>
              allowClear
              placeholder={t('iot.devices.status')}
              value={list.filters.status}
              onChange={(status) => list.setFilters((f) => ({ ...f, status }))}
              options={(['online', 'offline', 'inactive'] as const).map((s) => ({
                value: s,
                label: t(`iot.devices.${s}` as MessageKey),
              }))}
              style={{ width: 110 }}
            />
          </>
        }
      >
        <FormModal
          open={list.target === 'new'}
          title={t('iot.devices.create')}
          onSave={() => void save()}
          onClose={list.close}
          submitting={submitting}
          testId="device-save"
        >
          <Form form={form} layout="vertical" initialValues={{ heartbeatS: 300 }}>
            <Form.Item
              name="code"
              label={t('iot.devices.code')}
              rules={[{ required: true, pattern: /^[0-9A-Za-z_-]{1,40}$/ }]}
            >
              <Input data-testid="device-code" />
            </Form.Item>
            <Form.Item name="name" label={t('iot.devices.name')} rules={[{ required: true, max: 100 }]}>
              <Input data-testid="device-name" />
            </Form.Item>
            <Form.Item name="type" label={t('iot.devices.type')} rules={[{ required: true }]}>
              <Select options={DEVICE_TYPES.map((d) => ({ value: d, label: t(`iot.type.${d}` as MessageKey) }))} />
            </Form.Item>
            <Form.Item
              name="componentCode"
              label={t('iot.devices.component')}
              extra={t('iot.devices.componentHint')}
              rules={[{ pattern: /^\d{17}$/ }]}
            >
              <Input />
            </Form.Item>
            <Form.Item name="lng" label={t('iot.devices.lng')}>
              <InputNumber min={-180} max={180} step={0.0001} style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item name="lat" label={t('iot.devices.lat')}>
              <InputNumber min={-90} max={90} step={0.0001} style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item name="model" label={t('iot.devices.model')}>
              <Input />
            </Form.Item>
            <Form.Item name="installDay" label={t('iot.devices.installDate')}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item name="heartbeatS" label={t('iot.devices.heartbeat')}>
              <InputNumber min={10} max={86400} style={{ width: '100%' }} />
            </Form.Item>
          </Form>
        </FormModal>
        <DeviceDrawer device={selected} onClose={list.close} mayManage={mayManage} onKey={setShownKey} />
      </ListPage>
      <Modal
        open={shownKey !== null}
        title={t('iot.devices.keyTitle')}
        onOk={() => setShownKey(null)}
        onCancel={() => setShownKey(null)}
        cancelButtonProps={{ style: { display: 'none' } }}
      >
        <Alert type="warning" showIcon message={t('iot.devices.keyHint')} style={{ marginBottom: 12 }} />
        <Typography.Paragraph copyable code data-testid="device-key">
          {shownKey?.key}
        </Typography.Paragraph>
      </Modal>
    </>
  );
}

function DeviceDrawer(props: {
  device: Device | null;
  onClose: () => void;
  mayManage: boolean;
  onKey: (k: { code: string; key: string }) => void;
}) {
  const { t, locale } = useI18n();
  const { modal, message } = App.useApp();
  const [device, setDevice] = useState<Device | null>(props.device);
  useEffect(() => setDevice(props.device), [props.device]);
  const d = device;
  return (
    <Drawer
      open={d !== null}
      onClose={props.onClose}
      title={d ? `${d.code} · ${d.name}` : t('iot.devices.detail')}
      width={760}
      destroyOnHidden
    >
      {d ? (
        <>
          <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered>
            <Descriptions.Item label={t('iot.devices.type')}>{t(`iot.type.${d.type}` as MessageKey)}</Descriptions.Item>
            <Descriptions.Item label={t('iot.devices.status')}>{statusTag(d, t)}</Descriptions.Item>
            <Descriptions.Item label={t('iot.devices.component')}>{d.componentCode ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('iot.devices.model')}>{d.model ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={`${t('iot.devices.lng')}, ${t('iot.devices.lat')}`}>
              {d.lng.toFixed(6)}, {d.lat.toFixed(6)}
            </Descriptions.Item>
            <Descriptions.Item label={t('iot.devices.installDate')}>{d.installDate ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('iot.devices.firmware')}>{d.firmware ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('iot.devices.battery')}>
              {d.batteryPct === null ? '—' : `${d.batteryPct}%`}
            </Descriptions.Item>
            <Descriptions.Item label={t('iot.devices.heartbeat')}>{d.heartbeatS}</Descriptions.Item>
            <Descriptions.Item label={t('iot.devices.lastSeen')}>
              {d.lastSeenAt ? formatInstant(d.lastSeenAt) : t('iot.devices.never')}
            </Descriptions.Item>
            <Descriptions.Item label={t('iot.devices.topic')} span={2}>
              <Typography.Text code>{`${d.topic}/telemetry`}</Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={t('iot.devices.keyFingerprint')}>
              <Typography.Text code>{d.keyFingerprint}</Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={t('iot.devices.keyIssuedAt')}>{formatInstant(d.keyIssuedAt)}</Descriptions.Item>
          </Descriptions>
          {props.mayManage ? (
            <Button
              style={{ marginTop: 12 }}
              data-testid="device-rotate-key"
              onClick={() =>
                modal.confirm({
                  title: t('iot.devices.rotateKey'),
                  content: t('iot.devices.rotateConfirm'),
                  onOk: async () => {
                    try {
                      const r = await iotApi.rotateKey(d.id);
                      setDevice(r.device);
                      props.onKey({ code: r.device.code, key: r.key });
                    } catch (error) {
                      void message.error(errorText(error, locale));
                    }
                  },
                })
              }
            >
              {t('iot.devices.rotateKey')}
            </Button>
          ) : null}
          <Typography.Title level={5} style={{ marginTop: 20 }}>
            {t('iot.devices.chart')}
          </Typography.Title>
          <DeviceReadingsChart deviceId={d.id} type={d.type} />
          <Typography.Title level={5} style={{ marginTop: 20 }}>
            {t('iot.devices.alarms')}
          </Typography.Title>
          <AlarmsTable deviceId={d.id} testId="device-alarms" />
        </>
      ) : null}
    </Drawer>
  );
}
