import { Card, List, Space, Tag, Typography } from 'antd';
import type { MessageKey } from '../../../../common/i18n/core.ts';
import { useResource } from '../../api/use-resource.ts';
import { formatInstant } from '../../components/format.ts';
import { useI18n } from '../../i18n/context.ts';
import { useAuth } from '../auth/context.ts';
import { visionApi } from './vision.api.ts';

/**
 * On a case: the camera and drone events attached to it (the one that opened it and those merged into it), each with
 * its image, class, confidence and source (docs/vision.md, "What an event becomes"). Nothing for a case without any.
 */
export function CaseVisionCard({ caseId }: { caseId: string }) {
  const { t } = useI18n();
  const allowed = useAuth().me?.permissions.includes('device.read') ?? false;
  const { data } = useResource(
    allowed ? (signal) => visionApi.events({ caseId, pageSize: 50, order: 'asc' }, signal) : null,
    [caseId, allowed],
  );
  if (!allowed || !data?.items.length) return null;
  return (
    <Card size="small" title={t('vision.caseEvents.title')} data-testid="case-vision-events">
      <List
        dataSource={data.items}
        rowKey={(e) => e.id}
        renderItem={(e) => (
          <List.Item data-testid={`case-vision-event-${e.eventId}`}>
            <Space align="start" wrap>
              {e.photoUrl ? (
                <a href={e.photoUrl} target="_blank" rel="noreferrer">
                  <img
                    src={e.photoUrl}
                    alt={t(`vision.class.${e.class}` as MessageKey)}
                    style={{ width: 120, height: 68, objectFit: 'cover', borderRadius: 4 }}
                  />
                </a>
              ) : (
                <Typography.Text type="secondary">{t('vision.review.noImage')}</Typography.Text>
              )}
              <Space direction="vertical" size={0}>
                <Space size={4} wrap>
                  <Tag color="blue">{t(`vision.class.${e.class}` as MessageKey)}</Tag>
                  <Tag>{t(`vision.status.${e.status}`)}</Tag>
                </Space>
                <Typography.Text>
                  {t('vision.review.confidence')} {Math.round(e.confidence * 100)}% · {e.sourceName}（
                  {t(`vision.kind.${e.sourceKind}`)}）
                </Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('vision.review.at')} {formatInstant(e.at)}
                </Typography.Text>
              </Space>
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );
}
