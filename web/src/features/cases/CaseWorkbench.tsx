import { useMemo, useState, type ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { Badge, Card, Col, Empty, Flex, List, Row, Space, Tag, Typography } from 'antd';
import type { Inbox } from '../../../../common/domain/case-channels.ts';
import { useResource } from '../../api/use-resource.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { useI18n } from '../../i18n/context.ts';
import { useAuth } from '../auth/context.ts';
import { NoticeBoard } from '../notices/NoticeBoard.tsx';
import { casesApi, type CaseListQuery, type CaseSummary } from './cases.api.ts';
import { inboxesFor, mineByDefault } from './inboxes.ts';
import { inboxLabel, requestLabel } from './labels.ts';
import { SlaBadge } from './SlaBadge.tsx';
import { useInboxCounts } from './useInboxCounts.ts';
import { useLiveCases } from './useLiveCases.ts';

/** Rows in each short list; the card's link opens the whole list. */
const SHORT = 5;
/** Tabs that are not a to-do: the archive and the search across everything. */
const NOT_TODO: readonly Inbox[] = ['all', 'closed'];

const inboxPath = (inbox: Inbox) => `/cases?inbox=${inbox}`;

function CaseLine({ c, extra }: { c: CaseSummary; extra?: ReactNode }) {
  return (
    <List.Item data-testid={`workbench-case-${c.caseNo}`}>
      <Flex vertical gap={2} style={{ minWidth: 0, flex: 1 }}>
        <Space size={6} wrap>
          <Link to={`/cases/${encodeURIComponent(c.id)}`} style={{ fontFamily: 'monospace' }}>
            {c.caseNo}
          </Link>
          <Typography.Text>{c.matterName ?? c.matterCode}</Typography.Text>
          {extra}
        </Space>
        <Typography.Text type="secondary" ellipsis style={{ fontSize: 12 }}>
          {[c.unitName, c.address ?? c.description].filter(Boolean).join(' · ')}
        </Typography.Text>
      </Flex>
      <SlaBadge sla={c.sla} />
    </List.Item>
  );
}

/** One short list of cases (overdue, approvals) with its total, an empty state and a retry on failure. */
function CaseShortList(props: {
  title: string;
  empty: string;
  query: CaseListQuery;
  reloadKey: number;
  allPath: string | null;
  testId: string;
  extra?: (c: CaseSummary) => ReactNode;
}) {
  const { t } = useI18n();
  const { query, reloadKey } = props;
  const page = useResource((signal) => casesApi.list(query, signal), [query, reloadKey]);
  const total = page.data?.total ?? 0;
  return (
    <Card
      title={
        <Space>
          {props.title}
          {page.data ? (
            <Badge
              count={total}
              showZero
              overflowCount={9999}
              color={total ? (props.testId === 'workbench-overdue' ? '#ff4d4f' : '#faad14') : '#bfbfbf'}
              data-testid={`${props.testId}-total`}
            />
          ) : null}
        </Space>
      }
      extra={
        props.allPath && total > SHORT ? (
          <Link to={props.allPath} data-testid={`${props.testId}-all`}>
            {t('cases.workbench.viewAll')}
          </Link>
        ) : null
      }
      loading={page.loading && !page.data}
      data-testid={props.testId}
    >
      {page.error && !page.data ? (
        <LoadError error={page.error} onRetry={page.reload} testId={props.testId} />
      ) : page.data && page.data.items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={props.empty} data-testid={`${props.testId}-empty`} />
      ) : (
        <List
          size="small"
          dataSource={page.data?.items ?? []}
          rowKey={(c) => c.id}
          renderItem={(c) => <CaseLine c={c} extra={props.extra?.(c)} />}
        />
      )}
    </Card>
  );
}

/**
 * The 工作台 of a case worker: the role's inbox counts as cards (each opens its tab), the overdue cases nearest
 * first, and for those who approve, the 回退/延期/挂账 requests waiting for them. Everything is scoped by the server
 * with the list's own visibility rule; live case events refresh it. The staff notices (工作通知) sit below the to-do.
 */
