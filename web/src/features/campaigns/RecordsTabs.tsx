import { useCallback } from 'react';
import { Button, Form, Input, Select, Space, Tag } from 'antd';
import type {
  HonourCreate,
  PublicityCreate,
  RecordQuery,
  TopicCreate,
} from '../../../../common/contracts/campaigns.ts';
import { MEDIA_LEVELS, TOPIC_STATUSES, type MediaLevel } from '../../../../common/domain/campaigns.ts';
import { FilterSelect } from '../../components/FilterSelect.tsx';
import { FormModal } from '../../components/FormModal.tsx';
import { ListPage } from '../../components/ListPage.tsx';
import { useCrudList } from '../../components/useCrudList.ts';
import { useFormSubmit } from '../../components/useFormSubmit.ts';
import { useI18n } from '../../i18n/context.ts';
import { useAuth } from '../auth/context.ts';
import { cpApi, type Honour, type Publicity, type Topic } from './cp.api.ts';

type Filters = Pick<RecordQuery, 'level' | 'status'>;

/** 课题: started, in research, concluded (today unless a date is given). */
export function TopicsTab() {
  const { t } = useI18n();
  const { can } = useAuth();
  const list = useCrudList<Topic, Filters>();
  const [form] = Form.useForm<TopicCreate>();
  const submit = useFormSubmit(form, async (v: TopicCreate) => {
    await cpApi.createTopic(v);
    list.saved(t('campaigns.saved'));
  });
  const fetchPage = useCallback((q: RecordQuery, signal: AbortSignal) => cpApi.topics(q, signal), []);
  const manage = can('campaign.manage');
  return (
    <ListPage<Topic, Filters>
      list={list}
      testId="campaign-topics"
      fetchPage={fetchPage}
      rowKey={(r) => r.id}
      searchPlaceholder={t('campaigns.actions.search')}
      defaultSort={{ sort: 'startedOn', order: 'desc' }}
      createLabel={manage ? t('campaigns.actions.createTopic') : undefined}
      toolbar={
        <FilterSelect
          list={list}
          name="status"
          codes={TOPIC_STATUSES}
          label={(c) => t(`campaigns.topicStatus.${c}`)}
          placeholder={t('campaigns.fields.status')}
          width={120}
        />
      }
      columns={[
        { title: t('campaigns.fields.title'), dataIndex: 'title', key: 'title', sorter: true },
        { title: t('campaigns.fields.lead'), dataIndex: 'lead', render: (v: string | null) => v ?? '—' },
        { title: t('campaigns.fields.startedOn'), dataIndex: 'startedOn', key: 'startedOn', sorter: true },
        {
          title: t('campaigns.fields.status'),
          key: 'status',
          render: (_, r) => (
            <Tag color={r.status === 'concluded' ? 'success' : 'processing'}>
              {t(`campaigns.topicStatus.${r.status}`)}
            </Tag>
          ),
        },
        { title: t('campaigns.fields.concludedOn'), dataIndex: 'concludedOn', render: (v: string | null) => v ?? '' },
        {
          title: t('common.actions'),
          key: 'actions',
          render: (_, r) =>
            manage && r.status !== 'concluded' ? (
              <Button
                size="small"
                type="link"
                onClick={() => void list.act(() => cpApi.updateTopic(r.id, { status: 'concluded' }))}
              >
                {t('campaigns.actions.conclude')}
              </Button>
            ) : null,
        },
      ]}
    >
      <FormModal
        open={list.target === 'new'}
        title={t('campaigns.actions.createTopic')}
        onSave={() => form.submit()}
        onClose={list.close}
        submitting={submit.submitting}
        testId="campaign-topic-save"
      >
        <Form<TopicCreate> form={form} layout="vertical" onFinish={(v) => void submit.run(v)}>
          <Form.Item
            name="title"
            label={t('campaigns.fields.title')}
            rules={[{ required: true, message: t('validation.required') }, { max: 120 }]}
          >
            <Input />
          </Form.Item>
          <Space wrap>
            <Form.Item name="lead" label={t('campaigns.fields.lead')}>
              <Input maxLength={40} />
            </Form.Item>
            <Form.Item
              name="startedOn"
              label={t('campaigns.fields.startedOn')}
              rules={[{ required: true, message: t('validation.required') }]}
            >
              <Input type="date" />
            </Form.Item>
          </Space>
        </Form>
      </FormModal>
    </ListPage>
  );
}

const levelSelect = (label: (level: MediaLevel) => string) => (
  <Select style={{ width: 120 }} options={MEDIA_LEVELS.map((l) => ({ value: l, label: label(l) }))} />
);

