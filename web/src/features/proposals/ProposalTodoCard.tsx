import { Badge, Card, Empty, List, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useResource } from '../../api/use-resource.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { useI18n } from '../../i18n/context.ts';
import { proposalsApi } from './proposals.api.ts';

/**
 * On the 工作台 of whoever reads 建议提案: the open unit tasks in their scope (a unit sees its own), overdue first,
 * with the count of the overdue ones.
 */
export function ProposalTodoCard() {
  const { t } = useI18n();
  const open = useResource((signal) => proposalsApi.tasks({ status: 'open', pageSize: 5 }, signal), []);
  const overdue = useResource((signal) => proposalsApi.tasks({ overdue: true, pageSize: 1 }, signal), []);
  const late = overdue.data?.total ?? 0;
  return (
    <Card
      title={
        <Space>
          {t('proposals.todo.title')}
          {open.data ? (
            <Badge count={open.data.total} showZero color={open.data.total ? '#faad14' : '#bfbfbf'} />
          ) : null}
          {late ? <Tag color="red">{`${t('proposals.overdue')} ${late}`}</Tag> : null}
        </Space>
      }
      extra={<Link to="/proposals">{t('proposals.todo.all')}</Link>}
      loading={open.loading && !open.data}
      data-testid="proposal-todo"
    >
      {open.error && !open.data ? (
        <LoadError error={open.error} onRetry={open.reload} testId="proposal-todo" />
      ) : open.data && open.data.items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('proposals.todo.empty')} />
      ) : (
        <List
          size="small"
          dataSource={open.data?.items ?? []}
          rowKey={(x) => x.id}
          renderItem={(x) => (
            <List.Item>
              <Space size={6} wrap>
                <Link to={`/proposals?open=${encodeURIComponent(x.proposalId)}`} style={{ fontFamily: 'monospace' }}>
                  {x.proposalNo}
                </Link>
                <Typography.Text>{x.proposalTitle}</Typography.Text>
                <Typography.Text type="secondary">{x.unitName}</Typography.Text>
              </Space>
              <Space size={4}>
                <Typography.Text type="secondary">{x.dueOn}</Typography.Text>
                {x.overdue ? <Tag color="red">{t('proposals.overdue')}</Tag> : null}
              </Space>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
