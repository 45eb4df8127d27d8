import { useState } from 'react';
import {
  App,
  Button,
  DatePicker,
  Empty,
  Flex,
  Form,
  Input,
  Modal,
  Progress,
  Select,
  Table,
  Tag,
  Typography,
} from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useResource } from '../../api/use-resource.ts';
import { DATE_FORMAT, type Dayjs } from '../../components/dates.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { useI18n } from '../../i18n/context.ts';
import { censusApi, type CensusCampaign, type CensusTask } from './census.api.ts';

const share = (done: number, of: number) => (of ? Math.round((done / of) * 100) : 0);

function Tally({ r }: { r: Pick<CensusTask, 'expected' | 'checked' | 'ok' | 'damaged' | 'missing' | 'added'> }) {
  const { t } = useI18n();
  return (
    <Flex vertical gap={2} style={{ minWidth: 180 }}>
      <Progress percent={share(r.checked, r.expected)} size="small" />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('monitor.census.tally', { checked: r.checked, expected: r.expected })}
        {' · '}
        {t('monitor.census.found', { ok: r.ok, damaged: r.damaged, missing: r.missing, added: r.added })}
      </Typography.Text>
    </Flex>
  );
}

/** The grid tasks of one campaign, each with its inspector and progress. */
function CampaignTasks({ id }: { id: string }) {
  const { t } = useI18n();
  const res = useResource((signal) => censusApi.campaign(id, signal), [id]);
  if (res.error) return <LoadError error={res.error} onRetry={res.reload} testId="census-tasks" />;
  return (
    <Table<CensusTask>
      rowKey="id"
      size="small"
      loading={res.loading}
      dataSource={res.data?.tasks ?? []}
      pagination={{ pageSize: 10, showSizeChanger: false }}
      scroll={{ x: 560 }}
      columns={[
        { title: t('monitor.census.grid'), dataIndex: 'gridCode' },
        {
          title: t('monitor.census.inspector'),
          render: (_, r) => r.inspectorName ?? <Tag color="warning">{t('monitor.census.unassigned')}</Tag>,
        },
        { title: t('monitor.census.progress'), render: (_, r) => <Tally r={r} /> },
      ]}
    />
  );
}

interface Values {
  name: string;
  classCode: string;
  regionIds: string[];
  dueDate?: Dayjs;
}

function CreateModal({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [q, setQ] = useState<string | undefined>(undefined);
  const [saving, setSaving] = useState(false);
  const classes = useResource(open ? (signal) => censusApi.classes(q, signal) : null, [open, q]);
  const streets = useResource(open ? (signal) => censusApi.regions('street', signal) : null, [open]);
  const submit = async (v: Values) => {
    setSaving(true);
    try {
      await censusApi.create({
        name: v.name.trim(),
        classCode: v.classCode,
        regionIds: v.regionIds,
        dueDate: v.dueDate ? v.dueDate.format(DATE_FORMAT) : undefined,
      });
      void message.success(t('monitor.census.created'));
      form.resetFields();
      onCreated();
    } catch (e) {
      void message.error(e instanceof Error ? e.message : String(e));
    } finally {
      setSaving(false);
    }
  };
  const required = [{ required: true, message: t('validation.required') }];
  return (
    <Modal
      open={open}
      title={t('monitor.census.new')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={saving}
      okText={t('monitor.census.create')}
      destroyOnHidden
    >
      <Form<Values> form={form} layout="vertical" onFinish={(v) => void submit(v)} data-testid="census-form">
        <Form.Item name="name" label={t('monitor.census.name')} rules={required}>
          <Input maxLength={60} placeholder={t('monitor.census.namePlaceholder')} />
        </Form.Item>
        <Form.Item name="classCode" label={t('monitor.census.class')} rules={required}>
          <Select
            showSearch
            filterOption={false}
            onSearch={(v) => setQ(v || undefined)}
            loading={classes.loading}
            options={(classes.data?.items ?? []).map((c) => ({ value: c.code, label: `${c.code} ${c.name}` }))}
          />
        </Form.Item>
        <Form.Item name="regionIds" label={t('monitor.census.streets')} rules={required}>
          <Select
            mode="multiple"
            optionFilterProp="label"
            loading={streets.loading}
            options={(streets.data?.items ?? []).map((r) => ({ value: r.id, label: r.name }))}
          />
        </Form.Item>
        <Form.Item name="dueDate" label={t('monitor.census.due')}>
          <DatePicker format={DATE_FORMAT} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 专项普查: campaigns over streets split into grid tasks for the grids' inspectors (docs/monitor.md). */
export function CensusPanel() {
  const { t } = useI18n();
  const [creating, setCreating] = useState(false);
  const res = useResource((signal) => censusApi.campaigns(signal), []);
  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" align="center" gap={8} wrap>
        <Typography.Text type="secondary">{t('monitor.census.intro')}</Typography.Text>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="census-new">
          {t('monitor.census.new')}
        </Button>
      </Flex>
      {res.error ? <LoadError error={res.error} onRetry={res.reload} testId="census" /> : null}
      <Table<CensusCampaign>
        rowKey="id"
        size="small"
        loading={res.loading}
        dataSource={res.data ?? []}
        pagination={false}
        scroll={{ x: 760 }}
        data-testid="census-table"
        locale={{ emptyText: <Empty description={t('monitor.census.empty')} /> }}
        expandable={{ expandedRowRender: (r) => <CampaignTasks id={r.id} /> }}
        columns={[
          { title: t('monitor.census.name'), dataIndex: 'name', fixed: 'left', width: 140 },
          { title: t('monitor.census.class'), render: (_, r) => `${r.classCode} ${r.className ?? ''}` },
          { title: t('monitor.census.streets'), render: (_, r) => r.regions.map((x) => x.name).join('、') },
          {
            title: t('monitor.census.tasks'),
            render: (_, r) => (
              <Flex gap={4} wrap>
                <span>{r.tasks}</span>
                {r.unassignedTasks ? (
                  <Tag color="warning">{t('monitor.census.unassignedCount', { count: r.unassignedTasks })}</Tag>
                ) : null}
              </Flex>
            ),
          },
          { title: t('monitor.census.progress'), render: (_, r) => <Tally r={r} /> },
          { title: t('monitor.census.due'), dataIndex: 'dueDate', render: (v: string | null) => v ?? '—' },
        ]}
      />
      <CreateModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={() => {
          setCreating(false);
          res.reload();
        }}
      />
    </Flex>
  );
}
