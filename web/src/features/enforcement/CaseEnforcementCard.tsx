import { useState } from 'react';
import { Card, List, Space, Tag, Typography } from 'antd';
import { useResource } from '../../api/use-resource.ts';
import { useI18n } from '../../i18n/context.ts';
import { useAuth } from '../auth/context.ts';
import { EnforcementDrawer } from './EnforcementDrawer.tsx';
import { enforcementApi } from './enforcement.api.ts';
import { label, STAGE_COLORS, yuan } from './labels.ts';

/**
 * On a 数字城管 case: the enforcement cases opened from it (the link back), for users who read enforcement cases.
 * Shows nothing when there are none.
 */
export function CaseEnforcementCard({ caseId }: { caseId: string }) {
  const { t, locale } = useI18n();
  const allowed = useAuth().me?.permissions.includes('enforcement.read') ?? false;
  const [open, setOpen] = useState<string | null>(null);
  const { data } = useResource(allowed ? (signal) => enforcementApi.forCityCase(caseId, signal) : null, [
    caseId,
    allowed,
  ]);
  if (!data?.items.length) return null;
  return (
    <Card size="small" title={t('enforcement.fromCase')} data-testid="case-enforcement">
      <List
        size="small"
        dataSource={data.items}
        renderItem={(c) => (
          <List.Item>
            <Space wrap>
              <Typography.Link onClick={() => setOpen(c.id)} data-testid={`case-enforcement-${c.caseNo}`}>
                {c.caseNo}
              </Typography.Link>
              <Tag color={STAGE_COLORS[c.stage]}>{label(locale, 'stage', c.stage)}</Tag>
              {c.decisionNo ? <span>{c.decisionNo}</span> : null}
              {c.fineFen !== null ? <span>{yuan(c.fineFen)}</span> : null}
            </Space>
          </List.Item>
        )}
      />
      <EnforcementDrawer id={open} onClose={() => setOpen(null)} />
    </Card>
  );
}
