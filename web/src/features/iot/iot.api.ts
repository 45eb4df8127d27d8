import type {
  Alarm,
  AlarmQuery,
  AlarmRule,
  AlarmRuleCreate,
  AlarmRuleUpdate,
  AlarmStep,
  ConsumerStatus,
  Device,
  DeviceCreate,
  DeviceQuery,
  DeviceWithKey,
  MaintenanceDone,
  MaintenanceQuery,
  MaintenanceSettingsBody,
  MaintenanceTask,
  Readings,
  ReadingsQuery,
  RejectedMessage,
  RejectedQuery,
} from '../../../../common/contracts/iot.ts';
import type { Page } from '../../../../common/domain/paging.ts';
import { api } from '../../api/client.ts';

export type {
  Alarm,
  AlarmQuery,
  AlarmRule,
  AlarmRuleCreate,
  AlarmRuleUpdate,
  Device,
  DeviceQuery,
  MaintenanceQuery,
  MaintenanceTask,
  RejectedMessage,
  RejectedQuery,
};
const enc = encodeURIComponent;

export const iotApi = {
  devices: (query: DeviceQuery, signal?: AbortSignal) => api.get<Page<Device>>('/api/devices', { query, signal }),
  device: (id: string, signal?: AbortSignal) => api.get<Device>(`/api/devices/${enc(id)}`, { signal }),
  createDevice: (body: DeviceCreate) => api.post<DeviceWithKey>('/api/devices', body),
  rotateKey: (id: string) => api.post<DeviceWithKey>(`/api/devices/${enc(id)}/key`),
  readings: (id: string, query: ReadingsQuery, signal?: AbortSignal) =>
    api.get<Readings & { metrics: string[] }>(`/api/devices/${enc(id)}/readings`, { query, signal }),
  alarms: (query: AlarmQuery, signal?: AbortSignal) => api.get<Page<Alarm>>('/api/alarms', { query, signal }),
  alarmStep: (id: string, action: 'acknowledge' | 'case' | 'clear', body: AlarmStep) =>
    api.post<Alarm>(`/api/alarms/${enc(id)}/${action}`, body),
  rules: (signal?: AbortSignal) => api.get<AlarmRule[]>('/api/alarm-rules', { signal }),
  createRule: (body: AlarmRuleCreate) => api.post<AlarmRule>('/api/alarm-rules', body),
  updateRule: (id: string, body: AlarmRuleUpdate) => api.put<AlarmRule>(`/api/alarm-rules/${enc(id)}`, body),
  loadDefaultRules: () => api.post<AlarmRule[]>('/api/alarm-rules/defaults'),
  rejected: (query: RejectedQuery, signal?: AbortSignal) =>
    api.get<Page<RejectedMessage>>('/api/telemetry/rejected', { query, signal }),
  maintenance: (query: MaintenanceQuery, signal?: AbortSignal) =>
    api.get<Page<MaintenanceTask>>('/api/device-maintenance', { query, signal }),
  maintenanceDone: (id: string, body: MaintenanceDone) =>
    api.put<MaintenanceTask>(`/api/device-maintenance/${enc(id)}/done`, body),
  maintenanceSettings: (signal?: AbortSignal) =>
    api.get<MaintenanceSettingsBody>('/api/device-maintenance/settings', { signal }),
  putMaintenanceSettings: (body: MaintenanceSettingsBody) =>
    api.put<MaintenanceSettingsBody>('/api/device-maintenance/settings', body),
  consumer: (signal?: AbortSignal) => api.get<ConsumerStatus>('/api/telemetry/consumer', { signal }),
};

export const STATE_COLORS: Record<Alarm['state'], string> = {
  raised: 'red',
  acknowledged: 'orange',
  case: 'blue',
  cleared: 'default',
};
