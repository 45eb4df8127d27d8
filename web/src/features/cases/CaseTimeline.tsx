import { Flex, Image, Space, Timeline, Typography } from 'antd';
import { ArrowRightOutlined } from '@ant-design/icons';
import { formatInstant } from '../../components/format.ts';
import { useI18n } from '../../i18n/context.ts';
import type { CaseDetail } from './cases.api.ts';
import { actionLabel, roleLabel } from './labels.ts';
import { StatusTag } from './SlaBadge.tsx';

type Event = CaseDetail['timeline'][number];

/** Photo ids an event carries (`data.photos`, as the server writes them). */
export function photoIdsOf(event: Event): string[] {
  const data = event.data;
  if (typeof data !== 'object' || data === null || !('photos' in data)) return [];
  const photos = data.photos;
  return Array.isArray(photos) ? photos.filter((p): p is string => typeof p === 'string') : [];
}

/** A text the server wrote into an event's data (`publicReply` on closing, `fromUnit`/`unit` on 改派 and 收回). */
export function dataText(event: Event, key: string): string | null {
  const data = event.data;
  if (typeof data !== 'object' || data === null || !(key in data)) return null;
  const value = (data as Record<string, unknown>)[key];
  return typeof value === 'string' && value ? value : null;
}

const COLORS: Record<string, string> = {
  check_fail: 'red',
  void: 'gray',
  close: 'green',
  self_handle: 'green',
  check_pass: 'green',
  escalate: 'red',
  request_return: 'orange',
  request_extension: 'orange',
  request_suspension: 'orange',
  redispatch: 'orange',
  recall: 'orange',
};

/** Every action is a row: time, actor and role, action, from → to, note, photo thumbnails. */
export function CaseTimeline({ detail }: { detail: CaseDetail }) {
  const { t, locale } = useI18n();
  const byId = new Map(detail.photos.map((p) => [p.id, p]));
  const items = [...detail.timeline]
    .sort((a, b) => a.seq - b.seq)
    .map((e) => {
      const photos = photoIdsOf(e).flatMap((id) => byId.get(id) ?? []);
      const actor = e.actorName
        ? e.actorRole
          ? t('cases.timeline.actor', { name: e.actorName, role: roleLabel(locale, e.actorRole) })
          : e.actorName
        : t('cases.timeline.system');
      const moved = e.fromStatus !== e.toStatus && e.toStatus;
      const reply = dataText(e, 'publicReply');
      const fromUnit = e.action === 'redispatch' || e.action === 'recall' ? dataText(e, 'fromUnit') : null;
      return {
        key: String(e.seq),
        color: COLORS[e.action] ?? 'blue',
        content: (
          <Flex vertical gap={4} data-testid={`case-timeline-item-${e.seq}`} data-action={e.action}>
            <Space size={8} wrap>
              <Typography.Text strong>{actionLabel(locale, e.action)}</Typography.Text>
              {moved ? (
                <Space size={4}>
                  {e.fromStatus ? <StatusTag status={e.fromStatus} /> : null}
                  <ArrowRightOutlined style={{ color: '#8c8c8c', fontSize: 11 }} />
                  <StatusTag status={e.toStatus ?? ''} />
                </Space>
              ) : null}
            </Space>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {formatInstant(e.at)} · {actor}
            </Typography.Text>
            {fromUnit ? (
              <Typography.Text data-testid="case-timeline-units">
                {t('cases.timeline.units', { from: fromUnit, to: dataText(e, 'unit') ?? '—' })}
              </Typography.Text>
            ) : null}
            {e.note ? (
              <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{e.note}</Typography.Paragraph>
            ) : null}
            {reply ? (
              <Typography.Paragraph
                type="success"
                style={{ margin: 0, whiteSpace: 'pre-wrap' }}
                data-testid="case-timeline-public-reply"
              >
                {t('cases.timeline.publicReply', { text: reply })}
              </Typography.Paragraph>
            ) : null}
            {photos.length ? (
              <Image.PreviewGroup>
                <Space size={6} wrap>
                  {photos.map((p) => (
                    <Image
                      key={p.id}
                      src={p.thumbUrl}
                      preview={{ src: p.url }}
                      width={56}
                      height={56}
                      style={{ objectFit: 'cover', borderRadius: 4 }}
                    />
                  ))}
                </Space>
              </Image.PreviewGroup>
            ) : null}
          </Flex>
        ),
      };
    });
  return (
    <div data-testid="case-timeline" data-count={items.length}>
      <Timeline items={items} />
    </div>
  );
}
