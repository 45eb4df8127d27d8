import { useEffect, useState } from 'react';
import { Alert, Button, Card, Checkbox, Flex, Input, Radio, Space, Typography } from 'antd';
import { SATISFACTIONS, type HotlineAction, type Satisfaction } from '../../../../common/contracts/hotline.ts';
import { fieldErrorsOf } from '../../api/errors.ts';
import { useResource } from '../../api/use-resource.ts';
import { useI18n } from '../../i18n/context.ts';
import { MatterPicker } from '../cases/CaseSelects.tsx';
import { PointMap, type LngLat } from '../cases/PointMap.tsx';
import { PlacePicker } from '../gazetteer/PlacePicker.tsx';
import { hotlineApi, type HotlineOrderDetail } from './hotline.api.ts';
import { hotlineErrorText, label } from './labels.ts';

interface Props {
  order: HotlineOrderDetail;
  onChanged: (next: HotlineOrderDetail) => void;
}

/** 签收 / 退回 / 转为案件 (matter + map pin) / 办理答复 / 回访: only the actions the server offers for this order. */
export function HotlineActions({ order, onChanged }: Props) {
  const { t, locale } = useI18n();
  const [open, setOpen] = useState<HotlineAction | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [reason, setReason] = useState('');
  const [matterCode, setMatterCode] = useState<string | undefined>();
  const [point, setPoint] = useState<LngLat | null>(null);
  const [description, setDescription] = useState(order.content);
  const [reply, setReply] = useState('');
  const [satisfaction, setSatisfaction] = useState<Satisfaction>('satisfied');
  const [note, setNote] = useState('');
  const [reopen, setReopen] = useState(false);
  const actions = order.allowedActions;

  useEffect(() => {
    setOpen(null);
    setError(null);
  }, [order.status]);

  // The reply form starts from the server's draft (the case's outcome in words); the user edits it freely.
  const draft = useResource(open === 'reply' ? (signal) => hotlineApi.replyDraft(order.id, signal) : null, [
    open,
    order.id,
  ]);
  useEffect(() => {
    if (draft.data) setReply(draft.data.text);
  }, [draft.data]);
  useEffect(() => {
    if (draft.error) setError(draft.error);
  }, [draft.error]);

  const run = async (call: () => Promise<HotlineOrderDetail>) => {
    setBusy(true);
    setError(null);
    try {
      onChanged(await call());
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  if (actions.length === 0) return null;
  const fieldText = fieldErrorsOf(error)
    .map((f) => f.message)
    .filter(Boolean)
    .join('；');
  const toggle = (a: HotlineAction) => {
    setError(null);
    setOpen((cur) => (cur === a ? null : a));
  };

  return (
    <Card size="small" data-testid="hotline-actions">
      <Flex vertical gap={12}>
        <Space wrap>
          {actions.includes('sign') ? (
            <Button
              type="primary"
              loading={busy}
              onClick={() => void run(() => hotlineApi.sign(order))}
              data-testid="hotline-action-sign"
            >
              {t('hotline.drawer.sign')}
            </Button>
          ) : null}
          {(['convert', 'reply', 'revisit', 'return'] as const)
            .filter((a) => actions.includes(a))
            .map((a) => (
              <Button
                key={a}
                type={open === a ? 'primary' : 'default'}
                danger={a === 'return'}
                onClick={() => toggle(a)}
                data-testid={`hotline-action-${a}`}
              >
                {t(`hotline.drawer.${a}`)}
              </Button>
            ))}
        </Space>
        {error ? (
          <Alert
            type="error"
            showIcon
            title={hotlineErrorText(error, locale)}
            description={fieldText || undefined}
            data-testid="hotline-action-error"
          />
        ) : null}
        {open === 'return' ? (
          <Flex vertical gap={8}>
            <Typography.Text>{t('hotline.drawer.returnReason')}</Typography.Text>
            <Input.TextArea
              rows={3}
              maxLength={1000}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              placeholder={t('hotline.drawer.returnPlaceholder')}
              data-testid="hotline-return-reason"
            />
            <Button
              danger
              type="primary"
              disabled={!reason.trim()}
              loading={busy}
              onClick={() => void run(() => hotlineApi.returnOrder(order, { reason }))}
              style={{ alignSelf: 'flex-start' }}
              data-testid="hotline-return-submit"
            >
              {t('hotline.drawer.return')}
            </Button>
          </Flex>
        ) : null}
        {open === 'convert' ? (
          <Flex vertical gap={8}>
            <Typography.Text type="secondary">{t('hotline.drawer.convertHint')}</Typography.Text>
            <Typography.Text>{t('hotline.field.matter')}</Typography.Text>
            <MatterPicker
              value={matterCode}
              onChange={(v) => setMatterCode(v ?? undefined)}
              placeholder={t('hotline.field.matter')}
              style={{ width: '100%' }}
              data-testid="hotline-convert-matter"
            />
            <Typography.Text>{t('hotline.field.location')}</Typography.Text>
            <PlacePicker onPick={(p) => setPoint({ lng: p.lng, lat: p.lat })} testId="hotline-convert-place" />
            <PointMap value={point} onPick={setPoint} height={260} testId="hotline-convert-map" />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {point ? `${point.lng}, ${point.lat}` : t('hotline.drawer.pickPoint')}
            </Typography.Text>
            <Typography.Text>{t('hotline.field.description')}</Typography.Text>
            <Input.TextArea
              rows={3}
              maxLength={4000}
              value={description}
              onChange={(e) => setDescription(e.target.value)}
              data-testid="hotline-convert-description"
            />
            <Button
              type="primary"
              disabled={!matterCode || !point || !description.trim()}
              loading={busy}
              onClick={() =>
                void run(() =>
                  hotlineApi.convert(order, {
                    matterCode: matterCode ?? '',
                    lng: point?.lng ?? 0,
                    lat: point?.lat ?? 0,
                    description,
                  }),
                )
              }
              style={{ alignSelf: 'flex-start' }}
              data-testid="hotline-convert-submit"
            >
              {t('hotline.drawer.convert')}
            </Button>
          </Flex>
        ) : null}
        {open === 'reply' ? (
          <Flex vertical gap={8}>
            <Typography.Text type="secondary">{t('hotline.drawer.replyHint')}</Typography.Text>
            <Input.TextArea
              rows={9}
              maxLength={4000}
              value={reply}
              onChange={(e) => setReply(e.target.value)}
              data-testid="hotline-reply-text"
            />
            <Button
              type="primary"
              disabled={!reply.trim()}
              loading={busy}
              onClick={() => void run(() => hotlineApi.reply(order, { text: reply }))}
              style={{ alignSelf: 'flex-start' }}
              data-testid="hotline-reply-submit"
            >
              {t('hotline.drawer.pushReply')}
            </Button>
          </Flex>
        ) : null}
        {open === 'revisit' ? (
          <Flex vertical gap={8}>
            <Radio.Group
              value={satisfaction}
              onChange={(e) => setSatisfaction(e.target.value as Satisfaction)}
              data-testid="hotline-revisit-satisfaction"
              options={SATISFACTIONS.map((s) => ({ value: s, label: label(locale, 'satisfaction', s) }))}
            />
            <Input.TextArea
              rows={2}
              maxLength={1000}
              value={note}
              onChange={(e) => setNote(e.target.value)}
              placeholder={t('hotline.field.revisitNote')}
              data-testid="hotline-revisit-note"
            />
            {satisfaction === 'unsatisfied' ? (
              <Checkbox
                checked={reopen}
                onChange={(e) => setReopen(e.target.checked)}
                data-testid="hotline-revisit-reopen"
              >
                {t('hotline.drawer.reopen')}
              </Checkbox>
            ) : null}
            <Button
              type="primary"
              loading={busy}
              onClick={() =>
                void run(() =>
                  hotlineApi.revisit(order, {
                    satisfaction,
                    note: note.trim() || null,
                    reopen: satisfaction === 'unsatisfied' && reopen,
                  }),
                )
              }
              style={{ alignSelf: 'flex-start' }}
              data-testid="hotline-revisit-submit"
            >
              {t('hotline.drawer.revisit')}
            </Button>
          </Flex>
        ) : null}
      </Flex>
    </Card>
  );
}