export function CaseWorkbench() {
  const { t, locale } = useI18n();
  const auth = useAuth();
  const permissions = useMemo(() => auth.me?.permissions ?? [], [auth.me]);
  const inboxes = useMemo(() => inboxesFor(permissions).filter((i) => !NOT_TODO.includes(i)), [permissions]);
  const mineTabs = useMemo(() => inboxes.filter((i) => mineByDefault(permissions, i)), [inboxes, permissions]);
  const [reloadKey, setReloadKey] = useState(0);
  useLiveCases(() => setReloadKey((k) => k + 1));
  const counts = useInboxCounts(mineTabs, reloadKey);
  const approves = permissions.includes('case.approve');
  // An inspector's overdue items are the tasks sent to them, as in their 待核实/待核查 tabs.
  const overdueMine = mineTabs.length > 0;
  const overdueQuery = useMemo<CaseListQuery>(
    () => ({
      inbox: 'overdue',
      pageSize: SHORT,
      sort: 'deadline',
      order: 'asc',
      ...(overdueMine ? { mine: true } : {}),
    }),
    [overdueMine],
  );
  const approvalsQuery = useMemo<CaseListQuery>(
    () => ({ awaitingApproval: true, pageSize: SHORT, sort: 'deadline', order: 'asc' }),
    [],
  );
  const todo = inboxes.filter((i) => i !== 'overdue');
  // A post that works no step of the loop (the administrator, who may only search the cases) has no to-do here,
  // only the notices.
  if (inboxes.length === 0 && !approves) return <NoticeBoard />;

  return (
    <Flex vertical gap={16} data-testid="workbench">
      <Card
        title={t('cases.workbench.todo')}
        extra={<Typography.Text type="secondary">{t('cases.workbench.todoHint')}</Typography.Text>}
      >
        {todo.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('cases.workbench.noTodo')} />
        ) : (
          <Row gutter={[12, 12]}>
            {[...todo, ...(inboxes.includes('overdue') ? (['overdue'] as const) : [])].map((inbox) => {
              const n = counts?.[inbox];
              const red = inbox === 'overdue' && (n ?? 0) > 0;
              return (
                <Col key={inbox} xs={12} sm={8} lg={6} xl={4}>
                  <Link to={inboxPath(inbox)} data-testid={`workbench-inbox-${inbox}`}>
                    <Card hoverable size="small">
                      <Flex vertical gap={4}>
                        <Typography.Text type="secondary">{inboxLabel(locale, inbox)}</Typography.Text>
                        <Typography.Text
                          strong
                          style={{ fontSize: 26, color: red ? '#cf1322' : undefined }}
                          data-testid={`workbench-count-${inbox}`}
                        >
                          {n === undefined ? '—' : n >= 9999 ? '9999+' : n}
                        </Typography.Text>
                      </Flex>
                    </Card>
                  </Link>
                </Col>
              );
            })}
          </Row>
        )}
      </Card>
      <NoticeBoard />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={approves ? 12 : 24}>
          <CaseShortList
            title={t('cases.workbench.overdue')}
            empty={t('cases.workbench.noOverdue')}
            query={overdueQuery}
            reloadKey={reloadKey}
            allPath={inboxesFor(permissions).includes('overdue') ? inboxPath('overdue') : null}
            testId="workbench-overdue"
          />
        </Col>
        {approves ? (
          <Col xs={24} xl={12}>
            <CaseShortList
              title={t('cases.workbench.approvals')}
              empty={t('cases.workbench.noApprovals')}
              query={approvalsQuery}
              reloadKey={reloadKey}
              allPath={null}
              testId="workbench-approvals"
              extra={(c) =>
                c.pendingRequest ? (
                  <Tag color="gold">{t('cases.pendingRequest', { kind: requestLabel(locale, c.pendingRequest) })}</Tag>
                ) : null
              }
            />
          </Col>
        ) : null}
      </Row>
    </Flex>
  );
}
