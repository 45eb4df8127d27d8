import { useState } from 'react';
import { Alert, App, Button, Form, Input, InputNumber, Modal, Popconfirm, Select, Table, Tag, Typography } from 'antd';
import type { VisionSourceCreate } from '../../../../common/contracts/vision.ts';
import { VISION_SOURCE_KINDS } from '../../../../common/domain/vision.ts';
import type { MessageKey } from '../../../../common/i18n/core.ts';
import { errorText } from '../../api/errors.ts';
import { useResource } from '../../api/use-resource.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { formatInstant } from '../../components/format.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { PageSection } from '../../components/PageSection.tsx';
import { useAuth } from '../auth/context.ts';
import { useI18n } from '../../i18n/context.ts';
import { ClassesTable, RatesTable } from './VisionTables.tsx';
import { visionApi, type VisionSource } from './vision.api.ts';

/** 摄像头与无人机: the registry, secrets shown once, class thresholds and the false-positive rates that tune them. */
export function SourcesPage() {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const mayManage = useAuth().can('device.manage');
  const sources = useResource((signal) => visionApi.sources(signal), []);
  const [creating, setCreating] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const [shown, setShown] = useState<{ code: string; secret: string; path: string } | null>(null);
  const [form] = Form.useForm<VisionSourceCreate>();

  const save = async () => {
    const v = await form.validateFields();
    setSubmitting(true);
    try {
      const created = await visionApi.createSource(v);
      setCreating(false);
      form.resetFields();
      sources.reload();
      setShown({ code: created.source.code, secret: created.secret, path: created.source.webhookPath });
    } catch (error) {
      void message.error(errorText(error, locale));
    } finally {
      setSubmitting(false);
    }
  };

  const rotate = async (s: VisionSource) => {
    try {
      const r = await visionApi.rotateSecret(s.id);
      sources.reload();
      setShown({ code: r.source.code, secret: r.secret, path: r.source.webhookPath });
    } catch (error) {
      void message.error(errorText(error, locale));
    }
  };

  if (sources.error) return <LoadError error={sources.error} onRetry={sources.reload} />;
  return (
    <PageSection
      title={t('vision.sources.title')}
      testId="page-vision-sources"
      extra={
        mayManage && (
          <Button type="primary" onClick={() => setCreating(true)} data-testid="vision-source-create">
            {t('vision.sources.create')}
          </Button>
        )
      }
    >
      <Table<VisionSource>
        rowKey="id"
        size="small"
        loading={sources.loading}
        dataSource={sources.data ?? []}
        pagination={false}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: t('vision.sources.code'), dataIndex: 'code' },
          { title: t('vision.sources.name'), dataIndex: 'name' },
          {
            title: t('vision.sources.kind'),
            render: (_, s) => t(`vision.kind.${s.kind}` as MessageKey),
          },
          { title: t('vision.sources.street'), render: (_, s) => s.streetName ?? '—', responsive: ['md'] },
          {
            title: t('vision.sources.heading'),
            render: (_, s) => (s.heading === null ? '—' : `${s.heading}°`),
            responsive: ['lg'],
          },
          {
            title: t('vision.sources.active'),
            render: (_, s) =>
              s.active ? <Tag color="green">{t('vision.sources.on')}</Tag> : <Tag>{t('vision.sources.off')}</Tag>,
          },
          {
            title: t('vision.sources.secret'),
            render: (_, s) => (
              <span>
                <Typography.Text code>{s.secretHint}</Typography.Text>{' '}
                <Typography.Text type="secondary">{formatInstant(s.secretIssuedAt)}</Typography.Text>{' '}
                {mayManage && (
                  <Popconfirm title={t('vision.sources.rotateConfirm')} onConfirm={() => void rotate(s)}>
                    <Button size="small">{t('vision.sources.rotate')}</Button>
                  </Popconfirm>
                )}
              </span>
            ),
          },
        ]}
      />
      <RatesTable sources={sources.data ?? []} mayManage={mayManage} onChanged={sources.reload} />
      <ClassesTable mayManage={mayManage} />
      <FormModal
        open={creating}
        title={t('vision.sources.create')}
        onSave={() => void save()}
        onClose={() => setCreating(false)}
        submitting={submitting}
        testId="vision-source-save"
      >
        <Form form={form} layout="vertical" initialValues={{ kind: 'camera' }}>
          <Form.Item
            name="code"
            label={t('vision.sources.code')}
            rules={[{ required: true, pattern: /^[0-9A-Za-z_-]{1,40}$/ }]}
          >
            <Input />
          </Form.Item>
          <Form.Item name="name" label={t('vision.sources.name')} rules={[{ required: true, max: 100 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="kind" label={t('vision.sources.kind')} rules={[{ required: true }]}>
            <Select options={VISION_SOURCE_KINDS.map((k) => ({ value: k, label: t(`vision.kind.${k}`) }))} />
          </Form.Item>
          <Form.Item name="lng" label={t('vision.sources.lng')} rules={[{ required: true }]}>
            <InputNumber min={-180} max={180} step={0.0001} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="lat" label={t('vision.sources.lat')} rules={[{ required: true }]}>
            <InputNumber min={-90} max={90} step={0.0001} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="heading" label={t('vision.sources.heading')}>
            <InputNumber min={0} max={360} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="address" label={t('vision.sources.address')} rules={[{ max: 200 }]}>
            <Input />
          </Form.Item>
        </Form>
      </FormModal>
      <Modal
        open={shown !== null}
        title={shown ? t('vision.sources.secretTitle', { code: shown.code }) : ''}
        onOk={() => setShown(null)}
        onCancel={() => setShown(null)}
        cancelButtonProps={{ style: { display: 'none' } }}
      >
        {shown && (
          <>
            <Typography.Paragraph copyable={{ text: shown.secret }} code data-testid="vision-secret">
              {shown.secret}
            </Typography.Paragraph>
            <Alert type="info" message={`${t('vision.sources.secretHelp')} ${window.location.origin}${shown.path}`} />
          </>
        )}
      </Modal>
    </PageSection>
  );
}
