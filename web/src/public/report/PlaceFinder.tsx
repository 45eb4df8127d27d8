/**
 * Finding the place without GPS on the citizen page (docs/gazetteer.md, "Public search"): an address search over
 * the public, names-and-points variant, and street → community → grid selects. Loaded on demand, so the page's first
 * load stays within its budget; plain controls, no antd.
 */
import { useEffect, useState } from 'react';
import type { AreaTree, PublicPlaceHit } from '../../../../common/contracts/gazetteer.ts';
import { useI18n } from '../../i18n/context.ts';
import { SearchInput } from '../../phone/ui/fields.tsx';
import { publicApi } from '../api/public.api.ts';

export interface FoundPlace {
  lng: number;
  lat: number;
  name: string;
}

const DEBOUNCE_MS = 250;
type Leaf = { value: string; label: string; lng: number; lat: number };

export default function PlaceFinder({ onPick }: { onPick: (place: FoundPlace) => void }) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const [hits, setHits] = useState<PublicPlaceHit[] | null>(null);
  const [failed, setFailed] = useState(false);
  const [tree, setTree] = useState<AreaTree['streets']>([]);
  const [street, setStreet] = useState('');
  const [community, setCommunity] = useState('');
  const [grids, setGrids] = useState<Leaf[]>([]);

  useEffect(() => {
    const q = text.trim();
    if (!q) {
      setHits(null);
      return undefined;
    }
    const controller = new AbortController();
    const timer = setTimeout(() => {
      publicApi.places(q, controller.signal).then(
        (res) => {
          setHits(res.items);
          setFailed(false);
        },
        () => !controller.signal.aborted && setFailed(true),
      );
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [text]);

  useEffect(() => {
    const controller = new AbortController();
    publicApi.placeAreas(controller.signal).then(
      (res) => setTree(res.streets),
      () => undefined,
    );
    return () => controller.abort();
  }, []);

  const streetNode = tree.find((s) => s.value === street);
  const communityNode = streetNode?.children.find((c) => c.value === community);

  const chooseStreet = (value: string) => {
    setStreet(value);
    setCommunity('');
    setGrids([]);
    const node = tree.find((s) => s.value === value);
    if (node) onPick({ lng: node.lng, lat: node.lat, name: node.label });
  };
  const chooseCommunity = (value: string) => {
    setCommunity(value);
    setGrids([]);
    const node = streetNode?.children.find((c) => c.value === value);
    if (!node) return;
    onPick({ lng: node.lng, lat: node.lat, name: `${streetNode?.label ?? ''}${node.label}` });
    publicApi.placeGrids(value).then(
      (res) => setGrids(res.items),
      () => undefined,
    );
  };
  const chooseGrid = (value: string) => {
    const node = grids.find((g) => g.value === value);
    if (node) onPick({ lng: node.lng, lat: node.lat, name: `${streetNode?.label ?? ''}${communityNode?.label ?? ''}` });
  };

  return (
    <div className="pub-place-finder" data-testid="public-place-finder">
      <SearchInput
        value={text}
        onValue={setText}
        clearLabel={t('common.clearSearch')}
        placeholder={t('public.report.placePlaceholder')}
        aria-label={t('public.report.placeSearch')}
        data-testid="public-place-search"
      />
      {failed ? <div className="ph-muted">{t('public.report.placeSearchFailed')}</div> : null}
      {hits && hits.length === 0 ? <div className="ph-muted">{t('public.report.placeNone')}</div> : null}
      {hits && hits.length > 0 ? (
        <ul className="pub-place-list" role="listbox" aria-label={t('public.report.placeSearch')}>
          {hits.map((h) => (
            <li key={`${h.name}:${h.lng}:${h.lat}`}>
              <button
                type="button"
                role="option"
                aria-selected={false}
                data-testid="public-place-option"
                onClick={() => {
                  setText(h.name);
                  setHits(null);
                  onPick(h);
                }}
              >
                {h.name}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <div className="pub-place-areas">
        <select
          className="ph-input"
          value={street}
          onChange={(e) => chooseStreet(e.target.value)}
          aria-label={t('public.report.areaStreet')}
          data-testid="public-area-street"
        >
          <option value="">{t('public.report.areaStreet')}</option>
          {tree.map((s) => (
            <option key={s.value} value={s.value}>
              {s.label}
            </option>
          ))}
        </select>
        <select
          className="ph-input"
          value={community}
          disabled={!streetNode}
          onChange={(e) => chooseCommunity(e.target.value)}
          aria-label={t('public.report.areaCommunity')}
          data-testid="public-area-community"
        >
          <option value="">{t('public.report.areaCommunity')}</option>
          {streetNode?.children.map((c) => (
            <option key={c.value} value={c.value}>
              {c.label}
            </option>
          ))}
        </select>
        <select
          className="ph-input"
          defaultValue=""
          disabled={!grids.length}
          onChange={(e) => chooseGrid(e.target.value)}
          aria-label={t('public.report.areaGrid')}
          data-testid="public-area-grid"
        >
          <option value="">{t('public.report.areaGrid')}</option>
          {grids.map((g) => (
            <option key={g.value} value={g.value}>
              {g.label}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
