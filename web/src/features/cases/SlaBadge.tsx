import { useEffect, useState } from 'react';
import { Space, Tag, Tooltip, Typography } from 'antd';
import type { SlaLevel } from '../../../../common/domain/case-channels.ts';
import { formatInstant } from '../../components/format.ts';
import { useI18n } from '../../i18n/context.ts';
import { STATUS_COLORS, statusLabel } from './labels.ts';
import { deadlineText, SLA_COLORS } from './sla.ts';

/** "Now" for relative deadline texts, refreshed every half minute. */
export function useNow(intervalMs = 30_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}

interface SlaProps {
  sla: { level: SlaLevel; deadline: string | null };
  /** defaults to the live clock; tests pass a fixed instant */
  now?: number;
  testId?: string;
}

/** The SLA colour dot and the deadline relative to now (剩余2小时 / 超期3小时 / 已暂停计时). */
export function SlaBadge({ sla, now, testId }: SlaProps) {
  const { t } = useI18n();
  const clock = useNow();
  const text = deadlineText(sla.deadline, sla.level, now ?? clock, t);
  const color = SLA_COLORS[sla.level] ?? SLA_COLORS.none;
  const title = sla.deadline
    ? `${t(`cases.sla.${sla.level}`)} · ${formatInstant(sla.deadline)}`
    : t(`cases.sla.${sla.level}`);
  return (
    <Tooltip title={title}>
      <Space size={6} data-testid={testId} data-level={sla.level} style={{ whiteSpace: 'nowrap' }}>
        <span
          role="img"
          aria-label={t(`cases.sla.${sla.level}`)}
          style={{
            display: 'inline-block',
            width: 10,
            height: 10,
            borderRadius: '50%',
            background: color,
            boxShadow: `0 0 0 3px ${color}33`,
          }}
        />
        <Typography.Text type={sla.level === 'red' ? 'danger' : sla.level === 'yellow' ? 'warning' : undefined}>
          {text}
        </Typography.Text>
      </Space>
    </Tooltip>
  );
}

/** The status as a coloured tag. */
export function StatusTag({ status, testId }: { status: string; testId?: string }) {
  const { locale } = useI18n();
  return (
    <Tag
      color={STATUS_COLORS[status] ?? 'default'}
      data-testid={testId}
      data-status={status}
      style={{ marginInlineEnd: 0 }}
    >
      {statusLabel(locale, status)}
    </Tag>
  );
}
