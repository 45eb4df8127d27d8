import { useCallback, useMemo } from 'react';
import { Select, Space, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { ENFORCEMENT_STAGES, type EnforcementStage } from '../../../../common/domain/enforcement-lifecycle.ts';
import { formatInstant } from '../../components/format.ts';
import { ListPage } from '../../components/ListPage.tsx';
import { PageSection } from '../../components/PageSection.tsx';
import { useCrudList } from '../../components/useCrudList.ts';
import type { FetchPage } from '../../components/usePagedQuery.ts';
import { useI18n } from '../../i18n/context.ts';
import { EnforcementDrawer } from './EnforcementDrawer.tsx';
import { enforcementApi, type EnforcementCaseSummary } from './enforcement.api.ts';
import { label, STAGE_COLORS, yuan } from './labels.ts';

interface Filters {
  stage?: EnforcementStage;
}

/** 行政处罚案件: every enforcement case of the city with its stage and decision; party identifiers masked. */
export function EnforcementPage() {
  const { t, locale } = useI18n();
  const list = useCrudList<EnforcementCaseSummary, Filters>();
  const opened = list.target && list.target !== 'new' ? list.target.id : null;
  const fetchPage = useCallback<FetchPage<EnforcementCaseSummary, Filters>>(
    (request, signal) => enforcementApi.list(request, signal),
    [],
  );
  const open = list.edit;
  const columns = useMemo<TableColumnsType<EnforcementCaseSummary>>(
    () => [
      {
        title: t('enforcement.field.caseNo'),
        key: 'caseNo',
        sorter: true,
        fixed: 'left',
        render: (_, c) => (
          <Typography.Link
            onClick={() => open(c)}
            data-testid={`enforcement-row-${c.caseNo}`}
            style={{ fontFamily: 'monospace' }}
          >
            {c.caseNo}
          </Typography.Link>
        ),
      },
      {
        title: t('enforcement.field.stage'),
        key: 'stage',
        render: (_, c) => (
          <Space size={4} wrap>
            <Tag color={STAGE_COLORS[c.stage]}>{label(locale, 'stage', c.stage)}</Tag>
            {c.procedure === 'summary' ? <Tag>{label(locale, 'procedure', c.procedure)}</Tag> : null}
          </Space>
        ),
      },
      {
        title: t('enforcement.field.party'),
        key: 'party',
        render: (_, c) => (
          <Tooltip title={c.partyIdentifier ?? undefined}>
            <span>
              {c.partyName}
              <Typography.Text type="secondary" style={{ fontSize: 12, marginLeft: 4 }}>
                {label(locale, 'partyKind', c.partyKind)}
              </Typography.Text>
            </span>
          </Tooltip>
        ),
      },
      {
        title: t('enforcement.field.source'),
        key: 'source',
        responsive: ['md'],
        render: (_, c) => label(locale, 'source', c.source),
      },
      { title: t('enforcement.field.fine'), key: 'fine', responsive: ['sm'], render: (_, c) => yuan(c.fineFen) },
      {
        title: t('enforcement.field.decisionNo'),
        key: 'decisionNo',
        responsive: ['lg'],
        render: (_, c) => c.decisionNo ?? '—',
      },
      {
        title: t('enforcement.field.decisionDue'),
        key: 'decisionDue',
        responsive: ['xl'],
        render: (_, c) => c.decisionDue ?? '—',
      },
      {
        title: t('enforcement.field.createdAt'),
        key: 'createdAt',
        sorter: true,
        responsive: ['lg'],
        render: (_, c) => formatInstant(c.createdAt),
      },
    ],
    [t, locale, open],
  );

  return (
    <PageSection title={t('enforcement.title')} testId="page-enforcement">
      <ListPage<EnforcementCaseSummary, Filters>
        list={list}
        testId="enforcement"
        fetchPage={fetchPage}
        columns={columns}
        rowKey={(c) => c.id}
        defaultSort={{ sort: 'createdAt', order: 'desc' }}
        searchPlaceholder={t('enforcement.searchPlaceholder')}
        toolbar={
          <Select<EnforcementStage>
            allowClear
            placeholder={t('enforcement.filters.stage')}
            value={list.filters.stage}
            onChange={(stage) => list.setFilters((f) => ({ ...f, stage }))}
            options={ENFORCEMENT_STAGES.map((s) => ({ value: s, label: label(locale, 'stage', s) }))}
            style={{ width: 140 }}
            data-testid="enforcement-filter-stage"
          />
        }
      >
        <EnforcementDrawer id={opened} onClose={list.close} />
      </ListPage>
    </PageSection>
  );
}
