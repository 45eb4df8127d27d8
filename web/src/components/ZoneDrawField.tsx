import { Alert, Button, Select, Space } from 'antd';
import { useI18n } from '../i18n/context.ts';
import { DrawMap, geometryOf, type DrawMode, type MapShape } from './DrawMap.tsx';

/**
 * Drawing a 黄线 by clicks on the map: a line in front of a shop or a stall's area, with the other zones of the city
 * in yellow so an overlap shows before it is refused. The yellow-line form and the approval window's application
 * form both use it; the caller keeps the mode and the points.
 */
export function ZoneDrawField(props: {
  /** the zones already drawn, so an overlap shows before it is refused */
  shapes: MapShape[];
  mode: DrawMode;
  points: [number, number][];
  onMode: (mode: DrawMode) => void;
  onPoints: (points: [number, number][]) => void;
  height?: number;
  /** prefix of the test ids: `<prefix>-mode`, `<prefix>-clear`, `<prefix>-map` */
  testId: string;
}) {
  const { t } = useI18n();
  const { mode, points, onPoints } = props;
  return (
    <>
      <Space wrap style={{ marginBottom: 8 }}>
        <Select<DrawMode>
          value={mode}
          onChange={(m) => {
            props.onMode(m);
            onPoints([]);
          }}
          style={{ width: 170 }}
          data-testid={`${props.testId}-mode`}
          options={[
            { value: 'LineString', label: t('yellowLine.draw.line') },
            { value: 'Polygon', label: t('yellowLine.draw.polygon') },
          ]}
        />
        <Button onClick={() => onPoints([])} data-testid={`${props.testId}-clear`}>
          {t('yellowLine.draw.clear')}
        </Button>
      </Space>
      <DrawMap
        shapes={props.shapes}
        points={points}
        mode={mode}
        onAdd={(p) => onPoints([...points, p])}
        height={props.height ?? 280}
        testId={`${props.testId}-map`}
      />
      {points.length > 0 && !geometryOf(mode, points) ? (
        <Alert type="info" showIcon message={t('yellowLine.draw.required')} style={{ marginTop: 8 }} />
      ) : null}
    </>
  );
}
