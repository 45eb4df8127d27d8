import { useCallback, useEffect, useMemo, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { Badge, Button, Checkbox, Flex, Select, Tabs, Tooltip, Typography, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { CaseChannel, Inbox } from '../../../../common/domain/case-channels.ts';
import { formatInstant } from '../../components/format.ts';
import { PagedTable } from '../../components/PagedTable.tsx';
import type { FetchPage } from '../../components/usePagedQuery.ts';
import { useI18n } from '../../i18n/context.ts';
import { useAuth } from '../auth/context.ts';
import { RegionSelect } from '../org/OrgSelects.tsx';
import { CaseCard, CaseStatusTags } from './CaseCard.tsx';
import { casesApi, type CaseSummary, type InboxCounts } from './cases.api.ts';
import { MatterPicker, UnitPicker } from './CaseSelects.tsx';
import { canFilterMine, inboxesFor, mineByDefault } from './inboxes.ts';
import { channelLabel, channelOptions, inboxLabel } from './labels.ts';
import { deadlineBefore, DEADLINE_FILTERS, type DeadlineFilter } from './sla.ts';
import { SlaBadge } from './SlaBadge.tsx';
import { useInboxCounts } from './useInboxCounts.ts';
import { useLiveCases } from './useLiveCases.ts';

interface Filters {
  inbox: Inbox;
  matterCode?: string;
  regionId?: string;
  unitId?: string;
  channel?: CaseChannel;
  deadlineBefore?: string;
  mine?: boolean;
}

/**
 * The inbox tab in the address (?inbox=…), so the back button from a case returns to the same tab. Without one the
 * inbox opens on the first tab that has work, once the counts are known (until then, the first tab).
 */
function useInboxParam(inboxes: Inbox[], counts: InboxCounts | null): [Inbox, (inbox: Inbox) => void] {
  const [params, setParams] = useSearchParams();
  const asked = inboxes.find((i) => i === params.get('inbox'));
  const set = useCallback((next: Inbox) => setParams({ inbox: next }, { replace: true }), [setParams]);
  // Chosen once and written into the address, so that a tab emptying later does not move the user elsewhere.
  const first = counts ? (inboxes.find((i) => i !== 'all' && (counts[i] ?? 0) > 0) ?? inboxes[0]) : undefined;
  useEffect(() => {
    if (!asked && first) set(first);
  }, [asked, first, set]);
  return [asked ?? first ?? inboxes[0] ?? 'all', set];
}

/** 工作台: tabs per inbox with counts, filters, search, deadline-sorted table; refreshed live by SSE. */
export function CaseInbox() {
  const { t, locale } = useI18n();
  const auth = useAuth();
  const navigate = useNavigate();
  const permissions = useMemo(() => auth.me?.permissions ?? [], [auth.me]);
  const inboxes = useMemo(() => inboxesFor(permissions), [permissions]);
  const [mineChoice, setMineChoice] = useState<Partial<Record<Inbox, boolean>>>({});
  const [reloadKey, setReloadKey] = useState(0);
  // The server counts whole steps; a tab showing only my tasks (an inspector's 待核实/待核查) counts those instead.
  const mineTabs = useMemo(
    () => inboxes.filter((i) => mineChoice[i] ?? mineByDefault(permissions, i)),
    [inboxes, mineChoice, permissions],
  );
  const loadedCounts = useInboxCounts(mineTabs, reloadKey);
  const counts: InboxCounts = loadedCounts ?? {};
  const [inbox, setInbox] = useInboxParam(inboxes, loadedCounts);
  const [extra, setExtra] = useState<Omit<Filters, 'inbox' | 'mine' | 'deadlineBefore'>>({});
  const [deadline, setDeadline] = useState<DeadlineFilter | undefined>();
  const mine = mineChoice[inbox] ?? mineByDefault(permissions, inbox);
  // 处置中 per unit: those who follow every unit (dispatch, intake, leaders) can narrow the list to one.
  const seesAllUnits = ['case.dispatch', 'case.accept', 'case.escalate'].some((p) => permissions.includes(p));
  // A search looks through every case the user may see (全部), whichever tab is open: the tabs are steps of work,
  // and a caller asking about a case does not know which step it is at.
  const [searching, setSearching] = useState(false);

  const filters = useMemo<Filters>(
    () => ({
      inbox: searching ? 'all' : inbox,
      ...extra,
      mine: (!searching && mine) || undefined,
      deadlineBefore: deadline ? deadlineBefore(deadline, new Date()) : undefined,
    }),
    [inbox, extra, mine, deadline, searching],
  );
  const fetchPage = useCallback<FetchPage<CaseSummary, Filters>>(
    (request, signal) => casesApi.list(request, signal),
    [],
  );

  const live = useLiveCases(() => setReloadKey((k) => k + 1));

  const columns: TableColumnsType<CaseSummary> = [
    {
      title: t('cases.field.caseNo'),
      key: 'caseNo',
      sorter: true,
      fixed: 'left',
      render: (_, c) => (
        <Link
          to={`/cases/${encodeURIComponent(c.id)}`}
          data-testid={`case-row-${c.caseNo}`}
          style={{ fontFamily: 'monospace' }}
        >
          {c.caseNo}
        </Link>
      ),
    },
    {
      title: t('cases.field.matter'),
      key: 'matter',
      render: (_, c) => (
        <Tooltip title={c.description}>
          <span>{c.matterName ?? c.matterCode}</span>
        </Tooltip>
      ),
    },
    { title: t('cases.field.deadline'), key: 'deadline', sorter: true, render: (_, c) => <SlaBadge sla={c.sla} /> },
    {
      title: t('cases.field.address'),
      key: 'address',
      responsive: ['md'],
      render: (_, c) => (
        <Flex vertical>
          <Typography.Text ellipsis style={{ maxWidth: 260 }}>
            {c.address ?? c.description}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {[c.streetName, c.communityName].filter(Boolean).join(' · ') || '—'}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('cases.field.status'),
      key: 'status',
      render: (_, c) => <CaseStatusTags c={c} />,
    },
    { title: t('cases.field.unit'), key: 'unitName', responsive: ['lg'], render: (_, c) => c.unitName ?? '—' },
    {
      title: t('cases.field.channel'),
      key: 'channel',
      responsive: ['xl'],
      render: (_, c) => channelLabel(locale, c.channel),
    },
    {
      title: t('cases.field.reportedAt'),
      key: 'reportedAt',
      sorter: true,
      responsive: ['lg'],
      render: (_, c) => formatInstant(c.reportedAt),
    },
  ];

  const tabItems = inboxes.map((key) => ({
    key,
    label: (
      <span data-testid={`cases-tab-${key}`}>
        {inboxLabel(locale, key)}
        {counts[key] !== undefined ? (
          <Badge
            count={counts[key]}
            showZero
            overflowCount={9999}
            color={key === 'overdue' ? '#ff4d4f' : counts[key] ? '#1677ff' : '#bfbfbf'}
            style={{ marginInlineStart: 6 }}
            data-testid={`cases-count-${key}`}
          />
        ) : null}
      </span>
    ),
  }));

  return (
    <Flex vertical gap={8}>
      <Tabs
        activeKey={inbox}
        onChange={(key) => setInbox(key as Inbox)}
        items={tabItems}
        tabBarExtraContent={
          <Tooltip title={live.connected ? t('cases.live.on') : t('cases.live.off')}>
            <Badge
              status={live.connected ? 'processing' : 'warning'}
              text={<Typography.Text type="secondary">{live.connected ? t('cases.live.on') : ''}</Typography.Text>}
              data-testid="cases-live"
              data-connected={live.connected ? 'true' : 'false'}
              style={{ marginInlineStart: 12 }}
            />
          </Tooltip>
        }
      />
      {searching && inbox !== 'all' ? (
        <Typography.Text type="secondary" data-testid="cases-search-scope">
          {t('cases.searchAllTabs')}
        </Typography.Text>
      ) : null}
      <PagedTable<CaseSummary, Filters>
        testId="cases"
        fetchPage={fetchPage}
        filters={filters}
        columns={columns}
        rowKey={(c) => c.id}
        renderCard={(c) => <CaseCard c={c} />}
        reloadKey={reloadKey}
        exportPath="/api/exports/cases.xlsx"
        defaultSort={{ sort: 'deadline', order: 'asc' }}
        searchPlaceholder={t('cases.searchPlaceholder')}
        onSearch={(q) => setSearching(Boolean(q))}
        toolbar={
          <>
            <MatterPicker
              placeholder={t('cases.filters.matter')}
              value={extra.matterCode}
              onChange={(matterCode) => setExtra((f) => ({ ...f, matterCode: matterCode ?? undefined }))}
              style={{ width: 180 }}
              data-testid="cases-filter-matter"
            />
            <RegionSelect
              kinds={['street', 'town']}
              placeholder={t('cases.filters.region')}
              value={extra.regionId}
              onChange={(regionId) => setExtra((f) => ({ ...f, regionId: regionId ?? undefined }))}
              style={{ width: 170 }}
              data-testid="cases-filter-region"
            />
            {seesAllUnits ? (
              <UnitPicker
                placeholder={t('cases.filters.unit')}
                value={extra.unitId}
                onChange={(unitId) => setExtra((f) => ({ ...f, unitId: unitId ?? undefined }))}
                style={{ width: 170 }}
                data-testid="cases-filter-unit"
              />
            ) : null}
            <Select<CaseChannel>
              allowClear
              placeholder={t('cases.filters.channel')}
              options={channelOptions(locale)}
              value={extra.channel}
              onChange={(channel) => setExtra((f) => ({ ...f, channel }))}
              style={{ width: 140 }}
              data-testid="cases-filter-channel"
            />
            <Select<DeadlineFilter>
              allowClear
              placeholder={t('cases.filters.deadline')}
              options={DEADLINE_FILTERS.map((value) => ({ value, label: t(`cases.filters.deadlineOptions.${value}`) }))}
              value={deadline}
              onChange={setDeadline}
              style={{ width: 150 }}
              data-testid="cases-filter-deadline"
            />
            {canFilterMine(permissions) ? (
              <Checkbox
                checked={mine}
                onChange={(e) => setMineChoice((m) => ({ ...m, [inbox]: e.target.checked }))}
                style={{ alignSelf: 'center' }}
                data-testid="cases-filter-mine"
              >
                {t('cases.filters.mine')}
              </Checkbox>
            ) : null}
          </>
        }
        actions={
          auth.can('case.report') ? (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => navigate('/cases/new')}
              data-testid="case-create"
            >
              {t('cases.nav.create')}
            </Button>
          ) : null
        }
      />
    </Flex>
  );
}
