import { Link } from 'react-router-dom';
import { Button, Empty, Flex, List, Popconfirm, Space, Typography } from 'antd';
import { formatInstant } from '../../components/format.ts';
import { useI18n } from '../../i18n/context.ts';
import type { DuplicateCandidate } from './cases.api.ts';
import { StatusTag } from './SlaBadge.tsx';

interface Props {
  items: DuplicateCandidate[] | null;
  /** merging = voiding this case as a duplicate of `parent` */
  onMerge: (parent: DuplicateCandidate) => void;
  busy: boolean;
}

/** Possible duplicates (same matter or class, nearby, close in time), nearest first, each with 合并. */
export function DuplicateList({ items, onMerge, busy }: Props) {
  const { t } = useI18n();
  if (items === null) return null;
  if (items.length === 0) {
    return (
      <Empty
        image={Empty.PRESENTED_IMAGE_SIMPLE}
        description={t('cases.actionForm.noDuplicates')}
        data-testid="duplicates-empty"
      />
    );
  }
  return (
    <List
      size="small"
      bordered
      data-testid="duplicates"
      header={<Typography.Text strong>{t('cases.actionForm.duplicates')}</Typography.Text>}
      dataSource={items}
      renderItem={(d) => (
        <List.Item
          key={d.id}
          actions={[
            <Popconfirm
              key="merge"
              title={t('cases.actionForm.mergeConfirm', { caseNo: d.caseNo })}
              okText={t('cases.actionForm.merge')}
              cancelText={t('common.cancel')}
              onConfirm={() => onMerge(d)}
            >
              <Button size="small" type="primary" ghost loading={busy} data-testid={`action-merge-${d.caseNo}`}>
                {t('cases.actionForm.merge')}
              </Button>
            </Popconfirm>,
          ]}
        >
          <Flex vertical>
            <Space size={6} wrap>
              <Link to={`/cases/${encodeURIComponent(d.id)}`} target="_blank" style={{ fontFamily: 'monospace' }}>
                {d.caseNo}
              </Link>
              <StatusTag status={d.status} />
            </Space>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('cases.actionForm.distance', { meters: Math.round(d.distanceM) })} · {formatInstant(d.reportedAt)}
            </Typography.Text>
          </Flex>
        </List.Item>
      )}
    />
  );
}
