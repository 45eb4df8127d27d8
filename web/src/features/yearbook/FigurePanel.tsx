import { Card, Empty, Flex, List, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useI18n } from '../../i18n/context.ts';
import type { YearbookDocument } from './yearbook.api.ts';

/** The side panel: every figure the prose uses, its value now, how often, and the records behind it. */
export function FigurePanel({ doc }: { doc: YearbookDocument }) {
  const { t } = useI18n();
  return (
    <Card size="small" title={t('yearbook.panel.title')} data-testid="figure-panel">
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t('yearbook.panel.hint')}
      </Typography.Paragraph>
      {doc.figures.length ? (
        <List
          size="small"
          dataSource={doc.figures}
          renderItem={(f) => (
            <List.Item key={`${f.key}|${f.period}`} data-testid={`panel-figure-${f.key}-${f.period}`}>
              <Flex vertical gap={2} style={{ width: '100%' }}>
                <Flex justify="space-between" gap={8}>
                  <Typography.Text>{f.label}</Typography.Text>
                  <Typography.Text strong data-testid="panel-figure-value">
                    {f.text}
                  </Typography.Text>
                </Flex>
                <Flex justify="space-between" gap={8} wrap align="center">
                  <Flex gap={4} wrap>
                    <Tag>{f.period}</Tag>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {t('yearbook.panel.uses', { n: f.uses })}
                    </Typography.Text>
                  </Flex>
                  {f.link ? (
                    <Link to={f.link} data-testid="panel-figure-drill">
                      {t('yearbook.panel.drill')}
                    </Link>
                  ) : (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {t('yearbook.panel.noDrill')}
                    </Typography.Text>
                  )}
                </Flex>
              </Flex>
            </List.Item>
          )}
        />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('yearbook.panel.empty')} />
      )}
    </Card>
  );
}
