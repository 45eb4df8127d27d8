import { useMemo, useState, type RefObject } from 'react';
import { AutoComplete, Input } from 'antd';
import type { CaseSummary } from '../../../../common/contracts/cases.ts';
import { errorText } from '../../api/errors.ts';
import { useResource } from '../../api/use-resource.ts';
import { useI18n } from '../../i18n/context.ts';
import { casesApi } from '../cases/cases.api.ts';
import { statusLabel } from '../cases/labels.ts';
import type { CaseMapPoint } from './case-map.api.ts';
import type { CaseMarkers } from './case-markers.ts';
import { mapApi } from './map.api.ts';

/** A 17-digit 部件标识码 (GB/T 47678.5): looked up as a component rather than searched as case text. */
const COMPONENT_ID = /^\d{17}$/;

const pointOf = (c: CaseSummary): CaseMapPoint => ({
  id: c.id,
  caseNo: c.caseNo,
  status: c.status,
  matterCode: c.matterCode,
  matterName: c.matterName,
  address: c.address,
  unitName: c.unitName,
  lng: c.lng,
  lat: c.lat,
  sla: c.sla.level,
  stepDeadline: c.stepDeadline,
  handlingDeadline: c.handlingDeadline,
});

type Found =
  | { kind: 'case'; point: CaseMapPoint; label: string }
  | { kind: 'component'; code: string; lng: number; lat: number; label: string };

/**
 * The map's search box: a case by number or address (the case list's search, under its visibility rule) or a
 * component by its 17-digit id; choosing one flies the map there.
 */
export function CaseSearch({ markers }: { markers: RefObject<CaseMarkers | null> }) {
  const { t, locale } = useI18n();
  const [text, setText] = useState('');
  const term = text.trim();
  const found = useResource<Found[]>(
    term.length < 2
      ? null
      : async (signal) => {
          if (COMPONENT_ID.test(term)) {
            const c = await mapApi.component(term, signal);
            return [
              { kind: 'component', code: c.code, lng: c.lng, lat: c.lat, label: `${c.code} ${c.className ?? ''}` },
            ];
          }
          const page = await casesApi.list({ q: term, inbox: 'all', pageSize: 8 }, signal);
          return page.items.map((c) => ({
            kind: 'case',
            point: pointOf(c),
            label: `${c.caseNo} · ${c.matterName ?? c.matterCode} · ${statusLabel(locale, c.status)}${c.address ? ` · ${c.address}` : ''}`,
          }));
        },
    [term, locale],
    { delayMs: 300 },
  );
  const items = useMemo(() => (found.error ? [] : (found.data ?? [])), [found.data, found.error]);
  const options = items.map((f, i) => ({ value: String(i), label: f.label }));
  const notFound =
    term.length < 2 || found.loading
      ? undefined
      : found.error
        ? t('caseLayer.search.failed', { message: errorText(found.error, locale) })
        : t('caseLayer.search.none');

  const choose = (index: string) => {
    const f = items[Number(index)];
    if (!f) return;
    if (f.kind === 'case') {
      setText(f.point.caseNo);
      markers.current?.showCase(f.point);
    } else {
      setText(f.code);
      markers.current?.showPlace(f.lng, f.lat, t('caseLayer.search.component', { code: f.code }));
    }
  };

  return (
    <AutoComplete
      value={text}
      options={options}
      onSearch={setText}
      onChange={(v) => setText(v)}
      onSelect={(v: string) => choose(v)}
      notFoundContent={notFound}
      popupMatchSelectWidth={false}
      style={{ width: '100%' }}
      data-testid="map-search"
    >
      <Input.Search
        placeholder={t('caseLayer.search.placeholder')}
        allowClear
        loading={found.loading}
        onSearch={() => items.length > 0 && choose('0')}
        style={{ boxShadow: '0 2px 8px rgba(0,0,0,0.15)', borderRadius: 8 }}
        data-testid="map-search-input"
      />
    </AutoComplete>
  );
}
