import type { CSSProperties, ReactNode } from 'react';
import { Button, Card, Checkbox, Divider, Flex, Typography } from 'antd';
import { CloseOutlined } from '@ant-design/icons';
import { useI18n } from '../../i18n/context.ts';
import { CLASS_COLORS, MAP_LAYERS, type LayerVisibility, type MapLayer } from './map-style.ts';

interface Props {
  visibility: LayerVisibility;
  onToggle: (layer: MapLayer, on: boolean) => void;
  /** shown only when a basemap is configured (basemap.ts) */
  basemap: { available: boolean; on: boolean; onToggle: (on: boolean) => void };
  onClose?: () => void;
  style?: CSSProperties;
}

const swatch = (style: CSSProperties) => (
  <span style={{ display: 'inline-block', width: 22, height: 12, flex: 'none', ...style }} />
);
const SYMBOLS: Record<MapLayer, ReactNode> = {
  tenant: swatch({ border: '2.5px solid #434343', background: '#fff' }),
  street: swatch({ border: '1.5px solid #8c8c8c', background: 'rgba(186,224,255,0.5)' }),
  community: swatch({ border: '1px dashed #8c8c8c' }),
  grid: swatch({ border: '1px solid #4096ff', background: 'rgba(64,150,255,0.06)' }),
  components: (
    <span style={{ display: 'inline-block', width: 22, textAlign: 'center', flex: 'none' }}>
      <span
        style={{ display: 'inline-block', width: 10, height: 10, borderRadius: 5, background: CLASS_COLORS['01'] }}
      />
    </span>
  ),
};

/** Layer switcher and legend of the map (antd, so it follows the UI language; Leaflet's own control would not). */
export function LayerPanel({ visibility, onToggle, basemap, onClose, style }: Props) {
  const { t } = useI18n();
  return (
    <Card
      size="small"
      title={t('map.layers.title')}
      extra={
        onClose ? (
          <Button type="text" size="small" icon={<CloseOutlined />} onClick={onClose} aria-label={t('common.close')} />
        ) : null
      }
      style={{ width: 232, boxShadow: '0 2px 8px rgba(0,0,0,0.15)', ...style }}
      styles={{ body: { padding: '8px 12px', maxHeight: 'calc(100dvh - 260px)', overflowY: 'auto' } }}
      data-testid="map-layers"
    >
      <Flex vertical gap={6}>
        {MAP_LAYERS.map((layer) => (
          <Checkbox
            key={layer}
            checked={visibility[layer]}
            onChange={(e) => onToggle(layer, e.target.checked)}
            data-testid={`map-layer-${layer}`}
          >
            <Flex align="center" gap={8}>
              {SYMBOLS[layer]}
              {t(`map.layers.${layer}`)}
            </Flex>
          </Checkbox>
        ))}
        {basemap.available ? (
          <Checkbox
            checked={basemap.on}
            onChange={(e) => basemap.onToggle(e.target.checked)}
            data-testid="map-layer-basemap"
          >
            {t('map.layers.basemap')}
          </Checkbox>
        ) : null}
      </Flex>
      <Divider style={{ margin: '10px 0 8px' }} />
      <Typography.Text strong style={{ fontSize: 12 }}>
        {t('map.legend')}
      </Typography.Text>
      <Flex vertical gap={4} style={{ marginTop: 6, fontSize: 12 }} data-testid="map-legend">
        {Object.entries(CLASS_COLORS).map(([major, color]) => (
          <Flex key={major} align="center" gap={8}>
            <span
              style={{
                display: 'inline-block',
                width: 10,
                height: 10,
                borderRadius: 5,
                background: color,
                border: '1px solid #fff',
                boxShadow: '0 0 0 1px #d9d9d9',
                margin: '0 6px',
              }}
            />
            {t(`map.classes.${major as '01'}`)}
          </Flex>
        ))}
        <Flex align="center" gap={8}>
          <span
            style={{
              display: 'inline-block',
              width: 22,
              height: 22,
              lineHeight: '22px',
              borderRadius: 11,
              background: '#595959',
              color: '#fff',
              fontSize: 10,
              textAlign: 'center',
              flex: 'none',
            }}
          >
            42
          </span>
          {t('map.cluster')}
        </Flex>
        <Typography.Text type="secondary" style={{ fontSize: 11, marginTop: 4 }}>
          {t('map.offline')}
        </Typography.Text>
      </Flex>
    </Card>
  );
}
