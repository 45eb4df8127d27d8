import { useState } from 'react';
import { App, Button, Empty, Flex, Form, InputNumber, Select, Space, Table, Tag, Typography } from 'antd';
import { GOVERNANCE_STATUSES, type HotspotSettings } from '../../../../common/contracts/analysis.ts';
import { errorText } from '../../api/errors.ts';
import { useResource } from '../../api/use-resource.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { useI18n } from '../../i18n/context.ts';
import { useAuth } from '../auth/context.ts';
import { orgApi } from '../org/org.api.ts';
import { analysisApi, type GovernanceTask } from './analysis.api.ts';

const STATUS_COLOR = { open: 'orange', assigned: 'blue', done: 'green', dismissed: 'default' } as const;

/** 源头治理: the hotspot rule, a scan on demand, and the tasks repeat hotspots opened, to assign and finish. */
export function GovernancePanel({ canManage, canListUsers }: { canManage: boolean; canListUsers: boolean }) {
  const { t, locale } = useI18n();
  const auth = useAuth();
  const { message } = App.useApp();
  const [status, setStatus] = useState<string>('');
  const [page, setPage] = useState(1);
  const settings = useResource<HotspotSettings>((signal) => analysisApi.settings(signal), []);
  const tasks = useResource(
    (signal) =>
      analysisApi.tasks(
        { ...(status ? { status: status as GovernanceTask['status'] } : {}), page, pageSize: 20 },
        signal,
      ),
    [status, page],
  );
  const users = useResource(canListUsers ? (signal) => orgApi.users({ pageSize: 100 }, signal) : null, [canListUsers]);
  const fail = (e: unknown) => void message.error(errorText(e, locale));
  const act = (task: GovernanceTask, body: Parameters<typeof analysisApi.updateTask>[1]) =>
    analysisApi.updateTask(task.id, body).then(() => tasks.reload(), fail);

  const scan = () =>
    analysisApi.scan().then((r) => {
      void message.success(t('analysis.tasks.scanned', { hotspots: r.hotspots, opened: r.opened.length }));
      tasks.reload();
    }, fail);

  return (
    <Flex vertical gap={12}>
      {settings.data ? (
        <Typography.Text data-testid="hotspot-rule">{t('analysis.tasks.rule', { ...settings.data })}</Typography.Text>
      ) : null}
      {canManage && settings.data ? (
        <Form<HotspotSettings>
          layout="inline"
          initialValues={settings.data}
          onFinish={(v) => analysisApi.saveSettings(v).then(() => settings.reload(), fail)}
          data-testid="hotspot-settings"
        >
          <Form.Item name="radiusM" label={t('analysis.tasks.radiusM')} rules={[{ required: true }]}>
            <InputNumber min={5} max={2000} />
          </Form.Item>
          <Form.Item name="minCases" label={t('analysis.tasks.minCases')} rules={[{ required: true }]}>
            <InputNumber min={2} max={1000} />
          </Form.Item>
          <Form.Item name="windowDays" label={t('analysis.tasks.windowDays')} rules={[{ required: true }]}>
            <InputNumber min={1} max={366} />
          </Form.Item>
          <Space wrap>
            <Button htmlType="submit">{t('analysis.tasks.save')}</Button>
            <Button type="primary" onClick={scan} data-testid="hotspot-scan">
              {t('analysis.tasks.scan')}
            </Button>
          </Space>
        </Form>
      ) : null}
      <Select
        value={status}
        onChange={(v) => {
          setStatus(v);
          setPage(1);
        }}
        style={{ width: 160 }}
        aria-label={t('analysis.tasks.filter')}
        options={[
          { value: '', label: t('analysis.tasks.all') },
          ...GOVERNANCE_STATUSES.map((s) => ({ value: s, label: t(`analysis.tasks.statuses.${s}`) })),
        ]}
      />
      {tasks.error ? <LoadError error={tasks.error} onRetry={tasks.reload} testId="governance" /> : null}
      <Table<GovernanceTask>
        size="small"
        rowKey="id"
        loading={tasks.loading}
        dataSource={tasks.data?.items ?? []}
        scroll={{ x: 'max-content' }}
        data-testid="governance-tasks"
        locale={{ emptyText: <Empty description={t('analysis.tasks.empty')} /> }}
        pagination={{ current: page, pageSize: 20, total: tasks.data?.total ?? 0, onChange: setPage }}
        columns={[
          { key: 'no', title: t('analysis.tasks.taskNo'), dataIndex: 'taskNo' },
          { key: 'kind', title: t('analysis.tasks.kind'), render: (_, r) => t(`analysis.tasks.kinds.${r.kind}`) },
          {
            key: 'where',
            title: t('analysis.tasks.where'),
            render: (_, r) => (
              <Flex vertical>
                <span>{r.componentCode ?? `${r.lng.toFixed(5)}, ${r.lat.toFixed(5)}`}</span>
                {r.matterName ? <Typography.Text type="secondary">{r.matterName}</Typography.Text> : null}
              </Flex>
            ),
          },
          { key: 'cases', title: t('analysis.tasks.cases'), dataIndex: 'caseCount' },
          { key: 'window', title: t('analysis.tasks.window'), render: (_, r) => `${r.windowFrom} ~ ${r.windowTo}` },
          {
            key: 'status',
            title: t('analysis.tasks.status'),
            render: (_, r) => <Tag color={STATUS_COLOR[r.status]}>{t(`analysis.tasks.statuses.${r.status}`)}</Tag>,
          },
          { key: 'assignee', title: t('analysis.tasks.assignee'), render: (_, r) => r.assigneeName ?? '—' },
          ...(canManage
            ? [
                {
                  key: 'actions',
                  title: '',
                  render: (_: unknown, r: GovernanceTask) =>
                    r.status === 'open' || r.status === 'assigned' ? (
                      <Space wrap>
                        {users.data ? (
                          <Select
                            size="small"
                            placeholder={t('analysis.tasks.assignTo')}
                            style={{ width: 140 }}
                            value={r.assigneeId ?? undefined}
                            onChange={(assigneeId: string) => act(r, { version: r.version, assigneeId })}
                            options={users.data.items.map((u) => ({ value: u.id, label: u.displayName }))}
                          />
                        ) : (
                          <Button
                            size="small"
                            onClick={() => act(r, { version: r.version, assigneeId: auth.me?.user.id ?? null })}
                          >
                            {t('analysis.tasks.assignMe')}
                          </Button>
                        )}
                        <Button
                          size="small"
                          type="primary"
                          onClick={() => act(r, { version: r.version, status: 'done' })}
                        >
                          {t('analysis.tasks.done')}
                        </Button>
                        <Button size="small" onClick={() => act(r, { version: r.version, status: 'dismissed' })}>
                          {t('analysis.tasks.dismiss')}
                        </Button>
                      </Space>
                    ) : null,
                },
              ]
            : []),
        ]}
      />
    </Flex>
  );
}
