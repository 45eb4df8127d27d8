import { useState } from 'react';
import type { CaseDetail, CaseTransition } from '../../../../common/contracts/cases.ts';
import { LIMIT_UNITS, type LimitUnit } from '../../../../common/domain/catalog.ts';
import { errorText, isApiError } from '../../api/errors.ts';
import { useI18n } from '../../i18n/context.ts';
import { Button, TextArea, TextInput } from '../../phone/ui/controls.tsx';
import { toast } from '../../phone/ui/toast.tsx';
import { h5Api } from '../api/h5.api.ts';

const REQUESTS = ['request_return', 'request_extension', 'request_suspension'] as const;
type Request = (typeof REQUESTS)[number];

interface Props {
  detail: CaseDetail;
  online: boolean;
  onDone: () => void;
  onStale: () => void;
}

/** A local date-time for <input type="datetime-local">, a week from now (a suspension's usual first guess). */
function inAWeek(now = new Date()): string {
  const d = new Date(now.getTime() + 7 * 86_400_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/**
 * 回退, 延期 and 挂账 requests with their reason: the same transitions as the console's action panel; the command
 * centre approves them. They need an answer from the server, so they are offered only online.
 */
export function HandlerRequests({ detail, online, onDone, onStale }: Props) {
  const { t, locale } = useI18n();
  const [open, setOpen] = useState<Request | null>(null);
  const [reason, setReason] = useState('');
  const [amount, setAmount] = useState(String(detail.handlingLimit?.value ?? 1));
  const [unit, setUnit] = useState<LimitUnit>((detail.handlingLimit?.unit as LimitUnit | undefined) ?? 'work_days');
  const [until, setUntil] = useState(inAWeek);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const offered = REQUESTS.filter((r) => detail.allowedActions.includes(r));
  if (offered.length === 0 || detail.pendingRequest) return null;

  const submit = async (request: Request) => {
    const body: CaseTransition = { action: request, version: detail.version, note: reason.trim() };
    if (!reason.trim()) return setProblem(t('h5handler.request.reasonRequired'));
    if (request === 'request_extension') {
      const value = Number(amount);
      if (!(value > 0)) return setProblem(t('h5handler.request.amountInvalid'));
      Object.assign(body, { amountValue: value, amountUnit: unit });
    }
    if (request === 'request_suspension') {
      const at = new Date(until);
      if (!until || Number.isNaN(at.getTime())) return setProblem(t('h5handler.request.untilRequired'));
      body.until = at.toISOString();
    }
    setBusy(true);
    try {
      await h5Api.transition(detail.id, body);
      toast.success(t('h5handler.request.sent', { request: t(`h5handler.request.${request}`) }));
      onDone();
    } catch (error) {
      if (isApiError(error) && error.status === 409) onStale();
      toast.error(errorText(error, locale));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="h5-gap-top" data-testid="h5-handler-requests">
      <h2 className="h5-section-title">{t('h5handler.request.title')}</h2>
      <p className="ph-muted">{t('h5handler.request.hint')}</p>
      <div className="h5-action-row">
        {offered.map((request) => (
          <Button
            key={request}
            kind={open === request ? 'primary' : 'default'}
            disabled={!online}
            onClick={() => {
              setOpen(open === request ? null : request);
              setProblem(null);
            }}
            data-testid={`h5-request-${request}`}
          >
            {t(`h5handler.request.${request}`)}
          </Button>
        ))}
      </div>
      {open && online ? (
        <div className="h5-gap-top" data-testid="h5-request-form">
          <label className="h5-section-title" htmlFor="h5-request-reason">
            {t('h5handler.request.reason')}
          </label>
          <TextArea
            id="h5-request-reason"
            value={reason}
            onChange={(event) => {
              setReason(event.target.value);
              setProblem(null);
            }}
            placeholder={t('h5handler.request.reasonPlaceholder')}
            minRows={2}
            maxRows={5}
            maxLength={1000}
            data-testid="h5-request-reason"
          />
          {open === 'request_extension' ? (
            <div className="h5-request-amount">
              <label htmlFor="h5-request-amount">{t('h5handler.request.amount')}</label>
              <TextInput
                id="h5-request-amount"
                type="number"
                inputMode="decimal"
                min={0}
                value={amount}
                onChange={(event) => setAmount(event.target.value)}
                data-testid="h5-request-amount"
              />
              <select
                className="ph-input"
                value={unit}
                aria-label={t('catalog.condition.limitUnit')}
                onChange={(event) => setUnit(event.target.value as LimitUnit)}
              >
                {LIMIT_UNITS.map((u) => (
                  <option key={u} value={u}>
                    {t(`catalog.limitUnit.${u}`)}
                  </option>
                ))}
              </select>
            </div>
          ) : null}
          {open === 'request_suspension' ? (
            <div className="h5-request-amount">
              <label htmlFor="h5-request-until">{t('h5handler.request.until')}</label>
              <TextInput
                id="h5-request-until"
                type="datetime-local"
                value={until}
                onChange={(event) => setUntil(event.target.value)}
                data-testid="h5-request-until"
              />
            </div>
          ) : null}
          {problem ? (
            <div className="ph-error" role="alert" data-testid="h5-request-error">
              {problem}
            </div>
          ) : null}
          <Button
            size="large"
            block
            kind={open === 'request_return' ? 'danger' : 'primary'}
            loading={busy}
            onClick={() => void submit(open)}
            data-testid="h5-request-submit"
          >
            {t('h5handler.request.submit')}
          </Button>
        </div>
      ) : null}
    </div>
  );
}
