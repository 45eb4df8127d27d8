import { useCallback, useState } from 'react';
import { Button, Form, Input, InputNumber, Select, Space, Tag } from 'antd';
import { ArrowLeftOutlined, MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import type {
  ProblemListCreate,
  ProblemListQuery,
  ProblemQuery,
  ProblemStep,
} from '../../../../common/contracts/campaigns.ts';
import { PROBLEM_LIST_KINDS, PROBLEM_STATUSES, type ProblemStatus } from '../../../../common/domain/campaigns.ts';
import { FilterSelect } from '../../components/FilterSelect.tsx';
import { FormModal } from '../../components/FormModal.tsx';
import { ListPage } from '../../components/ListPage.tsx';
import { RemoteSelect } from '../../components/RemoteSelect.tsx';
import { useCrudList } from '../../components/useCrudList.ts';
import { useFormSubmit } from '../../components/useFormSubmit.ts';
import { useI18n } from '../../i18n/context.ts';
import { useAuth } from '../auth/context.ts';
import { PhotoUpload } from '../cases/PhotoUpload.tsx';
import { cpApi, type Problem, type ProblemList } from './cp.api.ts';

const STATUS_COLORS: Record<ProblemStatus, string> = {
  open: 'warning',
  rectifying: 'processing',
  rectified: 'success',
};

/** The items of one list with their rectification steps; finishing asks for the measures taken. */
function ListItems({ list, onBack }: { list: ProblemList; onBack: () => void }) {
  const { t } = useI18n();
  const { can } = useAuth();
  const items = useCrudList<Problem, Pick<ProblemQuery, 'status'>>();
  const [finishing, setFinishing] = useState<Problem | null>(null);
  const [form] = Form.useForm<ProblemStep>();
  const finish = useFormSubmit(form, async (v: ProblemStep) => {
    await cpApi.step(finishing!.id, { ...v, action: 'finish' });
    setFinishing(null);
    items.saved(t('campaigns.saved'));
  });
  const fetchPage = useCallback((q: ProblemQuery, signal: AbortSignal) => cpApi.items(list.id, q, signal), [list.id]);
  const mayStep = can('campaign.manage') || can('campaign.report');
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Button icon={<ArrowLeftOutlined />} onClick={onBack}>
        {t('campaigns.actions.back')}
      </Button>
      <ListPage<Problem, Pick<ProblemQuery, 'status'>>
        list={items}
        testId="campaign-problems"
        fetchPage={fetchPage}
        rowKey={(r) => r.id}
        defaultSort={{ sort: 'seq', order: 'asc' }}
        toolbar={
          <FilterSelect
            list={items}
            name="status"
            codes={PROBLEM_STATUSES}
            label={(c) => t(`campaigns.problemStatus.${c}`)}
            placeholder={t('campaigns.fields.status')}
            width={120}
          />
        }
        columns={[
          { title: t('campaigns.fields.seq'), dataIndex: 'seq', key: 'seq', sorter: true, width: 70 },
          { title: t('campaigns.fields.className'), dataIndex: 'className', render: (v: string | null) => v ?? '—' },
          { title: t('campaigns.fields.title'), dataIndex: 'title' },
          { title: t('campaigns.fields.unit'), dataIndex: 'unitName', render: (v: string | null) => v ?? '—' },
          { title: t('campaigns.fields.dueDate'), dataIndex: 'dueDate', key: 'dueDate', sorter: true },
          {
            title: t('campaigns.fields.status'),
            key: 'status',
            sorter: true,
            render: (_, r) => <Tag color={STATUS_COLORS[r.status]}>{t(`campaigns.problemStatus.${r.status}`)}</Tag>,
          },
          { title: t('campaigns.fields.rectifiedOn'), dataIndex: 'rectifiedOn', render: (v: string | null) => v ?? '' },
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_, r) =>
              !mayStep ? null : r.status === 'open' ? (
                <Button
                  size="small"
                  type="link"
                  onClick={() => void items.act(() => cpApi.step(r.id, { action: 'start' }))}
                >
                  {t('campaigns.actions.start')}
                </Button>
              ) : r.status === 'rectifying' ? (
                <Button size="small" type="link" onClick={() => setFinishing(r)}>
                  {t('campaigns.actions.finish')}
                </Button>
              ) : null,
          },
        ]}
      />
      <FormModal
        open={!!finishing}
        title={`${t('campaigns.actions.finish')} · ${finishing?.title ?? ''}`}
        onSave={() => form.submit()}
        onClose={() => setFinishing(null)}
        submitting={finish.submitting}
        testId="campaign-finish-save"
      >
        <Form<ProblemStep> form={form} layout="vertical" onFinish={(v) => void finish.run(v)}>
          <Form.Item
            name="measures"
            label={t('campaigns.fields.measures')}
            rules={[{ required: true, min: 2, message: t('validation.required') }]}
          >
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
          <Form.Item name="photoIds" label={t('campaigns.fields.photos')}>
            <PhotoUpload testId="campaign-finish-photos" />
          </Form.Item>
        </Form>
      </FormModal>
    </Space>
  );
}

