import { useCallback, useEffect, useState } from 'react';
import { idNumberProblem } from '../../../../common/domain/enforcement-identity.ts';
import { MOBILE_PATTERN } from '../../../../common/domain/citizen-report.ts';
import { verifyLottery, type LotteryCheck } from '../../../../common/domain/night-market-lottery.ts';
import { errorText } from '../../api/errors.ts';
import { formatInstant } from '../../components/format.ts';
import { useI18n } from '../../i18n/context.ts';
import { Button, TextInput } from '../../phone/ui/controls.tsx';
import { Alert, Details, Empty, LoadError, Loading, Tag } from '../../phone/ui/feedback.tsx';
import { nightMarketApi, type PublicRound } from './night-market.api.ts';
import './night-market.css';

const MOBILE = new RegExp(MOBILE_PATTERN);
const yuan = (fen: number) => (fen / 100).toFixed(2).replace(/\.00$/, '');

function ApplyForm({ round }: { round: PublicRound }) {
  const { t, locale } = useI18n();
  const [v, setV] = useState({ name: '', phone: '', idNumber: '', goods: '' });
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const problems = {
    name: v.name.trim().length < 2 ? t('validation.required') : null,
    phone: !MOBILE.test(v.phone.trim()) ? t('public.report.phoneInvalid') : null,
    idNumber: idNumberProblem(v.idNumber) ? t('nightMarket.public.idHint') : null,
    goods: v.goods.trim().length < 2 ? t('validation.required') : null,
  };
  const submit = async () => {
    setTried(true);
    setFailure(null);
    if (Object.values(problems).some(Boolean)) return;
    setBusy(true);
    try {
      const r = await nightMarketApi.apply(round.roundNo, {
        name: v.name.trim(),
        phone: v.phone.trim(),
        idNumber: v.idNumber.trim(),
        goods: v.goods.trim(),
      });
      setDone(r.applicationNo);
    } catch (e) {
      setFailure(errorText(e, locale));
    } finally {
      setBusy(false);
    }
  };
  if (done)
    return (
      <Alert
        type="success"
        title={t('nightMarket.public.applied', { no: done })}
        data-testid="nm-applied"
        data-no={done}
      />
    );
  const field = (key: keyof typeof v, label: string, hint: string | null, props: Record<string, unknown> = {}) => (
    <label className="nm-field">
      <span className="nm-label">{label}</span>
      <TextInput
        value={v[key]}
        invalid={tried && !!problems[key]}
        onChange={(e) => setV((s) => ({ ...s, [key]: e.target.value }))}
        data-testid={`nm-apply-${key}`}
        {...props}
      />
      {tried && problems[key] ? (
        <div className="ph-error">{problems[key]}</div>
      ) : hint ? (
        <div className="ph-muted">{hint}</div>
      ) : null}
    </label>
  );
  return (
    <div className="nm-apply" data-testid="nm-apply-form">
      {field('name', t('nightMarket.app.name'), t('nightMarket.public.nameHint'), {
        maxLength: 20,
        autoComplete: 'name',
      })}
      {field('phone', t('nightMarket.app.phone'), null, { inputMode: 'tel', maxLength: 11, autoComplete: 'tel' })}
      {field('idNumber', t('nightMarket.app.idNumber'), t('nightMarket.public.idHint'), { maxLength: 18 })}
      {field('goods', t('nightMarket.app.goods'), null, { maxLength: 100 })}
      {failure ? <Alert type="error" title={failure} data-testid="nm-apply-error" /> : null}
      <Button kind="primary" block loading={busy} onClick={() => void submit()} data-testid="nm-apply-submit">
        {t('nightMarket.public.apply')}
      </Button>
    </div>
  );
}

