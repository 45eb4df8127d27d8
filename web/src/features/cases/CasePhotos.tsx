import { Card, Col, Empty, Flex, Image, Row, Typography } from 'antd';
import { useI18n } from '../../i18n/context.ts';
import type { CaseDetail } from './cases.api.ts';

type Photo = CaseDetail['photos'][number];

function Strip({ photos, testId, title }: { photos: Photo[]; testId: string; title: string }) {
  const { t } = useI18n();
  return (
    <Flex vertical gap={8} data-testid={testId} data-count={photos.length}>
      <Typography.Text strong>{title}</Typography.Text>
      {photos.length ? (
        <Image.PreviewGroup>
          <Flex wrap gap={8}>
            {photos.map((p) => (
              <Image
                key={p.id}
                src={p.thumbUrl}
                preview={{ src: p.url }}
                width={photos.length === 1 ? '100%' : 120}
                height={photos.length === 1 ? undefined : 90}
                style={{ objectFit: 'cover', borderRadius: 6, maxHeight: 260 }}
                alt={title}
                data-testid={`${testId}-img`}
              />
            ))}
          </Flex>
        </Image.PreviewGroup>
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('cases.detail.noPhotos')} style={{ margin: 0 }} />
      )}
    </Flex>
  );
}

/** 处置前 and 处置后 side by side (the check photos below them), so the result can be judged at a glance. */
export function CasePhotos({ photos }: { photos: CaseDetail['photos'] }) {
  const { t } = useI18n();
  const of = (phase: string) => photos.filter((p) => p.phase === phase);
  const check = of('check');
  return (
    <Card size="small" title={t('cases.detail.photos')}>
      <Row gutter={[16, 16]}>
        <Col xs={24} sm={12}>
          <Strip photos={of('before')} testId="photo-before" title={t('cases.detail.before')} />
        </Col>
        <Col xs={24} sm={12}>
          <Strip photos={of('after')} testId="photo-after" title={t('cases.detail.after')} />
        </Col>
        {check.length ? (
          <Col span={24}>
            <Strip photos={check} testId="photo-check" title={t('cases.detail.check')} />
          </Col>
        ) : null}
      </Row>
    </Card>
  );
}
