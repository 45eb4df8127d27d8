import { useCallback, useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { App, Button, Descriptions, Empty, Grid, Input, List, Space, Tag, Typography } from 'antd';
import type { MessageKey } from '../../../../common/i18n/core.ts';
import { errorText } from '../../api/errors.ts';
import { useResource } from '../../api/use-resource.ts';
import { formatInstant } from '../../components/format.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { PageSection } from '../../components/PageSection.tsx';
import { useI18n } from '../../i18n/context.ts';
import { useAuth } from '../auth/context.ts';
import { visionApi, type VisionEvent } from './vision.api.ts';

/** The 线索研判 list opened on one lead (its number as the search, whatever its status). */
const leadHref = (leadNo: string) => `/enforcement/leads?q=${encodeURIComponent(leadNo)}`;

/** Keys the desk answers to, unless the reviewer is typing a note. */
const KEYS = { confirm: 'y', reject: 'n', next: 'j', prev: 'k' } as const;

/**
 * 智能识别核实: the events whose case waits for 核实, the image at full size beside what the model saw; Y confirms
 * (the case is accepted and goes on to 立案), N marks a false positive (the case is voided), J/K move along.
 */
export function ReviewDeskPage() {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  // side by side from md up; on a phone the list takes the full width above the image
  const wide = Grid.useBreakpoint().md ?? true;
  const desk = useResource((signal) => visionApi.desk({ pageSize: 50 }, signal), []);
  const [index, setIndex] = useState(0);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const items = desk.data?.items ?? [];
  const current: VisionEvent | undefined = items[Math.min(index, items.length - 1)];

  const navigate = useNavigate();
  const mayReadLeads = useAuth().can('lead.read');
  /**
   * The confirmation handed a 线索 to enforcement: say so by its number, with the way to it for whoever may read
   * leads. The notice stays longer than a plain "saved" so the link can be used. The message renders outside the
   * router, so the link navigates through the page's own navigate.
   */
  const leadNotice = useCallback(
    (lead: { id: string; leadNo: string }) => {
      const key = `vision-lead-${lead.id}`;
      void message.success({
        key,
        duration: 10,
        content: (
          <span data-testid="review-lead-notice">
            {t('vision.review.confirmedLead', { leadNo: lead.leadNo })}
            {mayReadLeads ? (
              <Typography.Link
                href={leadHref(lead.leadNo)}
                style={{ marginLeft: 8 }}
                data-testid="review-lead-link"
                onClick={(e) => {
                  e.preventDefault();
                  message.destroy(key);
                  void navigate(leadHref(lead.leadNo));
                }}
              >
                {t('vision.review.openLead')}
              </Typography.Link>
            ) : null}
          </span>
        ),
      });
    },
    [message, t, mayReadLeads, navigate],
  );

  const act = useCallback(
    async (action: 'confirm' | 'reject') => {
      if (!current || busy) return;
      setBusy(true);
      try {
        const body = note.trim() ? { note: note.trim() } : {};
        if (action === 'confirm') {
          const done = await visionApi.confirm(current.id, body);
          if (done.lead) leadNotice(done.lead);
          else void message.success(t('vision.review.confirmed'));
        } else {
          await visionApi.reject(current.id, body);
          void message.success(t('vision.review.rejectedDone'));
        }
        setNote('');
        desk.reload();
      } catch (error) {
        void message.error(errorText(error, locale));
      } finally {
        setBusy(false);
      }
    },
    [current, busy, note, message, t, locale, desk, leadNotice],
  );

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target instanceof HTMLElement ? e.target : null;
      if (e.ctrlKey || e.metaKey || e.altKey || target?.closest('input, textarea, [contenteditable="true"]')) return;
      const key = e.key.toLowerCase();
      if (key === KEYS.confirm) void act('confirm');
      else if (key === KEYS.reject) void act('reject');
      else if (key === KEYS.next) setIndex((i) => Math.min(i + 1, Math.max(items.length - 1, 0)));
      else if (key === KEYS.prev) setIndex((i) => Math.max(i - 1, 0));
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [act, items.length]);

  if (desk.error) return <LoadError error={desk.error} onRetry={desk.reload} />;
  return (
    <PageSection title={t('vision.review.title')} testId="page-vision-review">
      <Typography.Paragraph type="secondary">
        {t('vision.review.count', { count: desk.data?.total ?? 0 })} · {t('vision.review.keys')}
      </Typography.Paragraph>
      {!desk.loading && items.length === 0 ? (
        <Empty description={t('vision.review.empty')} />
      ) : (
        <div style={{ display: 'flex', gap: 16, flexWrap: 'wrap', alignItems: 'flex-start' }}>
          <List<VisionEvent>
            style={{ flex: '1 1 240px', maxWidth: wide ? 320 : undefined }}
            bordered
            size="small"
            loading={desk.loading}
            dataSource={items}
            renderItem={(e, i) => (
              <List.Item
                onClick={() => setIndex(i)}
                style={{ cursor: 'pointer', background: e.id === current?.id ? '#e6f4ff' : undefined }}
                data-testid={`review-item-${e.eventId}`}
              >
                <Space direction="vertical" size={0}>
                  <span>
                    {t(`vision.class.${e.class}` as MessageKey)} <Tag>{e.confidence.toFixed(2)}</Tag>
                  </span>
                  <Typography.Text type="secondary">
                    {e.sourceName} · {formatInstant(e.at)}
                  </Typography.Text>
                </Space>
              </List.Item>
            )}
          />
          {current && (
            <div style={{ flex: '3 1 480px', minWidth: 0 }} data-testid="review-current">
              {current.photoUrl ? (
                <img
                  src={current.photoUrl}
                  alt={t(`vision.class.${current.class}` as MessageKey)}
                  style={{ width: '100%', height: 'auto', display: 'block', background: '#000' }}
                  data-testid="review-image"
                />
              ) : (
                <Empty description={t('vision.review.noImage')} />
              )}
              <Descriptions size="small" column={{ xs: 1, md: 2 }} style={{ marginTop: 12 }}>
                <Descriptions.Item label={t('vision.review.source')}>
                  {current.sourceName} ({t(`vision.kind.${current.sourceKind}`)})
                </Descriptions.Item>
                <Descriptions.Item label={t('vision.review.at')}>{formatInstant(current.at)}</Descriptions.Item>
                <Descriptions.Item label={t('vision.review.confidence')}>
                  {current.confidence.toFixed(2)} / {t('vision.review.threshold')} {current.threshold.toFixed(2)}
                </Descriptions.Item>
                <Descriptions.Item label={t('vision.review.case')}>
                  {current.caseId ? (
                    <Link to={`/cases/${encodeURIComponent(current.caseId)}`}>{current.caseNo}</Link>
                  ) : (
                    '—'
                  )}
                </Descriptions.Item>
                <Descriptions.Item label={t('vision.review.position')}>
                  {current.lng.toFixed(5)}, {current.lat.toFixed(5)}
                </Descriptions.Item>
              </Descriptions>
              <Input.TextArea
                value={note}
                onChange={(e) => setNote(e.target.value)}
                maxLength={500}
                rows={2}
                placeholder={t('vision.review.note')}
                style={{ margin: '8px 0' }}
              />
              <Space wrap>
                <Button type="primary" loading={busy} onClick={() => void act('confirm')} data-testid="review-confirm">
                  {t('vision.review.confirm')}
                </Button>
                <Button danger loading={busy} onClick={() => void act('reject')} data-testid="review-reject">
                  {t('vision.review.reject')}
                </Button>
                <Button onClick={() => setIndex((i) => Math.max(i - 1, 0))}>{t('vision.review.prev')}</Button>
                <Button onClick={() => setIndex((i) => Math.min(i + 1, items.length - 1))}>
                  {t('vision.review.next')}
                </Button>
              </Space>
            </div>
          )}
        </div>
      )}
    </PageSection>
  );
}
