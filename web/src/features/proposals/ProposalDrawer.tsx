import { Descriptions, Drawer, Space, Tag, Timeline, Typography } from 'antd';
import type { MessageKey } from '../../../../common/i18n/core.ts';
import { useResource } from '../../api/use-resource.ts';
import { formatInstant } from '../../components/format.ts';
import { useI18n } from '../../i18n/context.ts';
import { useAuth } from '../auth/context.ts';
import { ProposalReply } from './ProposalReply.tsx';
import { ProposalTasks } from './ProposalTasks.tsx';
import { proposalsApi, STATUS_COLORS, type Proposal } from './proposals.api.ts';

/** One item: its facts, the unit tasks, the reply with its approval, the proposer's rating and the history. */
export function ProposalDrawer({
  id,
  onClose,
  onChanged,
}: {
  id: string | null;
  onClose: () => void;
  onChanged: () => void;
}) {
  const { t } = useI18n();
  const { can } = useAuth();
  const { data, setData } = useResource(id ? (signal) => proposalsApi.get(id, signal) : null, [id]);
  const p = data && data.id === id ? data : null;
  const changed = (next: Proposal) => {
    setData(next);
    onChanged();
  };
  const open = p ? p.status === 'registered' || p.status === 'handling' : false;

  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      width={720}
      title={p ? `${p.proposalNo} ${p.title}` : t('proposals.detail.title')}
      data-testid="proposal-drawer"
    >
      {p ? (
        <Space direction="vertical" size={20} style={{ width: '100%' }}>
          <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered>
            <Descriptions.Item label={t('proposals.columns.body')}>{t(`proposals.body.${p.body}`)}</Descriptions.Item>
            <Descriptions.Item label={t('proposals.columns.status')}>
              <Tag color={STATUS_COLORS[p.status]}>{t(`proposals.status.${p.status}`)}</Tag>
              {p.overdue ? <Tag color="red">{t('proposals.overdue')}</Tag> : null}
            </Descriptions.Item>
            <Descriptions.Item label={t('proposals.columns.proposer')}>{p.proposer}</Descriptions.Item>
            <Descriptions.Item label={t('proposals.detail.session')}>{p.session ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('proposals.columns.role')}>
              {t(`proposals.role.${p.handlingRole}`)}
              {p.leadAgency ? ` · ${t('proposals.detail.leadAgency')}：${p.leadAgency}` : ''}
            </Descriptions.Item>
            <Descriptions.Item label={t('proposals.columns.assignedOn')}>{p.assignedOn}</Descriptions.Item>
            <Descriptions.Item label={t('proposals.columns.dueOn')}>{p.dueOn}</Descriptions.Item>
            <Descriptions.Item label={t('proposals.columns.tasks')}>
              {p.taskCount - p.openTasks}/{p.taskCount}
            </Descriptions.Item>
            <Descriptions.Item label={t('proposals.detail.content')} span={2}>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
                {p.content}
              </Typography.Paragraph>
            </Descriptions.Item>
          </Descriptions>
          <div>
            <Typography.Title level={5}>{t('proposals.detail.tasks')}</Typography.Title>
            <ProposalTasks p={p} canAssign={open && can('proposal.manage')} onChanged={changed} />
          </div>
          <div>
            <Typography.Title level={5}>{t('proposals.detail.reply')}</Typography.Title>
            <ProposalReply p={p} onChanged={changed} />
          </div>
          <div>
            <Typography.Title level={5}>{t('proposals.detail.history')}</Typography.Title>
            <Timeline
              items={p.history.map((h) => ({
                color:
                  h.kind === 'reply_returned'
                    ? 'red'
                    : h.kind === 'rated' || h.kind === 'reply_sent'
                      ? 'green'
                      : 'blue',
                children: `${formatInstant(h.at)} ${t(`proposals.event.${h.kind}` as MessageKey)}${h.by ? ` · ${h.by}` : ''}${
                  h.note
                    ? ` · ${h.kind === 'rated' ? t(`proposals.satisfaction.${h.note}` as MessageKey) : h.note}`
                    : ''
                }`,
              }))}
            />
          </div>
        </Space>
      ) : null}
    </Drawer>
  );
}
