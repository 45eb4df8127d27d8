import { useState } from 'react';
import { App, Button, Card, List, Space, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useResource } from '../../api/use-resource.ts';
import { dayjs, DATE_FORMAT } from '../../components/dates.ts';
import { useI18n } from '../../i18n/context.ts';
import { useAuth } from '../auth/context.ts';
import { EnforcementCreateModal } from './EnforcementCreateModal.tsx';
import { EnforcementDrawer } from './EnforcementDrawer.tsx';
import { enforcementApi } from './enforcement.api.ts';
import { label, STAGE_COLORS, yuan } from './labels.ts';

/**
 * On a 数字城管 case: the enforcement cases opened from it (the link back) for users who read enforcement cases,
 * and 立案 from it in one step for those who open them. Shows nothing to anyone else, or when there is nothing to show.
 */
export function CaseEnforcementCard({ caseId }: { caseId: string }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const permissions = useAuth().me?.permissions ?? [];
  const allowed = permissions.includes('enforcement.read');
  const canFile = permissions.includes('enforcement.file');
  const [open, setOpen] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const { data, reload } = useResource(allowed ? (signal) => enforcementApi.forCityCase(caseId, signal) : null, [
    caseId,
    allowed,
  ]);
  if (!allowed || !data || (!data.items.length && !canFile)) return null;
  return (
    <Card
      size="small"
      title={t('enforcement.fromCase')}
      data-testid="case-enforcement"
      extra={
        canFile ? (
          <Button
            size="small"
            icon={<PlusOutlined />}
            onClick={() => setCreating(true)}
            data-testid="case-enforcement-create"
          >
            {t('enforcement.create.button')}
          </Button>
        ) : null
      }
    >
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
              {c.decisionNo ? <span style={{ whiteSpace: 'nowrap' }}>{c.decisionNo}</span> : null}
              {c.fineFen !== null ? <span>{yuan(c.fineFen)}</span> : null}
            </Space>
          </List.Item>
        )}
      />
      {/* A step in the drawer (立案, payment…) changes the stage and numbers shown here: reload with it. */}
      <EnforcementDrawer id={open} onClose={() => setOpen(null)} onChanged={reload} />
      <EnforcementCreateModal
        open={creating}
        caseId={caseId}
        today={dayjs().format(DATE_FORMAT)}
        onClose={() => setCreating(false)}
        onCreated={(created) => {
          setCreating(false);
          void message.success(t('enforcement.create.done'));
          reload();
          setOpen(created.id);
        }}
      />
    </Card>
  );
}