type ListValues = ProblemListCreate;

/** 巡察反馈 and "一下三民" lists with their counts; a new list is entered with its items at once. */
export function ProblemsTab() {
  const { t } = useI18n();
  const { can } = useAuth();
  const list = useCrudList<ProblemList, Pick<ProblemListQuery, 'kind'>>();
  const [open, setOpen] = useState<ProblemList | null>(null);
  const [form] = Form.useForm<ListValues>();
  const submit = useFormSubmit(form, async (v: ListValues) => {
    await cpApi.createList({ ...v, items: v.items ?? [] });
    list.saved(t('campaigns.saved'));
  });
  const fetchPage = useCallback((q: ProblemListQuery, signal: AbortSignal) => cpApi.lists(q, signal), []);
  const required = [{ required: true, message: t('validation.required') }];
  if (open) return <ListItems list={open} onBack={() => setOpen(null)} />;
  return (
    <ListPage<ProblemList, Pick<ProblemListQuery, 'kind'>>
      list={list}
      testId="campaign-lists"
      fetchPage={fetchPage}
      rowKey={(r) => r.id}
      searchPlaceholder={t('campaigns.actions.search')}
      defaultSort={{ sort: 'issuedOn', order: 'desc' }}
      createLabel={can('campaign.manage') ? t('campaigns.actions.createList') : undefined}
      toolbar={
        <FilterSelect
          list={list}
          name="kind"
          codes={PROBLEM_LIST_KINDS}
          label={(c) => t(`campaigns.listKind.${c}`)}
          placeholder={t('campaigns.fields.kind')}
          width={140}
        />
      }
      columns={[
        {
          title: t('campaigns.fields.name'),
          dataIndex: 'name',
          key: 'name',
          sorter: true,
          render: (v: string, r) => (
            <Button type="link" size="small" onClick={() => setOpen(r)}>
              {v}
            </Button>
          ),
        },
        { title: t('campaigns.fields.kind'), key: 'kind', render: (_, r) => t(`campaigns.listKind.${r.kind}`) },
        { title: t('campaigns.fields.batchNo'), dataIndex: 'batchNo', render: (v: number | null) => v ?? '—' },
        { title: t('campaigns.fields.issuedOn'), dataIndex: 'issuedOn', key: 'issuedOn', sorter: true },
        { title: t('campaigns.fields.source'), dataIndex: 'source', render: (v: string | null) => v ?? '—' },
        { title: t('campaigns.fields.classes'), dataIndex: 'classCount', align: 'right' },
        { title: t('campaigns.fields.items'), dataIndex: 'itemCount', align: 'right' },
        {
          title: t('campaigns.problemStatus.rectified'),
          key: 'rectified',
          align: 'right',
          render: (_, r) => `${r.counts.rectified}/${r.itemCount}`,
        },
      ]}
    >
      <FormModal
        open={list.target === 'new'}
        title={t('campaigns.actions.createList')}
        onSave={() => form.submit()}
        onClose={list.close}
        submitting={submit.submitting}
        testId="campaign-list-save"
      >
        <Form<ListValues>
          form={form}
          layout="vertical"
          initialValues={{ kind: 'inspection', items: [] }}
          onFinish={(v) => void submit.run(v)}
        >
          <Form.Item name="name" label={t('campaigns.fields.name')} rules={[...required, { max: 120 }]}>
            <Input />
          </Form.Item>
          <Space wrap>
            <Form.Item name="kind" label={t('campaigns.fields.kind')} rules={required}>
              <Select
                style={{ width: 140 }}
                options={PROBLEM_LIST_KINDS.map((k) => ({ value: k, label: t(`campaigns.listKind.${k}`) }))}
              />
            </Form.Item>
            <Form.Item name="batchNo" label={t('campaigns.fields.batchNo')}>
              <InputNumber min={1} max={99} precision={0} />
            </Form.Item>
            <Form.Item name="issuedOn" label={t('campaigns.fields.issuedOn')} rules={required}>
              <Input type="date" />
            </Form.Item>
            <Form.Item name="source" label={t('campaigns.fields.source')}>
              <Input maxLength={120} />
            </Form.Item>
          </Space>
          <Form.List name="items">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f) => (
                  <Space key={f.key} align="baseline" wrap>
                    <Form.Item name={[f.name, 'className']}>
                      <Input placeholder={t('campaigns.fields.className')} style={{ width: 160 }} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'title']} rules={required}>
                      <Input placeholder={t('campaigns.fields.title')} style={{ width: 240 }} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'unitId']}>
                      <RemoteSelect
                        search={cpApi.units}
                        placeholder={t('campaigns.fields.unit')}
                        style={{ width: 180 }}
                      />
                    </Form.Item>
                    <MinusCircleOutlined onClick={() => remove(f.name)} />
                  </Space>
                ))}
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})}>
                  {t('campaigns.actions.addItem')}
                </Button>
              </>
            )}
          </Form.List>
        </Form>
      </FormModal>
    </ListPage>
  );
}
