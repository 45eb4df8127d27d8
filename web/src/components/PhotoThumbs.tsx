import { Image, Space } from 'antd';

/**
 * Evidence photos of a report as square thumbnails that open full size, one preview group so the viewer pages
 * through them. Nothing is drawn when there are none.
 */
export function PhotoThumbs({ ids, size = 72 }: { ids: readonly string[]; size?: number }) {
  if (!ids.length) return null;
  return (
    <Image.PreviewGroup>
      <Space wrap>
        {ids.map((id) => (
          <Image
            key={id}
            width={size}
            height={size}
            style={{ objectFit: 'cover' }}
            src={`/api/photos/${id}/thumb`}
            preview={{ src: `/api/photos/${id}` }}
          />
        ))}
      </Space>
    </Image.PreviewGroup>
  );
}
