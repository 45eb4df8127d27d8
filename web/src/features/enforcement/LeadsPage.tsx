import { useCallback, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { Button, Form, Grid, Input, Modal, Select, Space, Tag, Typography, type TableColumnsType } from 'antd';
import { zonedDate } from '../../../../common/domain/zoned-time.ts';
import {
  isLeadMatterCode,
  LEAD_SOURCES,
  LEAD_STATUSES,
  type LeadSource,
  type LeadStatus,
} from '../../../../common/domain/enforcement-leads.ts';
import { VISION_CLASSES } from '../../../../common/domain/vision.ts';
import { VIOLATION_KINDS } from '../../../../common/domain/vehicles.ts';
import type { MessageKey } from '../../../../common/i18n/core.ts';
import { cityToday, formatInstant } from '../../components/format.ts';
import { ListPage } from '../../components/ListPage.tsx';
import { PageSection } from '../../components/PageSection.tsx';
import { useCrudList } from '../../components/useCrudList.ts';
import type { FetchPage } from '../../components/usePagedQuery.ts';
import { useI18n } from '../../i18n/context.ts';
import { useAuth } from '../auth/context.ts';
import { EnforcementCreateModal, type LeadSeed } from './EnforcementCreateModal.tsx';
import { enforcementApi, type EnforcementLead } from './enforcement.api.ts';

interface Filters {
  status?: LeadStatus;
  source?: LeadSource;
}

const STATUS_COLORS: Record<LeadStatus, string> = { pending: 'orange', filed: 'green', declined: 'default' };

type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/**
 * The matter in the reader's language from its template and parameters; a lead without a known template (or with a
 * parameter this version does not know) shows the text as stored, in the bureau's language.
 */
function matterText(l: EnforcementLead, t: Translate): string {
  const p = l.matterParams;
  if (!isLeadMatterCode(l.matterCode)) return l.matter;
  if (l.matterCode === 'muck_truck' && (VIOLATION_KINDS as readonly string[]).includes(p.kind ?? ''))
    return t('enforcement.leads.matter.muck_truck', {
      kind: t(`vehicles.violation.${p.kind as (typeof VIOLATION_KINDS)[number]}`),
      plate: p.plate ?? '',
    });
  if (l.matterCode === 'vision_event' && (VISION_CLASSES as readonly string[]).includes(p.class ?? ''))
    return t('enforcement.leads.matter.vision_event', {
      class: t(`vision.class.${p.class as (typeof VISION_CLASSES)[number]}`),
      source: p.source ?? '',
    });
  return l.matter;
}

/** The lead's facts as the case form starts from them (the officer edits them before 立案). */
function seedOf(l: EnforcementLead, zone: (at: string) => string): LeadSeed {
  const evidence = l.evidence.map((e) => `${e.title}：${e.url}`).join('；');
  return {
    id: l.id,
    leadNo: l.leadNo,
    version: l.version,
    violationCode: l.violationCode,
    violationOn: zone(l.occurredAt),
    facts: [`线索 ${l.leadNo}：${l.matter}`, l.place, l.note, evidence ? `证据：${evidence}` : null]
      .filter(Boolean)
      .join('。'),
  };
}

/**
 * 线索研判 (docs/enforcement-leads.md): leads other modules handed over (a muck truck's track, a camera image),
 * filtered by status and source; 立案 opens the case form prefilled from the lead, 不予立案 asks for the reason.
 */
export function LeadsPage() {
  const { t } = useI18n();
  const me = useAuth().me;
  const mayDecide = me?.permissions.includes('lead.decide') ?? false;
  // below lg the evidence column is hidden: its links go under the matter instead
  const evidenceColumn = Grid.useBreakpoint().lg ?? true;
  // A link to one lead (the review desk's notice) carries its number as the search, and shows it whatever its status.
  const [params] = useSearchParams();
  const linked = params.get('q')?.trim() || undefined;
  const list = useCrudList<EnforcementLead, Filters>({ filters: linked ? {} : { status: 'pending' } });
  const [filing, setFiling] = useState<LeadSeed | null>(null);
  const [declining, setDeclining] = useState<EnforcementLead | null>(null);
  const [form] = Form.useForm<{ reason: string }>();
  const zone = useCallback(
    (at: string) => (me?.user.tenantTimezone ? zonedDate(new Date(at), me.user.tenantTimezone) : at.slice(0, 10)),
    [me?.user.tenantTimezone],
  );
  const fetchPage = useCallback<FetchPage<EnforcementLead, Filters>>(
    (request, signal) => enforcementApi.leads(request, signal),
    [],
  );
  const columns = useMemo<TableColumnsType<EnforcementLead>>(
    () => [
      {
        title: t('enforcement.leads.field.leadNo'),
        key: 'leadNo',
        sorter: true,
        responsive: ['sm'],
        render: (_, l) => <span style={{ fontFamily: 'monospace' }}>{l.leadNo}</span>,
      },
      {
        title: t('enforcement.leads.field.matter'),
        key: 'matter',
        render: (_, l) => (
          <span data-testid={`lead-row-${l.leadNo}`}>
            {matterText(l, t)}
            {l.place ? (
              <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                {l.place}
              </Typography.Text>
            ) : null}
            {!evidenceColumn && l.evidence.length ? (
              <Space size={4} wrap style={{ display: 'flex', fontSize: 12 }}>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('enforcement.leads.field.evidence')}
                </Typography.Text>
                {l.evidence.map((e) => (
                  <Typography.Link key={e.url} href={e.url} target="_blank" rel="noreferrer" style={{ fontSize: 12 }}>
                    {t(`enforcement.leads.evidenceKind.${e.kind}`)}
                  </Typography.Link>
                ))}
              </Space>
            ) : null}
            {l.originCaseId ? (
              <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                {t('enforcement.leads.originCase')}{' '}
                <Link to={`/cases/${encodeURIComponent(l.originCaseId)}`} data-testid={`lead-origin-${l.leadNo}`}>
                  {l.originCaseNo ?? l.originCaseId}
                </Link>
              </Typography.Text>
            ) : null}
          </span>
        ),
      },
      {
        title: t('enforcement.leads.field.source'),
        key: 'source',
        responsive: ['md'],
        render: (_, l) => t(`enforcement.leads.source.${l.source}`),
      },
      {
        title: t('enforcement.leads.field.occurredAt'),
        key: 'occurredAt',
        sorter: true,
        responsive: ['sm'],
        render: (_, l) => formatInstant(l.occurredAt),
      },
      {
        title: t('enforcement.leads.field.evidence'),
        key: 'evidence',
        responsive: ['lg'],
        render: (_, l) => (
          <Space size={4} wrap>
            {l.evidence.map((e) => (
              <Typography.Link key={e.url} href={e.url} target="_blank" rel="noreferrer">
                {t(`enforcement.leads.evidenceKind.${e.kind}`)}
              </Typography.Link>
            ))}
          </Space>
        ),
      },
      {
        title: t('enforcement.leads.field.status'),
        key: 'status',
        render: (_, l) => (
          <Space direction="vertical" size={0}>
            <Tag color={STATUS_COLORS[l.status]}>{t(`enforcement.leads.status.${l.status}`)}</Tag>
            {l.caseNo ? <Typography.Text style={{ fontSize: 12 }}>{l.caseNo}</Typography.Text> : null}
            {l.reason ? (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {l.reason}
              </Typography.Text>
            ) : null}
          </Space>
        ),
      },
      ...(mayDecide
        ? [
            {
              title: t('enforcement.leads.field.decision'),
              key: 'actions',
              render: (_: unknown, l: EnforcementLead) =>
                l.status === 'pending' ? (
                  <Space size={4} wrap>
                    <Button size="small" type="primary" onClick={() => setFiling(seedOf(l, zone))}>
                      {t('enforcement.leads.file')}
                    </Button>
                    <Button size="small" onClick={() => setDeclining(l)}>
                      {t('enforcement.leads.decline')}
                    </Button>
                  </Space>
                ) : null,
            },
          ]
        : []),
    ],
    [t, mayDecide, zone, evidenceColumn],
  );

  return (
    <PageSection title={t('enforcement.leads.title')} testId="page-enforcement-leads">
      <ListPage<EnforcementLead, Filters>
        list={list}
        testId="leads"
        fetchPage={fetchPage}
        columns={columns}
        rowKey={(l) => l.id}
        defaultSort={{ sort: 'createdAt', order: 'desc' }}
        searchPlaceholder={t('enforcement.leads.searchPlaceholder')}
        {...(linked ? { initialSearch: linked } : {})}
        toolbar={
          <Space wrap>
            <Select<LeadStatus>
              allowClear
              placeholder={t('enforcement.leads.field.status')}
              value={list.filters.status}
              onChange={(status) => list.setFilters((f) => ({ ...f, status }))}
              options={LEAD_STATUSES.map((s) => ({ value: s, label: t(`enforcement.leads.status.${s}`) }))}
              style={{ width: 130 }}
              data-testid="leads-filter-status"
            />
            <Select<LeadSource>
              allowClear
              placeholder={t('enforcement.leads.field.source')}
              value={list.filters.source}
              onChange={(source) => list.setFilters((f) => ({ ...f, source }))}
              options={LEAD_SOURCES.map((s) => ({ value: s, label: t(`enforcement.leads.source.${s}`) }))}
              style={{ width: 140 }}
              data-testid="leads-filter-source"
            />
          </Space>
        }
      >
        <EnforcementCreateModal
          open={filing !== null}
          lead={filing ?? undefined}
          today={cityToday()}
          onClose={() => setFiling(null)}
          onCreated={(c) => {
            setFiling(null);
            list.saved(t('enforcement.leads.filed', { no: c.caseNo }));
          }}
        />
        <Modal
          open={declining !== null}
          title={declining ? t('enforcement.leads.declineTitle', { no: declining.leadNo }) : ''}
          okText={t('enforcement.leads.decline')}
          cancelText={t('common.cancel')}
          onOk={() => form.submit()}
          onCancel={() => setDeclining(null)}
          destroyOnHidden
        >
          <Form
            form={form}
            layout="vertical"
            onFinish={(v) =>
              void list
                .act(
                  () => enforcementApi.declineLead(declining!.id, { version: declining!.version, reason: v.reason }),
                  t('enforcement.leads.declined'),
                )
                .then(() => setDeclining(null))
            }
          >
            <Form.Item
              name="reason"
              label={t('enforcement.leads.reason')}
              rules={[{ required: true, min: 2, message: t('validation.required') }]}
            >
              <Input.TextArea rows={3} maxLength={1000} data-testid="lead-decline-reason" />
            </Form.Item>
          </Form>
        </Modal>
      </ListPage>
    </PageSection>
  );
}
