import { useEffect, useState } from 'react';
import type { SubscriptionChannel } from '../../../../common/contracts/participation.ts';
import { errorText } from '../../api/errors.ts';
import { useI18n } from '../../i18n/context.ts';
import { Segmented } from '../../phone/ui/choice.tsx';
import { Button, TextInput } from '../../phone/ui/controls.tsx';
import { Alert } from '../../phone/ui/feedback.tsx';
import { participationApi, type PublicSubscribeChannels } from '../api/participation.api.ts';

const MOBILE = /^1[3-9]\d{9}$/;

/**
 * 订阅进展: updates of an open case by SMS or WeChat template message through the city's gateway. A channel without
 * a gateway is not offered; with none at all the box says so instead of taking a number it could never use.
 */
export function SubscribeBox({ caseNo }: { caseNo: string }) {
  const { t, locale } = useI18n();
  const [channels, setChannels] = useState<PublicSubscribeChannels | null>(null);
  const [channel, setChannel] = useState<SubscriptionChannel>('sms');
  const [address, setAddress] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const controller = new AbortController();
    participationApi.channels(controller.signal).then(
      (c) => {
        setChannels(c);
        if (!c.sms && c.wechat) setChannel('wechat');
      },
      () => setChannels({ sms: false, wechat: false }),
    );
    return () => controller.abort();
  }, []);

  if (!channels) return null;
  const offered = (['sms', 'wechat'] as const).filter((c) => channels[c]);

  const submit = async () => {
    const value = address.trim();
    if (channel === 'sms' && !MOBILE.test(value)) return setProblem(t('participation.subscribe.phoneInvalid'));
    setBusy(true);
    setProblem(null);
    try {
      await participationApi.subscribe(caseNo, { channel, address: value });
      setDone(true);
    } catch (error) {
      setProblem(errorText(error, locale));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="phone-section pub-section" data-testid="public-subscribe">
      <div className="pub-section-title">{t('participation.subscribe.title')}</div>
      {offered.length === 0 ? (
        <Alert
          type="info"
          title={t('participation.subscribe.unavailable')}
          data-testid="public-subscribe-unavailable"
        />
      ) : done ? (
        <Alert type="success" title={t('participation.subscribe.done')} data-testid="public-subscribe-done" />
      ) : (
        <>
          <p className="ph-muted">{t('participation.subscribe.hint')}</p>
          {offered.length > 1 ? (
            <Segmented<SubscriptionChannel>
              label={t('participation.subscribe.title')}
              value={channel}
              onChange={setChannel}
              options={offered.map((c) => ({ value: c, label: t(`participation.subscribe.${c}`) }))}
            />
          ) : null}
          <div className="pub-subscribe-row">
            <TextInput
              type={channel === 'sms' ? 'tel' : 'text'}
              inputMode={channel === 'sms' ? 'numeric' : 'text'}
              value={address}
              maxLength={channel === 'sms' ? 11 : 64}
              placeholder={t(channel === 'sms' ? 'participation.subscribe.phone' : 'participation.subscribe.openid')}
              aria-label={t(channel === 'sms' ? 'participation.subscribe.phone' : 'participation.subscribe.openid')}
              onChange={(e) => setAddress(e.target.value)}
              data-testid="public-subscribe-address"
            />
            <Button kind="primary" loading={busy} onClick={() => void submit()} data-testid="public-subscribe-submit">
              {t('participation.subscribe.submit')}
            </Button>
          </div>
          {problem ? (
            <div className="ph-error" data-testid="public-subscribe-error">
              {problem}
            </div>
          ) : null}
        </>
      )}
    </section>
  );
}
