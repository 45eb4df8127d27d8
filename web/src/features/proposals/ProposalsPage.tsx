import { useCallback, useMemo, useState } from 'react';
import { Flex, Select, Switch, Tabs, Tag, Typography, type TableColumnsType } from 'antd';
import { useSearchParams } from 'react-router-dom';
import {
  HANDLING_ROLES,
  PROPOSAL_BODIES,
  PROPOSAL_STATUSES,
  type HandlingRole,
  type ProposalBody,
  type ProposalStatus,
} from '../../../../common/domain/proposals.ts';
import { ExportButton } from '../../components/ExportButton.tsx';
import { cityToday } from '../../components/format.ts';
import { ListPage } from '../../components/ListPage.tsx';
import { PageSection } from '../../components/PageSection.tsx';
import { useCrudList } from '../../components/useCrudList.ts';
import type { FetchPage } from '../../components/usePagedQuery.ts';
import { useI18n } from '../../i18n/context.ts';
import { useAuth } from '../auth/context.ts';
import { ProposalCreateModal } from './ProposalCreateModal.tsx';
import { ProposalDrawer } from './ProposalDrawer.tsx';
import { ProposalFiguresBar } from './ProposalFiguresBar.tsx';
import { ProposalSettingsButton } from './ProposalSettingsButton.tsx';
import { ProposalTasksTab } from './ProposalTasksTab.tsx';
import { proposalsApi, SATISFACTION_COLORS, STATUS_COLORS, type ProposalSummary } from './proposals.api.ts';

interface Filters {
  year?: number;
  body?: ProposalBody;
  status?: ProposalStatus;
  handlingRole?: HandlingRole;
  overdue?: boolean;
}

const thisYear = () => Number(cityToday().slice(0, 4));
const YEARS = () => Array.from({ length: 6 }, (_, i) => thisYear() - i);