function VerifyBox({ round }: { round: PublicRound }) {
  const { t, locale } = useI18n();
  const [check, setCheck] = useState<LotteryCheck | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const run = async () => {
    setBusy(true);
    setFailure(null);
    try {
      setCheck(await verifyLottery(await nightMarketApi.file(round.roundNo)));
    } catch (e) {
      setFailure(errorText(e, locale));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="nm-verify">
      <Button block loading={busy} onClick={() => void run()} data-testid="nm-verify">
        {busy ? t('nightMarket.public.verifying') : t('nightMarket.public.verify')}
      </Button>
      {check ? (
        <Alert
          type={check.match ? 'success' : 'error'}
          data-testid="nm-verify-result"
          data-kind={check.match ? 'match' : 'mismatch'}
          title={
            check.match ? t('nightMarket.public.match') : t('nightMarket.public.mismatch', { reason: check.reason })
          }
        />
      ) : null}
      {failure ? <Alert type="error" title={failure} /> : null}
      <a
        className="ph-muted"
        href={`/api/public/night-market/rounds/${encodeURIComponent(round.roundNo)}/lottery.json`}
      >
        {t('nightMarket.public.file')} lottery.json
      </a>
    </div>
  );
}

function RoundCard({ round }: { round: PublicRound }) {
  const { t } = useI18n();
  const rules = [
    round.rules.localHousehold.enabled ? t('nightMarket.rule.localHousehold') : null,
    round.rules.noUnpaidFines.enabled ? t('nightMarket.rule.noUnpaidFines') : null,
    t('nightMarket.rule.onePerId'),
  ].filter(Boolean);
  const drawn = round.phase === 'drawn';
  const entrants = drawn
    ? [...round.entrants].sort((a, b) => (a.position ?? 1e9) - (b.position ?? 1e9))
    : round.entrants;
  return (
    <section className="phone-section pub-section" data-testid={`nm-round-${round.roundNo}`}>
      <div className="pub-section-title">
        <span>
          {round.market} · {round.name}
        </span>
        <Tag color={drawn ? 'green' : round.phase === 'applying' ? 'blue' : 'orange'} data-testid="nm-public-phase">
          {t(`nightMarket.phase.${round.phase}`)}
        </Tag>
      </div>
      <Details
        rows={[
          { key: 'no', label: t('nightMarket.round.roundNo'), value: round.roundNo },
          {
            key: 'window',
            label: t('nightMarket.round.window'),
            value: `${formatInstant(round.applyFrom)} – ${formatInstant(round.applyTo)}`,
          },
          {
            key: 'stalls',
            label: t('nightMarket.market.stalls'),
            value: `${t('nightMarket.public.stalls', { count: round.stallCount })}；${t('nightMarket.public.fee', {
              fee: yuan(round.stallFeeFen),
              deposit: yuan(round.depositFen),
            })}`,
          },
          { key: 'rules', label: t('nightMarket.public.rules'), value: rules.join('；') },
          ...(round.commitment
            ? [
                {
                  key: 'commitment',
                  label: t('nightMarket.lottery.commitment'),
                  value: (
                    <code className="nm-hash" data-testid="nm-public-commitment">
                      {round.commitment}
                    </code>
                  ),
                },
                { key: 'source', label: t('nightMarket.lottery.source'), value: round.publicValueSource ?? '' },
                {
                  key: 'value',
                  label: t('nightMarket.lottery.publicValue'),
                  value: round.publicValue ?? t('nightMarket.public.notYet'),
                },
              ]
            : []),
        ]}
      />
      {round.phase === 'applying' ? <ApplyForm round={round} /> : null}
      {drawn ? <VerifyBox round={round} /> : null}
      {entrants.length ? (
        <div className="nm-entrants">
          <div className="nm-label">
            {drawn ? t('nightMarket.public.results') : t('nightMarket.public.entrants')}（{entrants.length}）
          </div>
          <table className="nm-table" data-testid="nm-entrants">
            <tbody>
              {entrants.map((e) => (
                <tr key={e.applicationNo}>
                  {drawn ? <td>{e.position}</td> : null}
                  <td>{e.applicationNo}</td>
                  <td>{e.name}</td>
                  {drawn ? <td>{e.stallCode ?? t('nightMarket.status.waiting')}</td> : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}

/** 夜市摊位: apply during a round's window, see the entrants and the commitment, and replay the draw on the phone. */
export function NightMarketPage() {
  const { t } = useI18n();
  const [rounds, setRounds] = useState<PublicRound[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const load = useCallback((signal?: AbortSignal) => {
    setError(null);
    nightMarketApi
      .rounds(signal)
      .then((r) => setRounds(r.items))
      .catch((e: unknown) => {
        if (!signal?.aborted) setError(e);
      });
  }, []);
  useEffect(() => {
    const c = new AbortController();
    load(c.signal);
    return () => c.abort();
  }, [load]);
  return (
    <div data-testid="nm-public">
      <h1 className="nm-title">{t('nightMarket.public.title')}</h1>
      {error ? (
        <LoadError error={error} onRetry={() => load()} />
      ) : rounds === null ? (
        <Loading label={t('nightMarket.public.title')} />
      ) : rounds.length === 0 ? (
        <Empty text={t('nightMarket.public.none')} />
      ) : (
        rounds.map((r) => <RoundCard key={r.roundNo} round={r} />)
      )}
    </div>
  );
}
