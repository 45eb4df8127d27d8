import { useState } from 'react';
import { App, Badge, Button, Card, Empty, Flex, List, Space, Tag, Typography } from 'antd';
import { NotificationOutlined } from '@ant-design/icons';
import { errorText } from '../../api/errors.ts';
import { useResource } from '../../api/use-resource.ts';
import { formatInstant } from '../../components/format.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { useI18n } from '../../i18n/context.ts';
import { noticesApi, type MyNotices, type Notice } from './notices.api.ts';

/** 工作通知 on the 工作台: the caller's notices now, unread first marked, each opened in place and marked read. */
export function NoticeBoard() {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const loaded = useResource<MyNotices>((signal) => noticesApi.mine(signal), []);
  const [fresh, setFresh] = useState<MyNotices | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const data = fresh ?? loaded.data;

  const read = async (n: Notice) => {
    setOpen(open === n.id ? null : n.id);
    if (n.read) return;
    try {
      setFresh(await noticesApi.markRead(n.id));
    } catch (error) {
      void message.error(errorText(error, locale));
    }
  };

  return (
    <Card
      title={
        <Space>
          <NotificationOutlined />
          {t('notices.board')}
          {data ? (
            <Badge
              count={data.unread}
              color={data.unread ? '#1677ff' : '#bfbfbf'}
              showZero
              title={t('notices.unread', { n: data.unread })}
              data-testid="notices-unread"
            />
          ) : null}
        </Space>
      }
      loading={loaded.loading && !data}
      data-testid="notices-board"
    >
      {loaded.error && !data ? (
        <LoadError error={loaded.error} onRetry={loaded.reload} testId="notices" />
      ) : !data?.items.length ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notices.none')} />
      ) : (
        <List
          size="small"
          dataSource={data.items}
          renderItem={(n) => (
            <List.Item data-testid={`notice-${n.id}`} data-read={n.read}>
              <Flex vertical gap={4} style={{ width: '100%', minWidth: 0 }}>
                <Flex justify="space-between" align="center" gap={8}>
                  <Button
                    type="link"
                    onClick={() => void read(n)}
                    style={{
                      padding: 0,
                      height: 'auto',
                      fontWeight: n.read ? 400 : 600,
                      whiteSpace: 'normal',
                      textAlign: 'left',
                    }}
                    data-testid={`notice-open-${n.id}`}
                  >
                    {n.title}
                  </Button>
                  {n.read ? null : (
                    <Tag color="blue" style={{ margin: 0 }}>
                      {t('notices.new')}
                    </Tag>
                  )}
                </Flex>
                {open === n.id ? (
                  <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }} data-testid="notice-body">
                    {n.body}
                  </Typography.Paragraph>
                ) : null}
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('notices.from', { name: n.createdByName ?? '—', at: formatInstant(n.publishFrom) })}
                </Typography.Text>
              </Flex>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
