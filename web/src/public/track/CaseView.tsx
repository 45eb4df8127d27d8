import { useState } from 'react';

import { hasMessage } from '../../../../common/i18n/core.ts';
import { formatInstant } from '../../components/format.ts';
import { useI18n } from '../../i18n/context.ts';
import { publicApi, type PublicCaseView } from '../api/public.api.ts';
import { toast } from '../../phone/ui/toast.tsx';
import { Button, TextArea } from '../../phone/ui/controls.tsx';
import { Alert, Details, Tag } from '../../phone/ui/feedback.tsx';
import { SubscribeBox } from './SubscribeBox.tsx';

type Value = 'satisfied' | 'basically_satisfied' | 'unsatisfied';
const VALUES: Value[] = ['satisfied', 'basically_satisfied', 'unsatisfied'];
interface Props {
  view: PublicCaseView;
  token: string;
  onChange: (v: PublicCaseView) => void;
}

const STATUS_COLOR: Record<string, 'green' | 'grey' | 'blue' | 'orange'> = {
  closed: 'green',
  voided: 'grey',
  reported: 'blue',
  handling: 'orange',
};

/** One case as the public may see it: status, unit, deadline, photos, the public timeline; rating and reopening. */
export function CaseView({ view, token, onChange }: Props) {
  const { t } = useI18n();
  const label = (prefix: 'public.status' | 'public.action', key: string) => {
    const k = `${prefix}.${key}`;
    return hasMessage(k) ? t(k) : prefix === 'public.action' ? t('public.action.other') : key;
  };
  const closed = view.status === 'closed';
  const canReopen = closed && view.reopenUntil !== null && Date.parse(view.reopenUntil) > Date.now();

  return (
    <div data-testid="public-case" data-status={view.status}>
      <section className="phone-section pub-section">
        <div className="pub-row" style={{ justifyContent: 'space-between' }}>
          <span style={{ fontSize: 17, fontWeight: 600 }}>{view.matterName ?? view.matterCode}</span>
          <Tag color={STATUS_COLOR[view.status] ?? 'blue'} data-testid="public-case-status">
            {label('public.status', view.status)}
          </Tag>
        </div>
        <div className="ph-muted" data-testid="public-case-no">
          {view.caseNo}
        </div>
        <p style={{ margin: '8px 0', whiteSpace: 'pre-wrap' }}>{view.description}</p>
        {view.statusNotes ? (
          <Alert type={closed ? 'success' : 'info'} title={view.statusNotes} data-testid="public-case-note" />
        ) : null}
        <Details
          rows={[
            { key: 'reported', label: t('public.track.reportedAt'), value: formatInstant(view.reportedAt) },
            ...(view.address ? [{ key: 'address', label: t('public.track.address'), value: view.address }] : []),
            ...(view.unitName ? [{ key: 'unit', label: t('public.track.unit'), value: view.unitName }] : []),
            ...(view.open
              ? [
                  {
                    key: 'expected',
                    label: t('public.track.expectedAt'),
                    value: view.expectedAt ? formatInstant(view.expectedAt) : t('public.track.beingAccepted'),
                  },
                ]
              : []),
            ...(view.closedAt
              ? [{ key: 'closed', label: t('public.track.closedAt'), value: formatInstant(view.closedAt) }]
              : []),
          ]}
        />
        {view.photos.length ? (
          <div className="pub-thumbs" data-testid="public-case-photos">
            {view.photos.map((p) => (
              <a key={p.id} href={p.url} target="_blank" rel="noreferrer">
                <img src={p.thumbUrl} width={72} height={72} alt="" />
              </a>
            ))}
          </div>
        ) : null}
      </section>
      {view.open ? <SubscribeBox caseNo={view.caseNo} /> : null}
      {closed ? <Rating view={view} token={token} onChange={onChange} /> : null}
      {closed ? (
        canReopen ? (
          <Reopen view={view} token={token} onChange={onChange} />
        ) : (
          <section className="phone-section pub-section ph-muted" data-testid="public-reopen-expired">
            {t('public.reopen.expired')}
          </section>
        )
      ) : null}
      <section className="phone-section pub-section">
        <div className="pub-section-title">{t('public.track.timeline')}</div>
        <ol className="pub-timeline" data-testid="public-timeline">
          {[...view.timeline].reverse().map((e) => (
            <li key={`${e.at}-${e.action}`}>
              <div data-action={e.action}>
                <div style={{ fontWeight: 600 }}>{label('public.action', e.action)}</div>
                <div className="ph-muted">
                  {formatInstant(e.at)}
                  {e.status && label('public.status', e.status) !== label('public.action', e.action)
                    ? ` · ${label('public.status', e.status)}`
                    : ''}
                </div>
                {e.note ? <div style={{ whiteSpace: 'pre-wrap' }}>{e.note}</div> : null}
              </div>
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}

function Rating({ view: v, token: tk, onChange: set }: Props) {
  const { t } = useI18n();
  const [value, setValue] = useState<Value | null>(null);
  const [note, setNote] = useState('');
  const [editing, setEditing] = useState(v.satisfaction === null);
  const [busy, setBusy] = useState(false);
  if (!editing && v.satisfaction) {
    return (
      <section className="phone-section pub-section pub-row" data-testid="public-rated" data-value={v.satisfaction}>
        <span style={{ flex: 1 }}>{t('public.rate.yours', { value: t(`public.rate.${v.satisfaction}`) })}</span>
        <Button onClick={() => setEditing(true)} data-testid="public-rate-change">
          {t('public.rate.change')}
        </Button>
      </section>
    );
  }
  const send = async () => {
    if (!value) return;
    setBusy(true);
    try {
      set(await publicApi.rate(tk, { value, ...(note.trim() ? { note: note.trim() } : {}) }));
      setEditing(false);
      toast.success(t('public.rate.thanks'));
    } catch (err) {
      toast.error(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="phone-section pub-section" data-testid="public-rate">
      <div className="pub-section-title">{t('public.rate.title')}</div>
      <div className="pub-rate-options" role="radiogroup" aria-label={t('public.rate.title')}>
        {VALUES.map((x) => (
          <label key={x} className={value === x ? 'checked' : undefined}>
            <input type="radio" name="pub-rate" value={x} checked={value === x} onChange={() => setValue(x)} />
            <span data-testid={`public-rate-${x}`}>{t(`public.rate.${x}`)}</span>
          </label>
        ))}
      </div>
      <TextArea
        value={note}
        onChange={(e) => setNote(e.target.value)}
        placeholder={t('public.rate.note')}
        maxLength={500}
        minRows={2}
        maxRows={5}
        style={{ marginTop: 10 }}
        data-testid="public-rate-note"
      />
      <Button
        kind="primary"
        block
        size="large"
        disabled={!value}
        loading={busy}
        onClick={() => void send()}
        style={{ marginTop: 10 }}
        data-testid="public-rate-submit"
      >
        {t('public.rate.submit')}
      </Button>
    </section>
  );
}

function Reopen({ view: v, token: tk, onChange: set }: Props) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const send = async () => {
    setTried(true);
    if (reason.trim().length < 5) return;
    setBusy(true);
    try {
      set(await publicApi.reopen(tk, reason.trim()));
      toast.success(t('public.reopen.done'));
    } catch (err) {
      toast.error(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="phone-section pub-section" data-testid="public-reopen">
      <div className="pub-section-title">{t('public.reopen.title')}</div>
      <div className="ph-muted">{t('public.reopen.hint', { until: formatInstant(v.reopenUntil) })}</div>
      <TextArea
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        placeholder={t('public.reopen.reason')}
        maxLength={500}
        minRows={2}
        maxRows={5}
        style={{ marginTop: 8 }}
        data-testid="public-reopen-reason"
      />
      {tried && reason.trim().length < 5 ? <div className="ph-error">{t('public.reopen.reasonRequired')}</div> : null}
      <Button
        kind="danger"
        block
        size="large"
        loading={busy}
        onClick={() => void send()}
        style={{ marginTop: 10 }}
        data-testid="public-reopen-submit"
      >
        {t('public.reopen.submit')}
      </Button>
    </section>
  );
}
