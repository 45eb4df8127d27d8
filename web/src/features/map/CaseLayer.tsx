import { useEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import type * as L from 'leaflet';
import { App, Flex, Grid, Select, Typography } from 'antd';
import { CASE_STATES } from '../../../../common/domain/case-status.ts';
import { errorText } from '../../api/errors.ts';
import { useI18n } from '../../i18n/context.ts';
import { useAuth } from '../auth/context.ts';
import { MatterPicker, UnitPicker } from '../cases/CaseSelects.tsx';
import { statusLabel } from '../cases/labels.ts';
import { SLA_COLORS } from '../cases/sla.ts';
import type { CaseMapFilters, CaseMapPoint, CaseMapResult } from './case-map.api.ts';
import { createCaseMarkers, type CaseMarkers } from './case-markers.ts';
import { CasePopup } from './CasePopup.tsx';
import { CaseSearch } from './CaseSearch.tsx';
import { useCityMap } from './map-context.ts';
import { LayerCard } from './LayerCard.tsx';

const LEGEND = ['green', 'yellow', 'red', 'paused'] as const;
const dot = (color: string) => (
  <span style={{ display: 'inline-block', width: 10, height: 10, borderRadius: 5, background: color, flex: 'none' }} />
);

/**
 * 一张图's case layer: cases coloured by their SLA state, clustered, filtered by matter, status and unit, under
 * the case list's visibility rule (GET /api/cases/map); a search box flies to a case or a component.
 */
export function CaseLayer() {
  return useAuth().can('case.read') ? <CaseLayerPanel /> : null;
}

function CaseLayerPanel() {
  const map = useCityMap();
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const mobile = Grid.useBreakpoint().md === false;
  const markers = useRef<CaseMarkers | null>(null);
  const [on, setOn] = useState(true);
  const [filters, setFilters] = useState<CaseMapFilters>({ status: 'open', matterCode: null, unitId: null });
  const [result, setResult] = useState<CaseMapResult | null>(null);
  const [popup, setPopup] = useState<{ point: CaseMapPoint; el: HTMLElement; popup: L.Popup } | null>(null);
  const [expanded, setExpanded] = useState<boolean | null>(null);
  const failed = useRef<(error: unknown) => void>(() => undefined);
  failed.current = (error) => void message.error(t('caseLayer.loadFailed', { message: errorText(error, locale) }));

  useEffect(() => {
    if (!map) return;
    const created = createCaseMarkers(map, {
      onResult: setResult,
      onError: (error) => failed.current(error),
      onPopup: setPopup,
    });
    markers.current = created;
    return () => {
      created.destroy();
      markers.current = null;
    };
  }, [map]);

  useEffect(() => {
    markers.current?.setFilters(on ? filters : null);
  }, [map, on, filters]);

  // The popup measures its content when opened: once React has rendered into it, let it measure again.
  useEffect(() => {
    popup?.popup.update();
  }, [popup]);

  const open = expanded ?? !mobile;
  const statusOptions = [
    { value: 'open', label: t('caseLayer.statusOpen') },
    ...CASE_STATES.map((s) => ({ value: s, label: statusLabel(locale, s) })),
  ];

  return (
    <>
      <CaseSearch markers={markers} />
      <LayerCard
        title={t('caseLayer.title')}
        on={on}
        onToggle={setOn}
        open={open}
        onOpen={setExpanded}
        testId="case-layer"
        count={result?.items.length ?? 0}
      >
        <Select
          size="small"
          value={filters.status}
          options={statusOptions}
          onChange={(status) => setFilters((f) => ({ ...f, status }))}
          disabled={!on}
          data-testid="case-layer-status"
        />
        <MatterPicker
          value={filters.matterCode}
          onChange={(matterCode) => setFilters((f) => ({ ...f, matterCode }))}
          placeholder={t('caseLayer.matter')}
          disabled={!on}
          data-testid="case-layer-matter"
        />
        <UnitPicker
          value={filters.unitId}
          onChange={(unitId) => setFilters((f) => ({ ...f, unitId }))}
          placeholder={t('caseLayer.unit')}
          disabled={!on}
          data-testid="case-layer-unit"
        />
        <Flex wrap gap={10} style={{ fontSize: 12 }} data-testid="case-layer-legend">
          {LEGEND.map((level) => (
            <Flex key={level} align="center" gap={4}>
              {dot(SLA_COLORS[level])}
              {t(`caseLayer.sla.${level}`)}
            </Flex>
          ))}
        </Flex>
        {result ? (
          <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="case-layer-count">
            {t('caseLayer.count', { n: result.items.length })}
          </Typography.Text>
        ) : null}
        {result?.truncated ? (
          <Typography.Text type="warning" style={{ fontSize: 12 }} data-testid="case-layer-truncated">
            {t('caseLayer.truncated', { n: result.items.length })}
          </Typography.Text>
        ) : null}
        <Typography.Text type="secondary" style={{ fontSize: 11 }}>
          {t('caseLayer.cluster')}
        </Typography.Text>
      </LayerCard>
      {popup ? createPortal(<CasePopup point={popup.point} />, popup.el) : null}
    </>
  );
}
