import { useCallback, useState } from 'react';
import { App, Button, DatePicker, Form, Input, Modal, Space, Table, Tag, Typography } from 'antd';
import { errorText } from '../../api/errors.ts';
import { dayjs, type Dayjs } from '../../components/dates.ts';
import { cityToday, formatInstant } from '../../components/format.ts';
import { RemoteSelect, type RemoteOption } from '../../components/RemoteSelect.tsx';
import { useFormSubmit } from '../../components/useFormSubmit.ts';
import { useI18n } from '../../i18n/context.ts';
import { casesApi } from '../cases/cases.api.ts';
import { proposalsApi, type Proposal, type ProposalTask } from './proposals.api.ts';

interface AssignValues {
  unitId: string;
  requirement?: string;
  dueOn?: Dayjs;
}

/** The item's unit tasks; the office gives a new one, a unit reports its own result. */
export function ProposalTasks({
  p,
  canAssign,
  onChanged,
}: {
  p: Proposal;
  canAssign: boolean;
  onChanged: (p: Proposal) => void;
}) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<AssignValues>();
  const [completing, setCompleting] = useState<ProposalTask | null>(null);
  const [result, setResult] = useState('');
  const [busy, setBusy] = useState(false);
  const searchUnits = useCallback(
    async (q: string, signal: AbortSignal): Promise<RemoteOption[]> =>
      (await casesApi.units(q, signal)).items.map((u) => ({ value: u.id, label: u.name })),
    [],
  );
  const assign = useFormSubmit(form, async (v: AssignValues) => {
    const next = await proposalsApi.assign(p.id, {
      unitId: v.unitId,
      ...(v.requirement ? { requirement: v.requirement } : {}),
      ...(v.dueOn ? { dueOn: v.dueOn.format('YYYY-MM-DD') } : {}),
    });
    form.resetFields();
    onChanged(next);
  });
  const complete = async () => {
    if (!completing) return;
    setBusy(true);
    try {
      onChanged(await proposalsApi.complete(p.id, completing.id, result));
      setCompleting(null);
      setResult('');
    } catch (e) {
      void message.error(errorText(e, locale));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Table<ProposalTask>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={p.tasks}
        locale={{ emptyText: t('proposals.detail.noTasks') }}
        data-testid="proposal-tasks"
        columns={[
          { title: t('proposals.columns.unit'), key: 'unit', render: (_, x) => x.unitName ?? '—' },
          { title: t('proposals.columns.taskDue'), key: 'due', render: (_, x) => x.dueOn },
          {
            title: t('proposals.columns.status'),
            key: 'status',
            render: (_, x) => (
              <Space size={4} wrap>
                <Tag color={x.status === 'done' ? 'green' : 'processing'}>{t(`proposals.taskStatus.${x.status}`)}</Tag>
                {x.overdue ? <Tag color="red">{t('proposals.overdue')}</Tag> : null}
              </Space>
            ),
          },
          {
            title: t('proposals.columns.result'),
            key: 'result',
            render: (_, x) =>
              x.status === 'done' ? (
                <Typography.Text style={{ fontSize: 12 }}>
                  {x.result}
                  <br />
                  <Typography.Text type="secondary">
                    {x.doneByName} · {formatInstant(x.doneAt)}
                  </Typography.Text>
                </Typography.Text>
              ) : x.canComplete ? (
                <Button size="small" onClick={() => setCompleting(x)} data-testid={`proposal-task-complete-${x.id}`}>
                  {t('proposals.detail.complete')}
                </Button>
              ) : (
                (x.requirement ?? '—')
              ),
          },
        ]}
      />
      {canAssign ? (
        <Form<AssignValues> form={form} layout="inline" onFinish={(v) => void assign.run(v)}>
          <Form.Item name="unitId" rules={[{ required: true, message: t('validation.required') }]}>
            <RemoteSelect
              search={searchUnits}
              placeholder={t('proposals.columns.unit')}
              style={{ width: 180 }}
              data-testid="proposal-task-unit"
            />
          </Form.Item>
          <Form.Item name="requirement" rules={[{ max: 1000 }]}>
            <Input placeholder={t('proposals.columns.requirement')} style={{ width: 160 }} />
          </Form.Item>
          <Form.Item name="dueOn" tooltip={t('proposals.detail.dueOnHint')}>
            <DatePicker
              placeholder={t('proposals.columns.taskDue')}
              disabledDate={(d) => d.format('YYYY-MM-DD') < cityToday() || d.isAfter(dayjs(p.dueOn), 'day')}
            />
          </Form.Item>
          <Button htmlType="submit" loading={assign.submitting} data-testid="proposal-task-assign">
            {t('proposals.detail.assign')}
          </Button>
        </Form>
      ) : null}
      <Modal
        open={completing !== null}
        title={`${t('proposals.detail.complete')} · ${completing?.unitName ?? ''}`}
        onCancel={() => setCompleting(null)}
        onOk={() => void complete()}
        okButtonProps={{ disabled: !result.trim(), loading: busy, 'data-testid': 'proposal-task-result-save' }}
        destroyOnHidden
      >
        {completing?.requirement ? <p>{completing.requirement}</p> : null}
        <Input.TextArea
          rows={4}
          maxLength={4000}
          value={result}
          onChange={(e) => setResult(e.target.value)}
          placeholder={t('proposals.columns.result')}
          data-testid="proposal-task-result"
        />
      </Modal>
    </Space>
  );
}
