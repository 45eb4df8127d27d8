import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { Descriptions, Flex, Space, Tag, Typography } from 'antd';
import { formatInstant } from '../../components/format.ts';
import { useI18n } from '../../i18n/context.ts';
import type { CaseDetail } from './cases.api.ts';
import { channelLabel, closeTypeLabel, limitUnitLabel, requestLabel, voidReasonLabel } from './labels.ts';
import { SlaBadge, StatusTag } from './SlaBadge.tsx';
import { SupportersTag } from './SupportersTag.tsx';

/** Case number, status, SLA and the deadlines, with the flags that need attention (pending request, 督办). */
export function CaseHeader({ detail }: { detail: CaseDetail }) {
  const { t, locale } = useI18n();
  return (
    <Flex vertical gap={8} data-testid="case-header">
      <Flex align="center" wrap gap={12}>
        <Typography.Title level={4} style={{ margin: 0, fontFamily: 'monospace' }} data-testid="case-no">
          {detail.caseNo}
        </Typography.Title>
        <StatusTag status={detail.status} testId="case-status" />
        <SlaBadge sla={detail.sla} testId="case-sla" />
        {detail.pendingRequest ? (
          <Tag color="gold">{t('cases.pendingRequest', { kind: requestLabel(locale, detail.pendingRequest) })}</Tag>
        ) : null}
        {detail.escalated ? <Tag color="red">{t('cases.detail.escalated')}</Tag> : null}
        {detail.overdue ? <Tag color="error">{t('cases.inbox.overdue')}</Tag> : null}
        {detail.unstaffed ? (
          <Tag color="volcano" data-testid="case-header-unstaffed">
            {t('cases.unstaffed')}
          </Tag>
        ) : null}
        <SupportersTag caseId={detail.id} />
      </Flex>
      <Space size={[24, 2]} wrap>
        <Typography.Text type="secondary">
          {t('cases.detail.labeled', { label: t('cases.field.reportedAt'), value: formatInstant(detail.reportedAt) })}
        </Typography.Text>
        <Typography.Text type="secondary">
          {t('cases.detail.labeled', {
            label: t('cases.field.stepDeadline'),
            value: formatInstant(detail.stepDeadline),
          })}
        </Typography.Text>
        <Typography.Text type="secondary">
          {t('cases.detail.labeled', {
            label: t('cases.field.handlingDeadline'),
            value: formatInstant(detail.handlingDeadline),
          })}
        </Typography.Text>
      </Space>
    </Flex>
  );
}

/** The case's facts; rows without a value are left out. */
export function CaseInfo({ detail }: { detail: CaseDetail }) {
  const { t, locale } = useI18n();
  const rows: { key: string; label: string; value: ReactNode }[] = [
    { key: 'matter', label: t('cases.field.matter'), value: `${detail.matterCode} ${detail.matterName ?? ''}` },
    { key: 'description', label: t('cases.field.description'), value: detail.description },
    { key: 'address', label: t('cases.field.address'), value: detail.address },
    {
      key: 'street',
      label: t('cases.field.street'),
      value: [detail.streetName, detail.communityName].filter(Boolean).join(' · ') || null,
    },
    { key: 'grid', label: t('cases.field.grid'), value: detail.gridCode },
    { key: 'channel', label: t('cases.field.channel'), value: channelLabel(locale, detail.channel) },
    {
      key: 'reporter',
      label: t('cases.field.reporterName'),
      value: [detail.reporterName, detail.reporterPhone].filter(Boolean).join(' ') || null,
    },
    { key: 'component', label: t('cases.field.component'), value: detail.componentCode },
    { key: 'filingCondition', label: t('cases.field.filingCondition'), value: detail.filingCondition },
    {
      key: 'limit',
      label: t('cases.field.handlingLimit'),
      value: detail.handlingLimit
        ? `${detail.handlingLimit.value} ${limitUnitLabel(locale, detail.handlingLimit.unit)}`
        : null,
    },
    { key: 'unit', label: t('cases.field.unit'), value: detail.unitName },
    { key: 'handler', label: t('cases.field.handler'), value: detail.handlerName },
    { key: 'taskUser', label: t('cases.field.taskUser'), value: detail.taskUserName },
    {
      key: 'suspendedUntil',
      label: t('cases.field.suspendedUntil'),
      value: detail.suspendedUntil ? formatInstant(detail.suspendedUntil) : null,
    },
    { key: 'extensionCount', label: t('cases.field.extensionCount'), value: detail.extensionCount || null },
    { key: 'reworkCount', label: t('cases.field.reworkCount'), value: detail.reworkCount || null },
    { key: 'mergedCount', label: t('cases.field.mergedCount'), value: detail.mergedCount || null },
    {
      key: 'closeType',
      label: t('cases.field.closeType'),
      value: detail.closeType ? closeTypeLabel(locale, detail.closeType) : null,
    },
    {
      key: 'voidReason',
      label: t('cases.field.voidReason'),
      value: detail.voidReason ? voidReasonLabel(locale, detail.voidReason) : null,
    },
    {
      key: 'closedAt',
      label: t('cases.field.closedAt'),
      value: detail.closedAt ? formatInstant(detail.closedAt) : null,
    },
    {
      key: 'parent',
      label: t('cases.detail.parent'),
      value: detail.parentId ? (
        <Link to={`/cases/${encodeURIComponent(detail.parentId)}`}>{t('cases.detail.parent')}</Link>
      ) : null,
    },
  ];
  const shown = rows.filter((r) => r.value !== null && r.value !== undefined && r.value !== '');
  return (
    <Descriptions
      size="small"
      column={{ xs: 1, sm: 2, lg: 1, xxl: 2 }}
      bordered
      data-testid="case-info"
      items={shown.map((r) => ({
        key: r.key,
        label: r.label,
        children: r.value,
        span: r.key === 'description' ? 'filled' : 1,
      }))}
    />
  );
}
