import { useEffect, useState } from 'react';
import { App, Button, Descriptions, Empty, Input, Radio, Space, Tag, Typography } from 'antd';
import { SATISFACTION_LEVELS, type SatisfactionLevel } from '../../../../common/domain/proposals.ts';
import { errorText } from '../../api/errors.ts';
import { formatInstant } from '../../components/format.ts';
import { useI18n } from '../../i18n/context.ts';
import { useAuth } from '../auth/context.ts';
import { proposalsApi, REPLY_COLORS, SATISFACTION_COLORS, type Proposal } from './proposals.api.ts';

/**
 * The reply and what may be done with it now: the office drafts and submits it, a leader approves or returns it,
 * the office sends the approved reply and records the proposer's rating. The server decides; these buttons only
 * follow its states.
 */
export function ProposalReply({ p, onChanged }: { p: Proposal; onChanged: (p: Proposal) => void }) {
  const { t, locale } = useI18n();
  const { can } = useAuth();
  const { message } = App.useApp();
  const [text, setText] = useState(p.reply.text ?? '');
  const [note, setNote] = useState('');
  const [level, setLevel] = useState<SatisfactionLevel>('satisfied');
  const [busy, setBusy] = useState<string | null>(null);
  useEffect(() => setText(p.reply.text ?? ''), [p.id, p.reply.text]);

  const run = async (key: string, call: () => Promise<Proposal>) => {
    setBusy(key);
    try {
      onChanged(await call());
      setNote('');
      void message.success(t('common.saved'));
    } catch (e) {
      void message.error(errorText(e, locale));
    } finally {
      setBusy(null);
    }
  };
  const open = p.status === 'registered' || p.status === 'handling';
  const manage = can('proposal.manage');
  const editable = open && manage && p.reply.status !== 'submitted' && p.reply.status !== 'approved';
  const r = p.reply;

  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="proposal-reply">
      {r.status ? (
        <Descriptions size="small" column={1} bordered>
          <Descriptions.Item label={t('proposals.columns.status')}>
            <Tag color={REPLY_COLORS[r.status]}>{t(`proposals.replyStatus.${r.status}`)}</Tag>
            {r.sentAt ? <Tag color="cyan">{t('proposals.status.replied')}</Tag> : null}
          </Descriptions.Item>
          <Descriptions.Item label={t('proposals.detail.draftedBy')}>{r.draftedByName ?? '—'}</Descriptions.Item>
          {r.decidedByName ? (
            <Descriptions.Item label={t('proposals.detail.decidedBy')}>
              {r.decidedByName} · {formatInstant(r.decidedAt)}
              {r.decisionNote ? <div>{r.decisionNote}</div> : null}
            </Descriptions.Item>
          ) : null}
          {r.sentAt ? (
            <Descriptions.Item label={t('proposals.detail.sentAt')}>{formatInstant(r.sentAt)}</Descriptions.Item>
          ) : null}
          {!editable ? (
            <Descriptions.Item label={t('proposals.detail.reply')}>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{r.text}</Typography.Paragraph>
            </Descriptions.Item>
          ) : null}
        </Descriptions>
      ) : !editable ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('proposals.detail.noReply')} />
      ) : null}

      {editable ? (
        <>
          <Input.TextArea
            rows={5}
            maxLength={10_000}
            value={text}
            onChange={(e) => setText(e.target.value)}
            data-testid="proposal-reply-text"
          />
          <Space wrap>
            <Button
              disabled={!text.trim()}
              loading={busy === 'draft'}
              onClick={() => void run('draft', () => proposalsApi.draft(p.id, text))}
              data-testid="proposal-reply-draft"
            >
              {t('proposals.detail.draft')}
            </Button>
            {r.status === 'draft' || r.status === 'returned' ? (
              <Button
                type="primary"
                loading={busy === 'submit'}
                disabled={text !== (r.text ?? '')}
                onClick={() => void run('submit', () => proposalsApi.submit(p.id))}
                data-testid="proposal-reply-submit"
              >
                {t('proposals.detail.submit')}
              </Button>
            ) : null}
          </Space>
        </>
      ) : null}

      {open && r.status === 'submitted' && can('proposal.approve') ? (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Input
            value={note}
            maxLength={1000}
            onChange={(e) => setNote(e.target.value)}
            placeholder={`${t('proposals.detail.approveNote')} / ${t('proposals.detail.returnNote')}`}
            data-testid="proposal-reply-note"
          />
          <Space>
            <Button
              type="primary"
              loading={busy === 'approve'}
              onClick={() => void run('approve', () => proposalsApi.approve(p.id, note.trim() || undefined))}
              data-testid="proposal-reply-approve"
            >
              {t('proposals.detail.approve')}
            </Button>
            <Button
              danger
              disabled={!note.trim()}
              loading={busy === 'return'}
              onClick={() => void run('return', () => proposalsApi.return(p.id, note))}
              data-testid="proposal-reply-return"
            >
              {t('proposals.detail.return')}
            </Button>
          </Space>
        </Space>
      ) : null}

      {open && r.status === 'approved' && manage ? (
        <Button
          type="primary"
          loading={busy === 'send'}
          onClick={() => void run('send', () => proposalsApi.send(p.id))}
          data-testid="proposal-reply-send"
        >
          {t('proposals.detail.send')}
        </Button>
      ) : null}

      {p.satisfaction ? (
        <Descriptions size="small" column={1} bordered>
          <Descriptions.Item label={t('proposals.columns.satisfaction')}>
            <Tag color={SATISFACTION_COLORS[p.satisfaction]}>{t(`proposals.satisfaction.${p.satisfaction}`)}</Tag>
            {formatInstant(p.ratedAt)}
            {p.satisfactionNote ? <div>{p.satisfactionNote}</div> : null}
          </Descriptions.Item>
        </Descriptions>
      ) : p.status === 'replied' && manage ? (
        <Space direction="vertical" style={{ width: '100%' }} data-testid="proposal-rate">
          <Typography.Text strong>{t('proposals.detail.rate')}</Typography.Text>
          <Radio.Group
            value={level}
            onChange={(e) => setLevel(e.target.value as SatisfactionLevel)}
            options={SATISFACTION_LEVELS.map((l) => ({ value: l, label: t(`proposals.satisfaction.${l}`) }))}
          />
          <Input
            value={note}
            maxLength={1000}
            onChange={(e) => setNote(e.target.value)}
            placeholder={t('proposals.detail.ratingNote')}
          />
          <Button
            type="primary"
            loading={busy === 'rate'}
            onClick={() => void run('rate', () => proposalsApi.rate(p.id, { level, ...(note.trim() ? { note } : {}) }))}
            data-testid="proposal-rate-save"
          >
            {t('proposals.detail.rate')}
          </Button>
        </Space>
      ) : null}
    </Space>
  );
}
