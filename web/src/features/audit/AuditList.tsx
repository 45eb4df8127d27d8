import { useCallback, useState } from 'react';
import { Button, DatePicker, Descriptions, Flex, Input, Select, Tag, Typography, type TableColumnsType } from 'antd';
import { flattenCatalog, tryT } from '../../../../common/i18n/core.ts';
import { zhOrg } from '../../../../common/i18n/zh-CN/org.ts';
import { DATE_TIME_FORMAT } from '../../components/dates.ts';
import { formatInstant } from '../../components/format.ts';
import { PagedTable } from '../../components/PagedTable.tsx';
import type { FetchPage } from '../../components/usePagedQuery.ts';
import { useI18n } from '../../i18n/context.ts';
import { useAuth } from '../auth/context.ts';
import { UserPicker } from '../cases/CaseSelects.tsx';
import { auditApi, type AuditEntry } from './audit.api.ts';

interface Filters {
  entity?: string;
  entityId?: string;
  actorId?: string;
  action?: string;
  from?: string;
  to?: string;
}

/** Every action the log names (the catalog labels each one; a test keeps the server's actions labelled). */
const ACTIONS = Object.keys(flattenCatalog(zhOrg.audit.actions));

const ENTITIES = [
  'region',
  'unit',
  'user',
  'catalog_entry',
  'filing_condition',
  'filing_condition_import',
  'calendar_year',
  'setting',
  'component',
  'grid',
] as const;

function Json({ value }: { value: unknown }) {
  if (value === null || value === undefined) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <pre
      style={{
        margin: 0,
        maxHeight: 240,
        overflow: 'auto',
        fontSize: 12,
        whiteSpace: 'pre-wrap',
        wordBreak: 'break-all',
      }}
    >
      {JSON.stringify(value, null, 2)}
    </pre>
  );
}

/** Who changed what and when; each row expands to the before/after values. Read-only. */
export function AuditList() {
  const { t, locale } = useI18n();
  const canReadUsers = useAuth().can('user.read');
  const [filters, setFilters] = useState<Filters>({});
  const [entityIdText, setEntityIdText] = useState('');
  const fetchPage = useCallback<FetchPage<AuditEntry, Filters>>(
    (request, signal) => auditApi.list(request, signal),
    [],
  );
  const entityLabel = (entity: string) => tryT(locale, `audit.entities.${entity}`) ?? entity;
  const actionLabel = (action: string) => tryT(locale, `audit.actions.${action}`) ?? action;
  const filterById = (entityId: string) => {
    setEntityIdText(entityId);
    setFilters((f) => ({ ...f, entityId: entityId.trim() || undefined }));
  };

  const columns: TableColumnsType<AuditEntry> = [
    { title: t('audit.at'), key: 'at', render: (_, a) => formatInstant(a.at), width: 150 },
    { title: t('audit.actor'), key: 'actor', render: (_, a) => a.actorName ?? t('audit.system') },
    { title: t('audit.action'), key: 'action', render: (_, a) => <Tag title={a.action}>{actionLabel(a.action)}</Tag> },
    { title: t('audit.entity'), key: 'entity', render: (_, a) => entityLabel(a.entity) },
    {
      title: t('audit.entityName'),
      key: 'entityName',
      render: (_, a) => (
        <Flex vertical>
          <span data-testid={`audit-name-${a.id}`}>{a.entityName ?? '—'}</span>
          <Button
            type="link"
            size="small"
            style={{ padding: 0, height: 'auto', alignSelf: 'flex-start' }}
            onClick={() => filterById(a.entityId)}
            title={t('audit.entityIdPlaceholder')}
          >
            <Typography.Text type="secondary" style={{ fontSize: 11 }}>
              {a.entityId}
            </Typography.Text>
          </Button>
        </Flex>
      ),
    },
  ];

  return (
    <PagedTable<AuditEntry, Filters>
      testId="audit"
      fetchPage={fetchPage}
      filters={filters}
      columns={columns}
      rowKey={(a) => a.id}
      exportPath="/api/exports/audit.xlsx"
      expandable={{
        expandedRowRender: (a) => (
          <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered>
            <Descriptions.Item label={t('audit.before')}>
              <Json value={a.before} />
            </Descriptions.Item>
            <Descriptions.Item label={t('audit.after')}>
              <Json value={a.after} />
            </Descriptions.Item>
            <Descriptions.Item label={t('audit.requestId')} span="filled">
              {a.requestId ?? '—'}
            </Descriptions.Item>
          </Descriptions>
        ),
      }}
      toolbar={
        <>
          <Select<string>
            allowClear
            placeholder={t('audit.entity')}
            options={ENTITIES.map((e) => ({ value: e, label: entityLabel(e) }))}
            value={filters.entity}
            onChange={(entity) => setFilters((f) => ({ ...f, entity }))}
            style={{ width: 150 }}
            data-testid="audit-filter-entity"
          />
          <Select<string>
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('audit.actionFilter')}
            options={ACTIONS.map((a) => ({ value: a, label: actionLabel(a) }))}
            value={filters.action}
            onChange={(action) => setFilters((f) => ({ ...f, action }))}
            style={{ width: 170 }}
            data-testid="audit-filter-action"
          />
          {canReadUsers ? (
            <UserPicker
              placeholder={t('audit.actorFilter')}
              value={filters.actorId}
              onChange={(actorId) => setFilters((f) => ({ ...f, actorId: actorId ?? undefined }))}
              style={{ width: 160 }}
              data-testid="audit-filter-actor"
            />
          ) : null}
          <DatePicker.RangePicker
            showTime
            format={DATE_TIME_FORMAT}
            placeholder={[t('audit.timeFrom'), t('audit.timeTo')]}
            onChange={(range) =>
              setFilters((f) => ({
                ...f,
                from: range?.[0]?.toISOString() ?? undefined,
                to: range?.[1]?.toISOString() ?? undefined,
              }))
            }
            data-testid="audit-filter-time"
          />
          <Input.Search
            allowClear
            placeholder={t('audit.entityIdPlaceholder')}
            value={entityIdText}
            onChange={(e) => {
              setEntityIdText(e.target.value);
              if (!e.target.value) filterById('');
            }}
            onSearch={filterById}
            style={{ width: 220 }}
            data-testid="audit-filter-entity-id"
          />
        </>
      }
    />
  );
}
