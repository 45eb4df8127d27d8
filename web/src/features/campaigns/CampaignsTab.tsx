import { useCallback, useState } from 'react';
import { Button, Form, Input, InputNumber, Progress, Select, Space, Tag } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import type { CampaignCreate, CampaignQuery } from '../../../../common/contracts/campaigns.ts';
import { CAMPAIGN_KINDS, CAMPAIGN_STATUSES, MAX_OVERRUN_PCT } from '../../../../common/domain/campaigns.ts';
import { FilterSelect } from '../../components/FilterSelect.tsx';
import { FormModal } from '../../components/FormModal.tsx';
import { ListPage } from '../../components/ListPage.tsx';
import { useCrudList } from '../../components/useCrudList.ts';
import { useFormSubmit } from '../../components/useFormSubmit.ts';
import { useI18n } from '../../i18n/context.ts';
import { useAuth } from '../auth/context.ts';
import { CampaignDetail } from './CampaignDetail.tsx';
import { cpApi, type Campaign } from './cp.api.ts';

type Filters = Pick<CampaignQuery, 'kind' | 'status'>;
type Values = Omit<CampaignCreate, 'targets'> & {
  targets?: { name: string; measure: string; target: number; overrunPct?: number }[];
};

/** The campaigns: kind and status filters, a new campaign with its quantity targets, one campaign opened. */
export function CampaignsTab() {
  const { t } = useI18n();
  const { can } = useAuth();
  const list = useCrudList<Campaign, Filters>();
  const [openId, setOpenId] = useState<string | null>(null);
  const [form] = Form.useForm<Values>();
  const submit = useFormSubmit(form, async (v: Values) => {
    const created = await cpApi.create({ ...v, targets: v.targets ?? [] });
    list.saved(t('campaigns.saved'));
    setOpenId(created.id);
  });
  const fetchPage = useCallback((q: CampaignQuery, signal: AbortSignal) => cpApi.list(q, signal), []);
  const required = [{ required: true, message: t('validation.required') }];

  if (openId) return <CampaignDetail id={openId} onBack={() => setOpenId(null)} />;
  return (
    <ListPage<Campaign, Filters>
      list={list}
      testId="campaigns"
      fetchPage={fetchPage}
      rowKey={(r) => r.id}
      searchPlaceholder={t('campaigns.actions.search')}
      defaultSort={{ sort: 'startDate', order: 'desc' }}
      createLabel={can('campaign.manage') ? t('campaigns.actions.create') : undefined}
      toolbar={
        <>
          <FilterSelect
            list={list}
            name="kind"
            codes={CAMPAIGN_KINDS}
            label={(c) => t(`campaigns.kind.${c}`)}
            placeholder={t('campaigns.fields.kind')}
            width={150}
          />
          <FilterSelect
            list={list}
            name="status"
            codes={CAMPAIGN_STATUSES}
            label={(c) => t(`campaigns.status.${c}`)}
            placeholder={t('campaigns.fields.status')}
            width={120}
          />
        </>
      }
      columns={[
        { title: t('campaigns.fields.campaignNo'), dataIndex: 'campaignNo', key: 'campaignNo', sorter: true },
        {
          title: t('campaigns.fields.name'),
          dataIndex: 'name',
          key: 'name',
          sorter: true,
          render: (name: string, r) => (
            <Button type="link" size="small" onClick={() => setOpenId(r.id)} data-testid={`campaign-${r.campaignNo}`}>
              {name}
            </Button>
          ),
        },
        { title: t('campaigns.fields.kind'), key: 'kind', render: (_, r) => t(`campaigns.kind.${r.kind}`) },
        {
          title: t('campaigns.fields.status'),
          key: 'status',
          render: (_, r) => (
            <Tag color={r.status === 'active' ? 'processing' : 'default'}>{t(`campaigns.status.${r.status}`)}</Tag>
          ),
        },
        { title: t('campaigns.fields.startDate'), dataIndex: 'startDate', key: 'startDate', sorter: true },
        { title: t('campaigns.fields.endDate'), dataIndex: 'endDate', render: (v: string | null) => v ?? '—' },
        {
          title: t('campaigns.fields.targets'),
          key: 'targets',
          render: (_, r) => (
            <Space direction="vertical" size={0} style={{ minWidth: 180 }}>
              {r.targets.map((x) => (
                <span key={x.id}>
                  {x.name} {x.reported}/{x.target}
                  {x.measure} <Progress percent={Math.min(100, x.percent ?? 0)} size="small" showInfo={false} />
                </span>
              ))}
            </Space>
          ),
        },
        {
          title: t('campaigns.fields.tasks'),
          key: 'tasks',
          align: 'right',
          render: (_, r) => `${r.doneTasks}/${r.taskCount}`,
        },
      ]}
    >
      <FormModal
        open={list.target === 'new'}
        title={t('campaigns.actions.create')}
        onSave={() => form.submit()}
        onClose={list.close}
        submitting={submit.submitting}
        testId="campaign-save"
      >
        <Form<Values>
          form={form}
          layout="vertical"
          initialValues={{ kind: 'special', targets: [] }}
          onFinish={(v) => void submit.run(v)}
        >
          <Form.Item name="name" label={t('campaigns.fields.name')} rules={[...required, { max: 80 }]}>
            <Input data-testid="campaign-name" />
          </Form.Item>
          <Space wrap>
            <Form.Item name="kind" label={t('campaigns.fields.kind')} rules={required}>
              <Select
                style={{ width: 160 }}
                options={CAMPAIGN_KINDS.map((k) => ({ value: k, label: t(`campaigns.kind.${k}`) }))}
              />
            </Form.Item>
            <Form.Item name="startDate" label={t('campaigns.fields.startDate')} rules={required}>
              <Input type="date" data-testid="campaign-start" />
            </Form.Item>
            <Form.Item name="endDate" label={t('campaigns.fields.endDate')}>
              <Input type="date" />
            </Form.Item>
            <Form.Item name="verb" label={t('campaigns.fields.verb')} tooltip={t('campaigns.fields.verbHint')}>
              <Input style={{ width: 100 }} maxLength={6} />
            </Form.Item>
          </Space>
          <Form.Item name="description" label={t('campaigns.fields.description')}>
            <Input.TextArea rows={2} maxLength={2000} />
          </Form.Item>
          <Form.List name="targets">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f) => (
                  <Space key={f.key} align="baseline" wrap>
                    <Form.Item name={[f.name, 'name']} rules={required}>
                      <Input placeholder={t('campaigns.fields.targetName')} style={{ width: 120 }} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'target']} rules={required}>
                      <InputNumber placeholder={t('campaigns.fields.target')} min={0.001} style={{ width: 120 }} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'measure']} rules={required}>
                      <Input placeholder={t('campaigns.fields.measure')} style={{ width: 80 }} maxLength={10} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'overrunPct']} tooltip={t('campaigns.hint.overrun')}>
                      <InputNumber
                        placeholder={t('campaigns.fields.overrunPct')}
                        min={0}
                        max={MAX_OVERRUN_PCT}
                        precision={0}
                        style={{ width: 140 }}
                      />
                    </Form.Item>
                    <MinusCircleOutlined onClick={() => remove(f.name)} />
                  </Space>
                ))}
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ overrunPct: 0 })}>
                  {t('campaigns.actions.addTarget')}
                </Button>
              </>
            )}
          </Form.List>
        </Form>
      </FormModal>
    </ListPage>
  );
}
