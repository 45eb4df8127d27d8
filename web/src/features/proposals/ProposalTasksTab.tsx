import { useCallback, useMemo, useState } from 'react';
import { Flex, Select, Switch, Tag, Typography, type TableColumnsType } from 'antd';
import { TASK_STATUSES, type TaskStatus } from '../../../../common/domain/proposals.ts';
import { PagedTable } from '../../components/PagedTable.tsx';
import type { FetchPage } from '../../components/usePagedQuery.ts';
import { useI18n } from '../../i18n/context.ts';
import { proposalsApi, type ProposalTask } from './proposals.api.ts';

interface Filters {
  status?: TaskStatus;
  overdue?: boolean;
}

/** The unit tasks in the caller's scope: a unit sees its own, the office every unit's; open and overdue first. */
export function ProposalTasksTab({ onOpen }: { onOpen: (proposalId: string) => void }) {
  const { t } = useI18n();
  const [filters, setFilters] = useState<Filters>({ status: 'open' });
  const fetchPage = useCallback<FetchPage<ProposalTask, Filters>>(
    (request, signal) => proposalsApi.tasks(request, signal),
    [],
  );
  const columns = useMemo<TableColumnsType<ProposalTask>>(
    () => [
      {
        title: t('proposals.columns.proposalNo'),
        key: 'proposalNo',
        render: (_, x) => (
          <Typography.Link onClick={() => onOpen(x.proposalId)} data-testid={`proposal-task-row-${x.proposalNo}`}>
            {x.proposalNo}
          </Typography.Link>
        ),
      },
      { title: t('proposals.columns.body'), key: 'body', render: (_, x) => t(`proposals.bodyShort.${x.body}`) },
      { title: t('proposals.columns.title'), key: 'title', ellipsis: true, render: (_, x) => x.proposalTitle },
      { title: t('proposals.columns.unit'), key: 'unit', render: (_, x) => x.unitName ?? '—' },
      { title: t('proposals.columns.taskDue'), key: 'dueOn', sorter: true, render: (_, x) => x.dueOn },
      {
        title: t('proposals.columns.status'),
        key: 'status',
        render: (_, x) => (
          <Flex gap={4} wrap>
            <Tag color={x.status === 'done' ? 'green' : 'processing'}>{t(`proposals.taskStatus.${x.status}`)}</Tag>
            {x.overdue ? <Tag color="red">{t('proposals.overdue')}</Tag> : null}
          </Flex>
        ),
      },
    ],
    [t, onOpen],
  );
  return (
    <PagedTable<ProposalTask, Filters>
      testId="proposal-tasks-list"
      fetchPage={fetchPage}
      filters={filters}
      columns={columns}
      rowKey={(x) => x.id}
      searchPlaceholder={t('proposals.filters.searchTasks')}
      renderCard={(x) => (
        <Flex vertical gap={4} onClick={() => onOpen(x.proposalId)}>
          <Typography.Text strong>
            {x.proposalNo} {x.proposalTitle}
          </Typography.Text>
          <Flex gap={4} wrap>
            <Tag>{x.unitName}</Tag>
            <Tag color={x.status === 'done' ? 'green' : 'processing'}>{t(`proposals.taskStatus.${x.status}`)}</Tag>
            {x.overdue ? <Tag color="red">{t('proposals.overdue')}</Tag> : null}
          </Flex>
          <Typography.Text type="secondary">{x.dueOn}</Typography.Text>
        </Flex>
      )}
      toolbar={
        <Flex gap={8} wrap align="center">
          <Select<TaskStatus>
            allowClear
            placeholder={t('proposals.filters.status')}
            value={filters.status}
            onChange={(status) => setFilters((f) => ({ ...f, status }))}
            options={TASK_STATUSES.map((s) => ({ value: s, label: t(`proposals.taskStatus.${s}`) }))}
            style={{ width: 120 }}
          />
          <Flex gap={4} align="center">
            <Switch
              size="small"
              checked={!!filters.overdue}
              onChange={(on) => setFilters((f) => ({ ...f, overdue: on || undefined }))}
            />
            <Typography.Text>{t('proposals.filters.overdue')}</Typography.Text>
          </Flex>
        </Flex>
      }
    />
  );
}
