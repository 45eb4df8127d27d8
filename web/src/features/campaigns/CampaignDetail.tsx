import { useCallback, useState } from 'react';
import { App, Button, Descriptions, Form, Input, InputNumber, Popconfirm, Progress, Select, Space, Tag } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import type { QuantityReportCreate, TaskCreate, TaskQuery } from '../../../../common/contracts/campaigns.ts';
import { errorText } from '../../api/errors.ts';
import { useResource } from '../../api/use-resource.ts';
import { cityToday } from '../../components/format.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { PagedTable } from '../../components/PagedTable.tsx';
import { RemoteSelect } from '../../components/RemoteSelect.tsx';
import { useFormSubmit } from '../../components/useFormSubmit.ts';
import { useI18n } from '../../i18n/context.ts';
import { useAuth } from '../auth/context.ts';
import { PhotoUpload } from '../cases/PhotoUpload.tsx';
import { CampaignEditModal } from './CampaignEditModal.tsx';
import { cpApi, type QuantityReport, type Task } from './cp.api.ts';

type Dialog = { kind: 'task' | 'edit' } | { kind: 'report' | 'progress'; task: Task } | null;

/** One campaign: its targets against what was reported, its tasks by unit and the quantity reports. */
export function CampaignDetail({ id, onBack }: { id: string; onBack: () => void }) {
  const { t, locale } = useI18n();
  const { can } = useAuth();
  const { message } = App.useApp();
  const [reload, setReload] = useState(0);
  const [dialog, setDialog] = useState<Dialog>(null);
  const { data: c } = useResource((signal) => cpApi.get(id, signal), [id, reload]);
  const [taskForm] = Form.useForm<TaskCreate>();
  const [reportForm] = Form.useForm<QuantityReportCreate>();
  const [progressForm] = Form.useForm<{ progressPct: number; note?: string }>();
  const done = () => {
    void message.success(t('campaigns.saved'));
    setDialog(null);
    setReload((k) => k + 1);
  };
  const addTask = useFormSubmit(taskForm, async (v: TaskCreate) => {
    await cpApi.createTask(id, v);
    done();
  });
  const report = useFormSubmit(reportForm, async (v: QuantityReportCreate) => {
    if (dialog?.kind !== 'report') return;
    await cpApi.report(dialog.task.id, v);
    done();
  });
  const progress = useFormSubmit(progressForm, async (v: { progressPct: number; note?: string }) => {
    if (dialog?.kind !== 'progress') return;
    await cpApi.progress(dialog.task.id, v);
    done();
  });
  const tasks = useCallback((q: TaskQuery, signal: AbortSignal) => cpApi.tasks(id, q, signal), [id]);
  const reports = useCallback((q: TaskQuery, signal: AbortSignal) => cpApi.reports(id, q, signal), [id]);
  const required = [{ required: true, message: t('validation.required') }];
  const active = c?.status === 'active';
  const manage = can('campaign.manage');
  const mayReport = manage || can('campaign.report');

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle" data-testid="campaign-detail">
      <Space wrap>
        <Button icon={<ArrowLeftOutlined />} onClick={onBack}>
          {t('campaigns.actions.back')}
        </Button>
        {manage && active ? (
          <>
            <Button type="primary" onClick={() => setDialog({ kind: 'task' })} data-testid="campaign-add-task">
              {t('campaigns.actions.addTask')}
            </Button>
            <Button onClick={() => setDialog({ kind: 'edit' })} data-testid="campaign-edit">
              {t('campaigns.actions.edit')}
            </Button>
            <Popconfirm
              title={t('campaigns.actions.closeConfirm')}
              onConfirm={async () => {
                try {
                  await cpApi.close(id);
                  done();
                } catch (e) {
                  void message.error(errorText(e, locale));
                }
              }}
            >
              <Button>{t('campaigns.actions.close')}</Button>
            </Popconfirm>
          </>
        ) : null}
      </Space>
      {c ? (
        <Descriptions size="small" bordered column={{ xs: 1, md: 3 }} title={`${c.campaignNo} ${c.name}`}>
          <Descriptions.Item label={t('campaigns.fields.kind')}>{t(`campaigns.kind.${c.kind}`)}</Descriptions.Item>
          <Descriptions.Item label={t('campaigns.fields.status')}>
            {t(`campaigns.status.${c.status}`)}
          </Descriptions.Item>
          <Descriptions.Item label={t('campaigns.fields.startDate')}>
            {c.startDate} – {c.endDate ?? ''}
          </Descriptions.Item>
          {c.description ? (
            <Descriptions.Item label={t('campaigns.fields.description')} span={3}>
              {c.description}
            </Descriptions.Item>
          ) : null}
          {c.targets.map((x) => (
            <Descriptions.Item key={x.id} label={`${x.name}（${x.measure}）`}>
              {x.reported} / {x.target}
              <Progress percent={Math.min(100, x.percent ?? 0)} size="small" />
            </Descriptions.Item>
          ))}
        </Descriptions>
      ) : null}
      <PagedTable<Task, object>
        testId="campaign-tasks"
        fetchPage={tasks}
        filters={{}}
        reloadKey={reload}
        rowKey={(r) => r.id}
        defaultSort={{ sort: 'dueDate', order: 'asc' }}
        columns={[
          { title: t('campaigns.fields.title'), dataIndex: 'title', key: 'title', sorter: true },
          { title: t('campaigns.fields.unit'), dataIndex: 'unitName' },
          {
            title: t('campaigns.fields.dueDate'),
            dataIndex: 'dueDate',
            key: 'dueDate',
            sorter: true,
            render: (v: string, r) => (r.overdue ? <Tag color="error">{v}</Tag> : v),
          },
          {
            title: t('campaigns.fields.progressPct'),
            key: 'progressPct',
            sorter: true,
            render: (_, r) => <Progress percent={r.progressPct} size="small" style={{ minWidth: 100 }} />,
          },
          {
            title: t('campaigns.fields.status'),
            key: 'status',
            render: (_, r) => t(`campaigns.taskStatus.${r.status}`),
          },
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_, r) =>
              mayReport && active ? (
                <Space size={0}>
                  {c?.targets.length ? (
                    <Button size="small" type="link" onClick={() => setDialog({ kind: 'report', task: r })}>
                      {t('campaigns.actions.report')}
                    </Button>
                  ) : null}
                  <Button size="small" type="link" onClick={() => setDialog({ kind: 'progress', task: r })}>
                    {t('campaigns.actions.progress')}
                  </Button>
                </Space>
              ) : null,
          },
        ]}
      />
      <PagedTable<QuantityReport, object>
        testId="campaign-reports"
        fetchPage={reports}
        filters={{}}
        reloadKey={reload}
        rowKey={(r) => r.id}
        defaultSort={{ sort: 'onDate', order: 'desc' }}
        columns={[
          { title: t('campaigns.fields.onDate'), dataIndex: 'onDate', key: 'onDate', sorter: true },
          { title: t('campaigns.fields.unit'), dataIndex: 'unitName' },
          { title: t('campaigns.fields.title'), dataIndex: 'taskTitle' },
          { title: t('campaigns.fields.targetName'), dataIndex: 'targetName' },
          {
            title: t('campaigns.fields.quantity'),
            key: 'q',
            align: 'right',
            render: (_, r) => `${r.quantity}${r.measure}`,
          },
          { title: t('campaigns.fields.photos'), key: 'p', align: 'right', render: (_, r) => r.photoIds.length },
          { title: t('campaigns.fields.note'), dataIndex: 'note' },
        ]}
      />
      <CampaignEditModal
        campaign={dialog?.kind === 'edit' && c ? c : null}
        onClose={() => setDialog(null)}
        onSaved={done}
      />
      <FormModal
        open={dialog?.kind === 'task'}
        title={t('campaigns.actions.addTask')}
        onSave={() => taskForm.submit()}
        onClose={() => setDialog(null)}
        submitting={addTask.submitting}
        testId="campaign-task-save"
      >
        <Form<TaskCreate> form={taskForm} layout="vertical" onFinish={(v) => void addTask.run(v)}>
          <Form.Item name="title" label={t('campaigns.fields.title')} rules={[...required, { max: 120 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="unitId" label={t('campaigns.fields.unit')} rules={required}>
            <RemoteSelect search={cpApi.units} />
          </Form.Item>
          <Space wrap>
            <Form.Item name="dueDate" label={t('campaigns.fields.dueDate')} tooltip={t('campaigns.hint.dueOrDays')}>
              <Input type="date" />
            </Form.Item>
            <Form.Item name="workDays" label={t('campaigns.fields.workDays')}>
              <InputNumber min={1} max={365} precision={0} />
            </Form.Item>
          </Space>
          <Form.Item name="note" label={t('campaigns.fields.note')}>
            <Input maxLength={500} />
          </Form.Item>
        </Form>
      </FormModal>
      <FormModal
        open={dialog?.kind === 'report'}
        title={`${t('campaigns.actions.report')} · ${dialog && 'task' in dialog ? dialog.task.title : ''}`}
        onSave={() => reportForm.submit()}
        onClose={() => setDialog(null)}
        submitting={report.submitting}
        testId="campaign-report-save"
      >
        <Form<QuantityReportCreate>
          form={reportForm}
          layout="vertical"
          initialValues={{ onDate: cityToday() }}
          onFinish={(v) => void report.run(v)}
        >
          <Form.Item name="targetId" label={t('campaigns.fields.targetName')} rules={required}>
            <Select options={(c?.targets ?? []).map((x) => ({ value: x.id, label: `${x.name}（${x.measure}）` }))} />
          </Form.Item>
          <Space wrap>
            <Form.Item name="quantity" label={t('campaigns.fields.quantity')} rules={required}>
              <InputNumber min={0.001} style={{ width: 160 }} />
            </Form.Item>
            <Form.Item name="onDate" label={t('campaigns.fields.onDate')} rules={required}>
              <Input type="date" />
            </Form.Item>
          </Space>
          <Form.Item name="photoIds" label={t('campaigns.fields.photos')}>
            <PhotoUpload testId="campaign-report-photos" />
          </Form.Item>
          <Form.Item name="note" label={t('campaigns.fields.note')}>
            <Input maxLength={500} />
          </Form.Item>
        </Form>
      </FormModal>
      <FormModal
        open={dialog?.kind === 'progress'}
        title={t('campaigns.actions.progress')}
        onSave={() => progressForm.submit()}
        onClose={() => setDialog(null)}
        submitting={progress.submitting}
        testId="campaign-progress-save"
      >
        <Form form={progressForm} layout="vertical" onFinish={(v) => void progress.run(v)}>
          <Form.Item name="progressPct" label={t('campaigns.fields.progressPct')} rules={required}>
            <InputNumber min={0} max={100} precision={0} />
          </Form.Item>
          <Form.Item name="note" label={t('campaigns.fields.note')}>
            <Input maxLength={500} />
          </Form.Item>
        </Form>
      </FormModal>
    </Space>
  );
}