/** 人大建议与政协提案 (docs/proposals.md): the year's figures, the register and the unit tasks. */
export function ProposalsPage() {
  const { t } = useI18n();
  const { can } = useAuth();
  // ?open=<id> opens one item (the 工作台 links its tasks here)
  const [params] = useSearchParams();
  const [opened, setOpened] = useState<string | null>(params.get('open'));
  const [figuresKey, setFiguresKey] = useState(0);
  const list = useCrudList<ProposalSummary, Filters>({
    filters: { year: thisYear() },
    onChanged: () => setFiguresKey((k) => k + 1),
  });
  const fetchPage = useCallback<FetchPage<ProposalSummary, Filters>>(
    (request, signal) => proposalsApi.list(request, signal),
    [],
  );
  const columns = useMemo<TableColumnsType<ProposalSummary>>(
    () => [
      {
        title: t('proposals.columns.proposalNo'),
        key: 'proposalNo',
        sorter: true,
        render: (_, p) => (
          <Typography.Link onClick={() => setOpened(p.id)} data-testid={`proposal-row-${p.proposalNo}`}>
            {p.proposalNo}
          </Typography.Link>
        ),
      },
      { title: t('proposals.columns.body'), key: 'body', render: (_, p) => t(`proposals.bodyShort.${p.body}`) },
      { title: t('proposals.columns.title'), key: 'title', ellipsis: true, render: (_, p) => p.title },
      { title: t('proposals.columns.proposer'), key: 'proposer', responsive: ['lg'], render: (_, p) => p.proposer },
      {
        title: t('proposals.columns.role'),
        key: 'role',
        render: (_, p) => (
          <Tag color={p.handlingRole === 'lead' ? 'blue' : 'default'}>{t(`proposals.role.${p.handlingRole}`)}</Tag>
        ),
      },
      {
        title: t('proposals.columns.assignedOn'),
        key: 'assignedOn',
        sorter: true,
        responsive: ['md'],
        render: (_, p) => p.assignedOn,
      },
      { title: t('proposals.columns.dueOn'), key: 'dueOn', sorter: true, render: (_, p) => p.dueOn },
      {
        title: t('proposals.columns.status'),
        key: 'status',
        render: (_, p) => (
          <Flex gap={4} wrap>
            <Tag color={STATUS_COLORS[p.status]}>{t(`proposals.status.${p.status}`)}</Tag>
            {p.overdue ? <Tag color="red">{t('proposals.overdue')}</Tag> : null}
          </Flex>
        ),
      },
      {
        title: t('proposals.columns.tasks'),
        key: 'tasks',
        responsive: ['lg'],
        render: (_, p) => (p.taskCount ? `${p.taskCount - p.openTasks}/${p.taskCount}` : '—'),
      },
      {
        title: t('proposals.columns.satisfaction'),
        key: 'satisfaction',
        responsive: ['md'],
        render: (_, p) =>
          p.satisfaction ? (
            <Tag color={SATISFACTION_COLORS[p.satisfaction]}>{t(`proposals.satisfaction.${p.satisfaction}`)}</Tag>
          ) : (
            '—'
          ),
      },
    ],
    [t],
  );
  const f = list.filters;
  const select = <K extends keyof Filters>(
    key: K,
    values: readonly string[],
    label: (v: string) => string,
    width = 120,
  ) => (
    <Select
      allowClear
      placeholder={t(`proposals.filters.${key === 'handlingRole' ? 'role' : key}` as 'proposals.filters.body')}
      value={f[key] as string | undefined}
      onChange={(v) => list.setFilter(key, v as Filters[K])}
      options={values.map((v) => ({ value: v, label: label(v) }))}
      style={{ width }}
      data-testid={`proposals-filter-${key}`}
    />
  );

  const registerTab = (
    <Flex vertical gap={16}>
      <ProposalFiguresBar key={`${f.year ?? thisYear()}-${figuresKey}`} year={f.year ?? thisYear()} />
      <ListPage<ProposalSummary, Filters>
        list={list}
        testId="proposals"
        fetchPage={fetchPage}
        columns={columns}
        rowKey={(p) => p.id}
        defaultSort={{ sort: 'assignedOn', order: 'desc' }}
        searchPlaceholder={t('proposals.filters.search')}
        exportPath="/api/exports/proposals.xlsx"
        actions={<ExportButton path="/api/exports/proposals.csv" query={f} label="CSV" />}
        createLabel={can('proposal.manage') ? t('proposals.form.create') : undefined}
        renderCard={(p) => (
          <Flex vertical gap={4} onClick={() => setOpened(p.id)}>
            <Typography.Text strong>
              {p.proposalNo} {p.title}
            </Typography.Text>
            <Flex gap={4} wrap>
              <Tag>{t(`proposals.bodyShort.${p.body}`)}</Tag>
              <Tag>{t(`proposals.role.${p.handlingRole}`)}</Tag>
              <Tag color={STATUS_COLORS[p.status]}>{t(`proposals.status.${p.status}`)}</Tag>
              {p.overdue ? <Tag color="red">{t('proposals.overdue')}</Tag> : null}
            </Flex>
            <Typography.Text type="secondary">
              {p.proposer} · {p.dueOn}
            </Typography.Text>
          </Flex>
        )}
        toolbar={
          <Flex gap={8} wrap align="center">
            <Select<number>
              value={f.year}
              allowClear
              placeholder={t('proposals.filters.year')}
              onChange={(year) => list.setFilter('year', year)}
              options={YEARS().map((y) => ({ value: y, label: String(y) }))}
              style={{ width: 100 }}
              data-testid="proposals-filter-year"
            />
            {select('body', PROPOSAL_BODIES, (v) => t(`proposals.bodyShort.${v as ProposalBody}`))}
            {select('status', PROPOSAL_STATUSES, (v) => t(`proposals.status.${v as ProposalStatus}`))}
            {select('handlingRole', HANDLING_ROLES, (v) => t(`proposals.role.${v as HandlingRole}`), 100)}
            <Flex gap={4} align="center">
              <Switch
                size="small"
                checked={!!f.overdue}
                onChange={(on) => list.setFilter('overdue', on || undefined)}
                data-testid="proposals-filter-overdue"
              />
              <Typography.Text>{t('proposals.filters.overdue')}</Typography.Text>
            </Flex>
          </Flex>
        }
      >
        <ProposalCreateModal
          open={list.target === 'new'}
          onClose={list.close}
          onCreated={(p) => {
            list.saved();
            setOpened(p.id);
          }}
        />
      </ListPage>
    </Flex>
  );

  return (
    <PageSection
      title={t('proposals.title')}
      testId="page-proposals"
      extra={can('proposal.manage') ? <ProposalSettingsButton /> : undefined}
    >
      <Tabs
        destroyOnHidden
        items={[
          { key: 'list', label: t('proposals.tabs.list'), children: registerTab },
          { key: 'tasks', label: t('proposals.tabs.tasks'), children: <ProposalTasksTab onOpen={setOpened} /> },
        ]}
      />
      <ProposalDrawer id={opened} onClose={() => setOpened(null)} onChanged={list.reload} />
    </PageSection>
  );
}
