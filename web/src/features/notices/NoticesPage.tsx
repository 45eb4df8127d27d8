import { useState } from 'react';
import { App, Button, Form, Modal, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { errorText } from '../../api/errors.ts';
import { useResource } from '../../api/use-resource.ts';
import { formatInstant } from '../../components/format.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { PageSection } from '../../components/PageSection.tsx';
import { useI18n } from '../../i18n/context.ts';
import { roleLabel } from '../cases/labels.ts';
import { inputOf, NoticeFields, valuesOf, type NoticeValues } from './NoticeForm.tsx';
import { noticesApi, type Notice } from './notices.api.ts';

const PAGE_SIZE = 20;

function stateOf(n: Notice, now: number): 'upcoming' | 'live' | 'ended' {
  if (Date.parse(n.publishFrom) > now) return 'upcoming';
  return n.publishUntil && Date.parse(n.publishUntil) <= now ? 'ended' : 'live';
}
const STATE_COLORS = { upcoming: 'blue', live: 'green', ended: 'default' } as const;

/** 工作通知 for administrators and leaders: every notice of the city, written, changed and withdrawn here. */
export function NoticesPage() {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [page, setPage] = useState(1);
  const [reload, setReload] = useState(0);
  const [editing, setEditing] = useState<Notice | 'new' | null>(null);
  const [saving, setSaving] = useState(false);
  const [form] = Form.useForm<NoticeValues>();
  const list = useResource((signal) => noticesApi.list(page, PAGE_SIZE, signal), [page, reload]);
  const now = Date.now();

  const open = (n: Notice | 'new') => {
    form.resetFields();
    form.setFieldsValue(valuesOf(n === 'new' ? null : n));
    setEditing(n);
  };
  const save = async () => {
    const values = await form.validateFields();
    setSaving(true);
    try {
      if (editing === 'new') await noticesApi.create(inputOf(values));
      else if (editing) await noticesApi.update(editing.id, inputOf(values));
      void message.success(t('notices.manage.saved'));
      setEditing(null);
      setReload((k) => k + 1);
    } catch (error) {
      void message.error(errorText(error, locale));
    } finally {
      setSaving(false);
    }
  };
  const remove = async (n: Notice) => {
    try {
      await noticesApi.remove(n.id);
      void message.success(t('notices.manage.removed'));
      setReload((k) => k + 1);
    } catch (error) {
      void message.error(errorText(error, locale));
    }
  };

  return (
    <PageSection
      title={t('notices.manage.title')}
      testId="page-notices"
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => open('new')} data-testid="notice-create">
          {t('notices.manage.create')}
        </Button>
      }
    >
      {list.error ? <LoadError error={list.error} onRetry={list.reload} testId="notices-manage" /> : null}
      <Table<Notice>
        rowKey="id"
        size="middle"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        scroll={{ x: 860 }}
        pagination={{ current: page, pageSize: PAGE_SIZE, total: list.data?.total ?? 0, onChange: setPage }}
        data-testid="notices-table"
        columns={[
          {
            key: 'title',
            title: t('notices.manage.columns.title'),
            width: 260,
            render: (_, n) => (
              <Space direction="vertical" size={0}>
                <Typography.Text strong>{n.title}</Typography.Text>
                <Typography.Text type="secondary" ellipsis style={{ maxWidth: 240, fontSize: 12 }}>
                  {n.body}
                </Typography.Text>
              </Space>
            ),
          },
          {
            key: 'audience',
            title: t('notices.manage.columns.audience'),
            render: (_, n) =>
              n.roles.length === 0 && !n.unitName ? (
                t('notices.manage.everyone')
              ) : (
                <Space size={4} wrap>
                  {n.roles.map((r) => (
                    <Tag key={r}>{roleLabel(locale, r)}</Tag>
                  ))}
                  {n.unitName ? <Tag color="purple">{n.unitName}</Tag> : null}
                </Space>
              ),
          },
          {
            key: 'window',
            title: t('notices.manage.columns.window'),
            render: (_, n) => {
              const state = stateOf(n, now);
              return (
                <Space direction="vertical" size={0}>
                  <Tag color={STATE_COLORS[state]}>{t(`notices.manage.state.${state}`)}</Tag>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {formatInstant(n.publishFrom)} –{' '}
                    {n.publishUntil ? formatInstant(n.publishUntil) : t('notices.manage.noEnd')}
                  </Typography.Text>
                </Space>
              );
            },
          },
          { key: 'readCount', title: t('notices.manage.columns.readCount'), dataIndex: 'readCount', width: 90 },
          { key: 'createdBy', title: t('notices.manage.columns.createdBy'), dataIndex: 'createdByName', width: 110 },
          {
            key: 'actions',
            width: 150,
            render: (_, n) => (
              <Space>
                <Button size="small" onClick={() => open(n)} data-testid={`notice-edit-${n.id}`}>
                  {t('notices.manage.edit')}
                </Button>
                <Popconfirm title={t('notices.manage.removeConfirm')} onConfirm={() => void remove(n)}>
                  <Button size="small" danger data-testid={`notice-remove-${n.id}`}>
                    {t('notices.manage.remove')}
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
      <Modal
        open={editing !== null}
        title={editing === 'new' ? t('notices.manage.create') : t('notices.manage.edit')}
        onOk={() => void save()}
        onCancel={() => setEditing(null)}
        confirmLoading={saving}
        okText={t('common.ok')}
        cancelText={t('common.cancel')}
        destroyOnHidden
        width={560}
        data-testid="notice-modal"
      >
        <Form form={form} layout="vertical" preserve={false}>
          <NoticeFields />
        </Form>
      </Modal>
    </PageSection>
  );
}
