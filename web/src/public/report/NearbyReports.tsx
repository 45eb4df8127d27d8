import { useEffect, useState } from 'react';
import { errorText } from '../../api/errors.ts';
import { useI18n } from '../../i18n/context.ts';
import { Button } from '../../phone/ui/controls.tsx';
import { toast } from '../../phone/ui/toast.tsx';
import { participationApi, type PublicReportCard } from '../api/participation.api.ts';

interface Props {
  matterCode: string | null;
  location: { lng: number; lat: number } | null;
  /** the phone typed in the form, if valid: one support per phone, else per device */
  phone: string | null;
}

/**
 * Before a citizen submits: open reports of the same kind nearby, each with "我也遇到", which adds a supporter to
 * that case instead of a duplicate report. Quiet when there are none or the check fails (reporting still works).
 */
export function NearbyReports({ matterCode, location, phone }: Props) {
  const { t, locale } = useI18n();
  const [items, setItems] = useState<PublicReportCard[]>([]);
  const [done, setDone] = useState<Record<string, number>>({});
  const [busy, setBusy] = useState<string | null>(null);
  const lng = location?.lng;
  const lat = location?.lat;

  useEffect(() => {
    if (!matterCode || lng === undefined || lat === undefined) {
      setItems([]);
      return;
    }
    const controller = new AbortController();
    // A moment's pause: the pin is often dragged a few times before it settles.
    const timer = setTimeout(() => {
      participationApi.nearby(matterCode, lng, lat, controller.signal).then(
        (r) => setItems(r.items),
        () => setItems([]),
      );
    }, 400);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [matterCode, lng, lat]);

  if (items.length === 0) return null;

  const support = async (caseNo: string) => {
    setBusy(caseNo);
    try {
      const r = await participationApi.support(caseNo, phone ?? undefined);
      setDone((d) => ({ ...d, [caseNo]: r.supporters }));
      if (r.added) toast.success(t('participation.nearby.supported', { count: r.supporters }));
      else toast.info(t('participation.nearby.already'));
    } catch (error) {
      toast.error(errorText(error, locale));
    } finally {
      setBusy(null);
    }
  };

  return (
    <section className="phone-section pub-section pub-nearby" data-testid="public-nearby">
      <div className="pub-section-title">{t('participation.nearby.title', { count: items.length })}</div>
      <p className="ph-muted">{t('participation.nearby.hint')}</p>
      <ul className="pub-nearby-list">
        {items.map((c) => (
          <li key={c.caseNo} className="pub-nearby-item" data-testid={`public-nearby-${c.caseNo}`}>
            {c.thumbUrl ? <img src={c.thumbUrl} alt="" className="pub-nearby-thumb" /> : null}
            <div className="pub-nearby-text">
              <div className="pub-nearby-head">
                <strong>{c.matterName ?? c.matterCode}</strong>
                <span className="ph-muted">{t('participation.nearby.distance', { m: c.distanceM ?? 0 })}</span>
              </div>
              <div className="ph-clamp-2">{c.description}</div>
              <div className="ph-muted">
                {t('participation.nearby.supporters', { count: done[c.caseNo] ?? c.supporters })}
              </div>
            </div>
            <Button
              size="small"
              kind={done[c.caseNo] !== undefined ? 'default' : 'primary'}
              loading={busy === c.caseNo}
              disabled={done[c.caseNo] !== undefined}
              onClick={() => void support(c.caseNo)}
              data-testid={`public-nearby-support-${c.caseNo}`}
            >
              {t('participation.nearby.support')}
            </Button>
          </li>
        ))}
      </ul>
    </section>
  );
}
