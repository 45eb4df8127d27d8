import { Flex, Tag, Typography } from 'antd';
import type { TemplatePreview } from './documents.api.ts';

/** A document as it will read: title, number, paragraphs. */
export function PreviewSheet({ preview, note }: { preview: TemplatePreview; note?: string }) {
  return (
    <Flex vertical gap={4} data-testid="enforcement-document-preview">
      {note ? <Typography.Text type="secondary">{note}</Typography.Text> : null}
      <div style={{ border: '1px solid rgba(5,5,5,0.12)', padding: 20, background: '#fff' }}>
        <Typography.Title level={4} style={{ textAlign: 'center', marginTop: 0 }}>
          {preview.title}
        </Typography.Title>
        <Typography.Paragraph style={{ textAlign: 'right' }}>{preview.docNo}</Typography.Paragraph>
        {preview.paragraphs.map((p, i) => (
          <Typography.Paragraph key={i} style={{ marginBottom: 6 }}>
            {p || '\u00a0'}
          </Typography.Paragraph>
        ))}
      </div>
      {preview.unknown.length ? <Tag color="red">{preview.unknown.join('、')}</Tag> : null}
    </Flex>
  );
}
