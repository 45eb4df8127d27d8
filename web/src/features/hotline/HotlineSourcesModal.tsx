import { useCallback, useEffect, useState } from 'react';
import { Alert, Button, Flex, Grid, Modal, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { formatInstant } from '../../components/format.ts';
import { useI18n } from '../../i18n/context.ts';
import { hotlineApi, type HotlineSecret, type HotlineSourceConfig } from './hotline.api.ts';
import { hotlineErrorText, label } from './labels.ts';

interface Props {
  open: boolean;
  onClose: () => void;
}

/** Webhook secrets per source (administrators): a new secret is shown once, only its last 4 characters afterwards. */
export function HotlineSourcesModal({ open, onClose }: Props) {
  const { t, locale } = useI18n();
  const narrow = Grid.useBreakpoint().md === false;
  const [rows, setRows] = useState<HotlineSourceConfig[]>([]);
  const [fresh, setFresh] = useState<HotlineSecret | null>(null);
  const [error, setError] = useState<unknown>(null);

  const load = useCallback(() => {
    hotlineApi.sources().then(setRows).catch(setError);
  }, []);
  useEffect(() => {
    if (open) load();
    else setFresh(null);
  }, [open, load]);

  const act = async (call: () => Promise<unknown>) => {
    setError(null);
    try {
      await call();
      load();
    } catch (e) {
      setError(e);
    }
  };

  return (
    <Modal
      open={open}
      onCancel={onClose}
      footer={null}
      title={t('hotline.sources.title')}
      width={narrow ? '100%' : 720}
      destroyOnHidden
      data-testid="hotline-sources-modal"
    >
      <Flex vertical gap={12}>
        <Typography.Text type="secondary">
          {t('hotline.sources.hint', { url: `${window.location.origin}/api/hotline/webhook/{source}` })}
        </Typography.Text>
        {error ? <Alert type="error" showIcon title={hotlineErrorText(error, locale)} /> : null}
        {fresh ? (
          <Alert
            type="success"
            showIcon
            title={t('hotline.sources.created', { source: label(locale, 'source', fresh.source) })}
            description={
              <Typography.Text code copyable style={{ wordBreak: 'break-all' }} data-testid="hotline-secret">
                {fresh.secret}
              </Typography.Text>
            }
          />
        ) : null}
        <Table<HotlineSourceConfig>
          size="small"
          rowKey="source"
          pagination={false}
          scroll={{ x: 'max-content' }}
          dataSource={rows}
          columns={[
            {
              title: t('hotline.field.source'),
              key: 'source',
              render: (_, r) => `${label(locale, 'source', r.source)} (${r.source})`,
            },
            {
              title: t('hotline.sources.state'),
              key: 'configured',
              render: (_, r) =>
                r.configured ? (
                  <Tag color="green">{t('hotline.sources.on', { hint: r.hint ?? '' })}</Tag>
                ) : (
                  <Tag>{t('hotline.sources.off')}</Tag>
                ),
            },
            {
              title: t('hotline.sources.updatedAt'),
              key: 'updatedAt',
              responsive: ['md'],
              render: (_, r) => formatInstant(r.updatedAt),
            },
            {
              title: '',
              key: 'actions',
              render: (_, r) => (
                <Space>
                  <Button
                    size="small"
                    onClick={() => void act(async () => setFresh(await hotlineApi.rotateSecret(r.source)))}
                    data-testid={`hotline-rotate-${r.source}`}
                  >
                    {r.configured ? t('hotline.sources.rotate') : t('hotline.sources.create')}
                  </Button>
                  {r.configured ? (
                    <Popconfirm
                      title={t('hotline.sources.removeConfirm')}
                      onConfirm={() => void act(() => hotlineApi.removeSecret(r.source))}
                    >
                      <Button size="small" danger>
                        {t('hotline.sources.remove')}
                      </Button>
                    </Popconfirm>
                  ) : null}
                </Space>
              ),
            },
          ]}
        />
      </Flex>
    </Modal>
  );
}
