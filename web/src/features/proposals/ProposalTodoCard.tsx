import { Badge, Card, Empty, Flex, List, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useResource } from '../../api/use-resource.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { useI18n } from '../../i18n/context.ts';
import { useAuth } from '../auth/context.ts';
import { proposalsApi } from './proposals.api.ts';

/**
 * On the 工作台 of whoever reads 建议提案: the open unit tasks in their scope (a unit sees its own), overdue first,
 * with the count of the overdue ones; for those who approve, the replies waiting for them.
 */
export function ProposalTodoCard() {
  const { can } = useAuth();
  return (
    <Flex vertical gap={16}>
      {can('proposal.approve') ? <ApprovalsCard /> : null}
      <TasksCard />
    </Flex>
  );
}

function ApprovalsCard() {
  const { t } = useI18n();
  const waiting = useResource(
    (signal) => proposalsApi.list({ replyStatus: 'submitted', pageSize: 5, sort: 'dueOn', order: 'asc' }, signal),
    [],
  );
  const total = waiting.data?.total ?? 0;
  return (
    <Card
      title={
        <Space>
          {t('proposals.todo.approvals')}
          {waiting.data ? <Badge count={total} showZero color={total ? '#faad14' : '#bfbfbf'} /> : null}
        </Space>
      }
      loading={waiting.loading && !waiting.data}
      data-testid="proposal-approvals"
    >
      {waiting.error && !waiting.data ? (
        <LoadError error={waiting.error} onRetry={waiting.reload} testId="proposal-approvals" />
      ) : waiting.data && waiting.data.items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('proposals.todo.noApprovals')} />
      ) : (
        <List
          size="small"
          dataSource={waiting.data?.items ?? []}
          rowKey={(p) => p.id}
          renderItem={(p) => (
            <List.Item>
              <Space size={6} wrap>
                <Link to={`/proposals?open=${encodeURIComponent(p.id)}`} style={{ fontFamily: 'monospace' }}>
                  {p.proposalNo}
                </Link>
                <Typography.Text>{p.title}</Typography.Text>
              </Space>
              <Typography.Text type="secondary">{p.dueOn}</Typography.Text>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}

function TasksCard() {
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
