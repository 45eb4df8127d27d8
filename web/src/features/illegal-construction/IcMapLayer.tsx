import { useEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import * as L from 'leaflet';
import { App, Flex, Grid, Select, Typography } from 'antd';
import { IC_STATUSES, type IcStatus } from '../../../../common/domain/illegal-construction.ts';
import { errorText } from '../../api/errors.ts';
import { useI18n } from '../../i18n/context.ts';
import { useAuth } from '../auth/context.ts';
import { useCityMap } from '../map/map-context.ts';
import { LayerCard } from '../map/LayerCard.tsx';
import { icApi, STATUS_COLORS, type SiteFeature } from './ic.api.ts';
import { IcSitePopup } from './IcSitePopup.tsx';

const PANE = 'ic-sites';

/** A diamond, so a site never reads as a case (round, coloured by time limit) or a component (small dot). */
const siteSymbol = (status: IcStatus, size = 12) => (
  <span
    style={{
      display: 'inline-block',
      width: size,
      height: size,
      flex: 'none',
      transform: 'rotate(45deg)',
      background: STATUS_COLORS[status],
      border: '1.5px solid #fff',
      boxShadow: '0 0 0 1px rgba(0,0,0,0.35)',
      margin: '0 3px',
    }}
  />
);

const siteIcon = (status: IcStatus) =>
  L.divIcon({
    className: `cl-ic-site cl-ic-${status}`,
    iconSize: [14, 14],
    iconAnchor: [7, 7],
    html: `<span style="display:block;width:12px;height:12px;transform:rotate(45deg);background:${STATUS_COLORS[status]};border:1.5px solid #fff;box-shadow:0 0 0 1px rgba(0,0,0,0.35)"></span>`,
  });

/**
 * 一张图's 查违控违 layer: each site of an illegal-construction report in the viewer's scope, coloured by its status
 * (GET /api/illegal-construction/map), with a status filter and legend; a site opens a popup with its address and
 * status. Shown only with construction.read.
 */
export function IcMapLayer() {
  return useAuth().can('construction.read') ? <IcMapLayerPanel /> : null;
}

function IcMapLayerPanel() {
  const map = useCityMap();
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const mobile = Grid.useBreakpoint().md === false;
  const [on, setOn] = useState(true);
  const [status, setStatus] = useState<IcStatus | null>(null);
  const [count, setCount] = useState<number | null>(null);
  const [expanded, setExpanded] = useState<boolean | null>(null);
  const [popup, setPopup] = useState<{ site: SiteFeature; el: HTMLElement; popup: L.Popup } | null>(null);
  const mobileRef = useRef(mobile);
  mobileRef.current = mobile;
  const failed = useRef<(error: unknown) => void>(() => undefined);
  failed.current = (error) => void message.error(t('icLayer.loadFailed', { message: errorText(error, locale) }));

  useEffect(() => {
    if (!map || !on) {
      setCount(null);
      return undefined;
    }
    if (!map.getPane(PANE)) map.createPane(PANE).style.zIndex = '455';
    const group = L.layerGroup().addTo(map);
    const controller = new AbortController();
    icApi.sites(status ? { status } : {}, controller.signal).then(
      (res) => {
        for (const site of res.features) {
          const [lng, lat] = site.geometry.coordinates;
          L.marker([lat, lng], { icon: siteIcon(site.properties.status), pane: PANE, keyboard: true })
            .on('click', () => {
              const el = document.createElement('div');
              // pan the site clear of the panel column at the top left (beside it on a desk, above it on a phone)
              const opened = L.popup({
                minWidth: 200,
                maxWidth: 280,
                offset: [0, -4],
                autoPanPaddingTopLeft: mobileRef.current ? [10, 400] : [380, 10],
              })
                .setLatLng([lat, lng])
                .setContent(el);
              opened.on('remove', () => setPopup((p) => (p?.el === el ? null : p)));
              opened.openOn(map);
              setPopup({ site, el, popup: opened });
            })
            .addTo(group);
        }
        setCount(res.features.length);
      },
      (error: unknown) => {
        if (!controller.signal.aborted) failed.current(error);
      },
    );
    return () => {
      controller.abort();
      group.remove();
      map.closePopup();
    };
  }, [map, on, status]);

  // The popup measures its content when opened: once React has rendered into it, let it measure again.
  useEffect(() => {
    popup?.popup.update();
  }, [popup]);

  const open = expanded ?? !mobile;
  return (
    <>
      <LayerCard
        title={t('icLayer.title')}
        on={on}
        onToggle={setOn}
        open={open}
        onOpen={setExpanded}
        testId="ic-layer"
        count={count ?? ''}
      >
        <Select<IcStatus | 'all'>
          size="small"
          value={status ?? 'all'}
          options={[
            { value: 'all', label: t('icLayer.allStatuses') },
            ...IC_STATUSES.map((s) => ({ value: s, label: t(`illegalConstruction.status.${s}`) })),
          ]}
          onChange={(v) => setStatus(v === 'all' ? null : v)}
          disabled={!on}
          data-testid="ic-layer-status"
        />
        <Flex wrap gap={10} style={{ fontSize: 12 }} data-testid="ic-layer-legend">
          {IC_STATUSES.map((s) => (
            <Flex key={s} align="center" gap={4}>
              {siteSymbol(s, 9)}
              {t(`illegalConstruction.status.${s}`)}
            </Flex>
          ))}
        </Flex>
        {on && count !== null ? (
          <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="ic-layer-count">
            {t('icLayer.count', { n: count })}
          </Typography.Text>
        ) : null}
      </LayerCard>
      {popup ? createPortal(<IcSitePopup site={popup.site} />, popup.el) : null}
    </>
  );
}