/** Honours received: name, level, date, issuer. */
export function HonoursTab() {
  const { t } = useI18n();
  const { can } = useAuth();
  const list = useCrudList<Honour, Filters>();
  const [form] = Form.useForm<HonourCreate>();
  const submit = useFormSubmit(form, async (v: HonourCreate) => {
    await cpApi.createHonour(v);
    list.saved(t('campaigns.saved'));
  });
  const fetchPage = useCallback((q: RecordQuery, signal: AbortSignal) => cpApi.honours(q, signal), []);
  const required = [{ required: true, message: t('validation.required') }];
  return (
    <ListPage<Honour, Filters>
      list={list}
      testId="campaign-honours"
      exportPath="/api/exports/honours.xlsx"
      fetchPage={fetchPage}
      rowKey={(r) => r.id}
      searchPlaceholder={t('campaigns.actions.search')}
      defaultSort={{ sort: 'awardedOn', order: 'desc' }}
      createLabel={can('campaign.manage') ? t('campaigns.actions.createHonour') : undefined}
      toolbar={
        <FilterSelect
          list={list}
          name="level"
          codes={MEDIA_LEVELS}
          label={(c) => t(`campaigns.level.${c}`)}
          placeholder={t('campaigns.fields.level')}
          width={120}
        />
      }
      columns={[
        { title: t('campaigns.fields.name'), dataIndex: 'name', key: 'name', sorter: true },
        {
          title: t('campaigns.fields.level'),
          key: 'level',
          sorter: true,
          render: (_, r) => t(`campaigns.level.${r.level}`),
        },
        { title: t('campaigns.fields.awardedOn'), dataIndex: 'awardedOn', key: 'awardedOn', sorter: true },
        { title: t('campaigns.fields.issuer'), dataIndex: 'issuer' },
      ]}
    >
      <FormModal
        open={list.target === 'new'}
        title={t('campaigns.actions.createHonour')}
        onSave={() => form.submit()}
        onClose={list.close}
        submitting={submit.submitting}
        testId="campaign-honour-save"
      >
        <Form<HonourCreate> form={form} layout="vertical" onFinish={(v) => void submit.run(v)}>
          <Form.Item name="name" label={t('campaigns.fields.name')} rules={[...required, { max: 120 }]}>
            <Input />
          </Form.Item>
          <Space wrap>
            <Form.Item name="level" label={t('campaigns.fields.level')} rules={required}>
              {levelSelect((l) => t(`campaigns.level.${l}`))}
            </Form.Item>
            <Form.Item name="awardedOn" label={t('campaigns.fields.awardedOn')} rules={required}>
              <Input type="date" />
            </Form.Item>
          </Space>
          <Form.Item name="issuer" label={t('campaigns.fields.issuer')} rules={[...required, { max: 80 }]}>
            <Input />
          </Form.Item>
        </Form>
      </FormModal>
    </ListPage>
  );
}

/** The publicity log: outlet, level 国家/省/市/县, date, title. */
export function PublicityTab() {
  const { t } = useI18n();
  const { can } = useAuth();
  const list = useCrudList<Publicity, Filters>();
  const [form] = Form.useForm<PublicityCreate>();
  const submit = useFormSubmit(form, async (v: PublicityCreate) => {
    await cpApi.createPublicity({ ...v, url: v.url || undefined });
    list.saved(t('campaigns.saved'));
  });
  const fetchPage = useCallback((q: RecordQuery, signal: AbortSignal) => cpApi.publicity(q, signal), []);
  const required = [{ required: true, message: t('validation.required') }];
  return (
    <ListPage<Publicity, Filters>
      list={list}
      testId="campaign-publicity"
      exportPath="/api/exports/publicity.xlsx"
      fetchPage={fetchPage}
      rowKey={(r) => r.id}
      searchPlaceholder={t('campaigns.actions.search')}
      defaultSort={{ sort: 'publishedOn', order: 'desc' }}
      createLabel={can('campaign.manage') ? t('campaigns.actions.createPublicity') : undefined}
      toolbar={
        <FilterSelect
          list={list}
          name="level"
          codes={MEDIA_LEVELS}
          label={(c) => t(`campaigns.level.${c}`)}
          placeholder={t('campaigns.fields.level')}
          width={120}
        />
      }
      columns={[
        { title: t('campaigns.fields.publishedOn'), dataIndex: 'publishedOn', key: 'publishedOn', sorter: true },
        { title: t('campaigns.fields.outlet'), dataIndex: 'outlet', key: 'outlet', sorter: true },
        {
          title: t('campaigns.fields.level'),
          key: 'level',
          sorter: true,
          render: (_, r) => t(`campaigns.level.${r.level}`),
        },
        {
          title: t('campaigns.fields.title'),
          dataIndex: 'title',
          render: (v: string, r) =>
            r.url ? (
              <a href={r.url} target="_blank" rel="noreferrer noopener">
                {v}
              </a>
            ) : (
              v
            ),
        },
      ]}
    >
      <FormModal
        open={list.target === 'new'}
        title={t('campaigns.actions.createPublicity')}
        onSave={() => form.submit()}
        onClose={list.close}
        submitting={submit.submitting}
        testId="campaign-publicity-save"
      >
        <Form<PublicityCreate> form={form} layout="vertical" onFinish={(v) => void submit.run(v)}>
          <Form.Item name="title" label={t('campaigns.fields.title')} rules={[...required, { max: 200 }]}>
            <Input />
          </Form.Item>
          <Space wrap>
            <Form.Item name="outlet" label={t('campaigns.fields.outlet')} rules={[...required, { max: 60 }]}>
              <Input />
            </Form.Item>
            <Form.Item name="level" label={t('campaigns.fields.level')} rules={required}>
              {levelSelect((l) => t(`campaigns.level.${l}`))}
            </Form.Item>
            <Form.Item name="publishedOn" label={t('campaigns.fields.publishedOn')} rules={required}>
              <Input type="date" />
            </Form.Item>
          </Space>
          <Form.Item name="url" label={t('campaigns.fields.url')} rules={[{ type: 'url' }]}>
            <Input maxLength={500} />
          </Form.Item>
        </Form>
      </FormModal>
    </ListPage>
  );
}
