import { Link } from 'react-router-dom';
import { Alert, App, Button, Descriptions, Drawer, Flex, Grid, Skeleton, Space, Tag, Timeline, Typography } from 'antd';
import { useResource } from '../../api/use-resource.ts';
import { formatInstant } from '../../components/format.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { useI18n } from '../../i18n/context.ts';
import { HotlineActions } from './HotlineActions.tsx';
import { hotlineApi, type HotlineOrderDetail } from './hotline.api.ts';
import { hotlineErrorText, label, STATUS_COLORS } from './labels.ts';

interface Props {
  id: string | null;
  onClose: () => void;
  onChanged: () => void;
}

/** One work order: what the hotline sent, where it stands, its history, and the actions open to the user. */
export function HotlineDrawer({ id, onClose, onChanged }: Props) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const screens = Grid.useBreakpoint();
  const {
    data: order,
    setData: setOrder,
    error,
    reload,
  } = useResource(id ? (signal) => hotlineApi.get(id, signal) : null, [id], { resetOnChange: true });

  const changed = (next: HotlineOrderDetail) => {
    setOrder(next);
    void message.success(t('hotline.drawer.done'));
    onChanged();
  };

  const o = order;
  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      size={screens.md === false ? '100%' : 680}
      title={o ? t('hotline.drawer.title', { no: o.externalNo }) : t('hotline.title')}
      destroyOnHidden
      data-testid="hotline-drawer"
    >
      {error ? (
        <LoadError error={error} reason={hotlineErrorText(error, locale)} onRetry={reload} testId="hotline-drawer" />
      ) : null}
      {!o && !error ? <Skeleton active /> : null}
      {o ? (
        <Flex vertical gap={16}>
          <Space wrap>
            <Tag color={STATUS_COLORS[o.status]} data-testid="hotline-status">
              {label(locale, 'status', o.status)}
            </Tag>
            <Tag>{label(locale, 'source', o.source)}</Tag>
            <Tag color={o.urgency === 'normal' ? undefined : o.urgency === 'emergency' ? 'magenta' : 'gold'}>
              {label(locale, 'urgency', o.urgency)}
            </Tag>
            {o.overdue ? <Tag color="red">{t('hotline.overdue')}</Tag> : null}
            {o.signOverdue ? <Tag color="volcano">{t('hotline.signOverdue')}</Tag> : null}
          </Space>
          <Descriptions size="small" column={screens.md ? 2 : 1} bordered styles={{ label: { whiteSpace: 'nowrap' } }}>
            <Descriptions.Item label={t('hotline.field.content')} span={screens.md ? 2 : 1}>
              <Typography.Paragraph style={{ marginBottom: 0, whiteSpace: 'pre-wrap' }}>
                {o.content}
              </Typography.Paragraph>
            </Descriptions.Item>
            <Descriptions.Item label={t('hotline.field.address')} span={screens.md ? 2 : 1}>
              {o.address ?? '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('hotline.field.requester')}>{o.requesterName ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('hotline.field.phone')}>{o.requesterPhone ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('hotline.field.receivedAt')}>{formatInstant(o.receivedAt)}</Descriptions.Item>
            <Descriptions.Item label={t('hotline.field.receivedVia')}>
              {label(locale, 'via', o.receivedVia)}
            </Descriptions.Item>
            <Descriptions.Item label={t('hotline.field.signDeadline')}>
              {formatInstant(o.signDeadline)}
            </Descriptions.Item>
            <Descriptions.Item label={t('hotline.field.signedAt')}>
              {o.signedAt ? `${formatInstant(o.signedAt)} ${o.signedBy ?? ''}` : '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('hotline.field.dueAt')}>{formatInstant(o.dueAt)}</Descriptions.Item>
            <Descriptions.Item label={t('hotline.field.caseNo')}>
              {o.caseId ? (
                <Link to={`/cases/${encodeURIComponent(o.caseId)}`} data-testid="hotline-case-link">
                  {o.caseNo}
                </Link>
              ) : (
                '—'
              )}
            </Descriptions.Item>
            {o.returnReason ? (
              <Descriptions.Item label={t('hotline.field.returnReason')} span={screens.md ? 2 : 1}>
                {o.returnReason}
              </Descriptions.Item>
            ) : null}
            {o.replyText ? (
              <Descriptions.Item label={t('hotline.field.reply')} span={screens.md ? 2 : 1}>
                <Typography.Paragraph style={{ marginBottom: 0, whiteSpace: 'pre-wrap' }}>
                  {o.replyText}
                </Typography.Paragraph>
              </Descriptions.Item>
            ) : null}
            {o.pushStatus ? (
              <Descriptions.Item label={t('hotline.field.push')}>
                {o.pushStatus === 'sent' ? t('hotline.push.sent') : t('hotline.push.pending')}
              </Descriptions.Item>
            ) : null}
            {o.satisfaction ? (
              <Descriptions.Item label={t('hotline.field.satisfaction')}>
                {label(locale, 'satisfaction', o.satisfaction)}
                {o.revisitNote ? `（${o.revisitNote}）` : ''}
              </Descriptions.Item>
            ) : null}
          </Descriptions>
          {o.status === 'converted' && !o.caseClosed ? (
            <Alert
              type="info"
              showIcon
              title={t('hotline.drawer.caseOpen', { status: o.caseStatus ? tryCaseStatus(t, o.caseStatus) : '—' })}
            />
          ) : null}
          <HotlineActions order={o} onChanged={changed} />
          <Typography.Title level={5} style={{ margin: 0 }}>
            {t('hotline.field.events')}
          </Typography.Title>
          <Timeline
            data-testid="hotline-events"
            items={o.events.map((e) => ({
              content: (
                <Flex vertical>
                  <Typography.Text strong>{label(locale, 'action', e.action)}</Typography.Text>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {[formatInstant(e.at), e.actorName].filter(Boolean).join(' · ')}
                  </Typography.Text>
                  {e.note ? <Typography.Text>{e.note}</Typography.Text> : null}
                </Flex>
              ),
            }))}
          />
          <Button onClick={onClose} style={{ alignSelf: 'flex-start' }}>
            {t('common.close')}
          </Button>
        </Flex>
      ) : null}
    </Drawer>
  );
}

function tryCaseStatus(t: ReturnType<typeof useI18n>['t'], status: string): string {
  const key = `cases.status.${status}` as Parameters<typeof t>[0];
  return t(key);
}
