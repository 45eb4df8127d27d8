import { Card, Typography } from 'antd';
import { formatInstant } from '../../components/format.ts';
import { useI18n } from '../../i18n/context.ts';
import type { CaseDetail } from './cases.api.ts';

/** The latest 处置反馈 (report back) of a case: what the handler says was done, for whoever checks it. */
export function lastReportBack(detail: CaseDetail) {
  return [...detail.timeline].reverse().find((e) => e.action === 'report_back') ?? null;
}

/** The handler's note beside the after-photos, while the result waits for its 核查 or close. */
export function ReportBackNote({ detail }: { detail: CaseDetail }) {
  const { t } = useI18n();
  const event = lastReportBack(detail);
  if (!event || !['reported_back', 'checking', 'pending_close'].includes(detail.status)) return null;
  return (
    <Card size="small" title={t('cases.detail.reportBack')} data-testid="case-report-back">
      <Typography.Paragraph style={{ marginBottom: 4, whiteSpace: 'pre-wrap' }} data-testid="case-report-back-note">
        {event.note ?? <Typography.Text type="secondary">{t('cases.detail.reportBackNoNote')}</Typography.Text>}
      </Typography.Paragraph>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('cases.detail.reportBackBy', { name: event.actorName ?? '—', at: formatInstant(event.at) })}
      </Typography.Text>
    </Card>
  );
}
