import { Link } from 'react-router-dom';
import { Flex, Space, Tag, Typography } from 'antd';
import { formatInstant } from '../../components/format.ts';
import { useI18n } from '../../i18n/context.ts';
import type { CaseSummary } from './cases.api.ts';
import { channelLabel, requestLabel } from './labels.ts';
import { SlaBadge, StatusTag } from './SlaBadge.tsx';

/** The status of a case in a list: its state, a request waiting for approval, 督办, and 单位无人处置. */
export function CaseStatusTags({ c }: { c: CaseSummary }) {
  const { t, locale } = useI18n();
  return (
    <Space size={4} wrap>
      <StatusTag status={c.status} />
      {c.pendingRequest ? (
        <Tag color="gold">{t('cases.pendingRequest', { kind: requestLabel(locale, c.pendingRequest) })}</Tag>
      ) : null}
      {c.escalated ? <Tag color="red">{t('cases.detail.escalated')}</Tag> : null}
      {c.unstaffed ? (
        <Tag color="volcano" data-testid="case-unstaffed">
          {t('cases.unstaffed')}
        </Tag>
      ) : null}
    </Space>
  );
}

/** One case of the inbox on a phone: number, matter, deadline, status, place, unit and channel, stacked. */
export function CaseCard({ c }: { c: CaseSummary }) {
  const { locale } = useI18n();
  return (
    <Flex vertical gap={4} data-testid={`case-card-${c.caseNo}`}>
      <Flex justify="space-between" align="center" gap={8} wrap>
        <Link
          to={`/cases/${encodeURIComponent(c.id)}`}
          data-testid={`case-row-${c.caseNo}`}
          style={{ fontFamily: 'monospace' }}
        >
          {c.caseNo}
        </Link>
        <SlaBadge sla={c.sla} />
      </Flex>
      <Typography.Text strong>{c.matterName ?? c.matterCode}</Typography.Text>
      <Typography.Text ellipsis>{c.address ?? c.description}</Typography.Text>
      <CaseStatusTags c={c} />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {[
          [c.streetName, c.communityName].filter(Boolean).join(' '),
          c.unitName,
          channelLabel(locale, c.channel),
          formatInstant(c.reportedAt),
        ]
          .filter(Boolean)
          .join(' · ')}
      </Typography.Text>
    </Flex>
  );
}
