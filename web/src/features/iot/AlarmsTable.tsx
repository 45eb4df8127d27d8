import { useCallback, useMemo } from 'react';
import { Button, Flex, Select, Space, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { Link } from 'react-router-dom';
import { ALARM_KINDS, ALARM_STATES, PRIMARY_METRIC } from '../../../../common/domain/iot.ts';
import type { MessageKey } from '../../../../common/i18n/core.ts';
import { formatInstant } from '../../components/format.ts';
import { ListPage } from '../../components/ListPage.tsx';
import { useCrudList } from '../../components/useCrudList.ts';
import type { FetchPage } from '../../components/usePagedQuery.ts';
import { useAuth } from '../auth/context.ts';
import { useI18n } from '../../i18n/context.ts';
import { iotApi, STATE_COLORS, type Alarm } from './iot.api.ts';

interface Filters {
  state?: Alarm['state'] | 'open';
  kind?: Alarm['kind'];
  deviceId?: string;
}

/** The alarm list with its actions (确认 / 转案件 / 解除); on the alarm page, and for one device in its drawer. */
export function AlarmsTable({ deviceId, testId }: { deviceId?: string; testId: string }) {
  const { t } = useI18n();
  const { can } = useAuth();
  const mayHandle = can('alarm.handle');
  const list = useCrudList<Alarm, Filters>({ filters: deviceId ? { deviceId } : { state: 'open' } });
  const fetchPage = useCallback<FetchPage<Alarm, Filters>>((request, signal) => iotApi.alarms(request, signal), []);
  const { act } = list;
  const columns = useMemo<TableColumnsType<Alarm>>(
    () => [
      {
        title: t('iot.alarms.columns.raisedAt'),
        key: 'raisedAt',
        sorter: true,
        render: (_, a) => formatInstant(a.raisedAt),
      },
      {
        title: t('iot.alarms.columns.device'),
        key: 'deviceCode',
        sorter: true,
        render: (_, a) => (
          <Space direction="vertical" size={0}>
            <Typography.Text strong>{a.deviceCode}</Typography.Text>
            <Typography.Text type="secondary">{t(`iot.type.${a.deviceType}` as MessageKey)}</Typography.Text>
          </Space>
        ),
      },
      {
        title: t('iot.alarms.columns.kind'),
        key: 'kind',
        render: (_, a) => (
          <Space size={4} wrap>
            <Tag color={a.severity === 'critical' ? 'magenta' : 'volcano'}>
              {t(`iot.alarms.kind.${a.kind}` as MessageKey)}
            </Tag>
            {a.ruleName ? <Typography.Text type="secondary">{a.ruleName}</Typography.Text> : null}
          </Space>
        ),
      },
      {
        title: t('iot.alarms.columns.value'),
        key: 'value',
        responsive: ['md'],
        render: (_, a) =>
          a.value === null
            ? '—'
            : `${Number(a.value.toFixed(2))} ${PRIMARY_METRIC[a.deviceType].unit} / ${a.threshold ?? '—'}`,
      },
      {
        title: t('iot.alarms.columns.state'),
        key: 'state',
        render: (_, a) => (
          <Tooltip title={a.clearReason ? t(`iot.alarms.clearReason.${a.clearReason}` as MessageKey) : undefined}>
            <Tag color={STATE_COLORS[a.state]}>{t(`iot.alarms.state.${a.state}` as MessageKey)}</Tag>
          </Tooltip>
        ),
      },
      {
        title: t('iot.alarms.columns.caseNo'),
        key: 'caseNo',
        responsive: ['lg'],
        render: (_, a) =>
          a.caseId ? (
            <Space size={4}>
              <Link to={`/cases/${a.caseId}`}>{a.caseNo}</Link>
              {a.merged ? <Tag>{t('iot.alarms.merged')}</Tag> : null}
            </Space>
          ) : (
            '—'
          ),
      },
      ...(mayHandle
        ? [
            {
              title: '',
              key: 'actions',
              render: (_: unknown, a: Alarm) => (
                <Space size={4} wrap>
                  {a.state === 'raised' ? (
                    <Button
                      size="small"
                      onClick={() => void act(() => iotApi.alarmStep(a.id, 'acknowledge', { version: a.version }))}
                      data-testid={`alarm-ack-${a.deviceCode}`}
                    >
                      {t('iot.alarms.acknowledge')}
                    </Button>
                  ) : null}
                  {a.kind === 'threshold' && (a.state === 'raised' || a.state === 'acknowledged') ? (
                    <Button
                      size="small"
                      type="primary"
                      onClick={() => void act(() => iotApi.alarmStep(a.id, 'case', { version: a.version }))}
                      data-testid={`alarm-case-${a.deviceCode}`}
                    >
                      {t('iot.alarms.makeCase')}
                    </Button>
                  ) : null}
                  {a.state !== 'cleared' ? (
                    <Button
                      size="small"
                      danger
                      onClick={() => void act(() => iotApi.alarmStep(a.id, 'clear', { version: a.version }))}
                      data-testid={`alarm-clear-${a.deviceCode}`}
                    >
                      {t('iot.alarms.clear')}
                    </Button>
                  ) : null}
                </Space>
              ),
            },
          ]
        : []),
    ],
    [t, act, mayHandle],
  );
  return (
    <ListPage<Alarm, Filters>
      list={list}
      testId={testId}
      fetchPage={fetchPage}
      columns={columns}
      rowKey={(a) => a.id}
      defaultSort={{ sort: 'raisedAt', order: 'desc' }}
      searchPlaceholder={t('iot.alarms.search')}
      toolbar={
        <Flex gap={8} wrap>
          <Select<Filters['state']>
            allowClear
            placeholder={t('iot.alarms.columns.state')}
            value={list.filters.state}
            onChange={(state) => list.setFilters((f) => ({ ...f, state }))}
            options={(['open', ...ALARM_STATES] as const).map((s) => ({
              value: s,
              label: t(`iot.alarms.state.${s}` as MessageKey),
            }))}
            style={{ width: 120 }}
            data-testid={`${testId}-filter-state`}
          />
          <Select<Alarm['kind']>
            allowClear
            placeholder={t('iot.alarms.columns.kind')}
            value={list.filters.kind}
            onChange={(kind) => list.setFilters((f) => ({ ...f, kind }))}
            options={ALARM_KINDS.map((k) => ({ value: k, label: t(`iot.alarms.kind.${k}` as MessageKey) }))}
            style={{ width: 120 }}
          />
        </Flex>
      }
    />
  );
}
