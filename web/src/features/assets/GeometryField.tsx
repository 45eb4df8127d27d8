import { useEffect, useState } from 'react';
import { Button, Collapse, Input, InputNumber, Space, Typography } from 'antd';
import type { GeometryKind } from '../../../../common/domain/assets.ts';
import { DrawMap, geometryOf, pointsOf } from '../../components/DrawMap.tsx';
import { useI18n } from '../../i18n/context.ts';

export type AssetGeometryValue =
  | { type: 'Point'; coordinates: [number, number] }
  | { type: 'LineString'; coordinates: [number, number][] }
  | { type: 'Polygon'; coordinates: [number, number][][] };

const isPair = (p: unknown): p is [number, number] =>
  Array.isArray(p) && p.length >= 2 && typeof p[0] === 'number' && typeof p[1] === 'number';

/** The clicked points of a geometry (a polygon's closing point left out); none for anything else. */
export function pointsOfGeometry(g: AssetGeometryValue | null | undefined): [number, number][] {
  if (!g) return [];
  if (g.type === 'Point') return isPair(g.coordinates) ? [g.coordinates] : [];
  return pointsOf(g);
}

/** The geometry of the type's kind from clicked points; null while too short to be one. */
export function geometryFromPoints(kind: GeometryKind, points: [number, number][]): AssetGeometryValue | null {
  if (kind === 'point') return points.length ? { type: 'Point', coordinates: points[points.length - 1]! } : null;
  return geometryOf(kind === 'line' ? 'LineString' : 'Polygon', points) as AssetGeometryValue | null;
}

/** Coordinates typed as text: a line's array of pairs or a polygon's array of rings (first ring used). */
export function geometryFromText(kind: 'line' | 'polygon', text: string): AssetGeometryValue | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return null;
  }
  if (!Array.isArray(parsed)) return null;
  if (kind === 'line') return parsed.every(isPair) ? { type: 'LineString', coordinates: parsed } : null;
  const rings = parsed as unknown[];
  if (!rings.length || !rings.every((r) => Array.isArray(r) && r.every(isPair))) return null;
  return { type: 'Polygon', coordinates: rings };
}

/** The problem of a geometry for the form's rule, or null when it is complete for its kind. */
export function geometryProblem(kind: GeometryKind, g: AssetGeometryValue | null | undefined): GeometryKind | null {
  const n = pointsOfGeometry(g).length;
  if (kind === 'point') return n ? null : 'point';
  if (kind === 'line') return n >= 2 ? null : 'line';
  return n >= 3 ? null : 'polygon';
}

/**
 * The asset's location as a form control (value / onChange): clicks on the city map (streets, communities and
 * named roads on a plain background, no tiles, as every console map) set a point or add the bends of a line or the
 * corners of an area; a point may also be typed as longitude and latitude, a line or area pasted as coordinate text.
 * Server errors on body.geometry… land on this one field.
 */
export function GeometryField({
  kind,
  value,
  onChange,
  testId = 'asset-geometry',
}: {
  kind: GeometryKind;
  value?: AssetGeometryValue | null;
  onChange?: (g: AssetGeometryValue | null) => void;
  testId?: string;
}) {
  const { t } = useI18n();
  const points = pointsOfGeometry(value);
  const [text, setText] = useState('');
  const [textError, setTextError] = useState(false);
  // the text follows the drawing, except while it is being typed and does not parse
  useEffect(() => {
    if (kind === 'point' || textError) return;
    setText(value ? JSON.stringify(value.coordinates) : '');
  }, [value, kind, textError]);
  const setPoints = (next: [number, number][]) => {
    setTextError(false);
    onChange?.(next.length ? (geometryFromPoints(kind, next) ?? partial(kind, next)) : null);
  };
  const point = kind === 'point' ? points[0] : undefined;
  return (
    <div data-testid={testId}>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {t('assets.form.geometryHelp')}
      </Typography.Paragraph>
      <Space wrap style={{ marginBottom: 8 }}>
        {kind === 'point' ? (
          <>
            <InputNumber
              placeholder={t('assets.columns.lng')}
              value={point?.[0]}
              min={-180}
              max={180}
              step={0.0001}
              style={{ width: 150 }}
              data-testid="asset-lng"
              onChange={(v) => setPoints(typeof v === 'number' ? [[v, point?.[1] ?? 0]] : [])}
            />
            <InputNumber
              placeholder={t('assets.columns.lat')}
              value={point?.[1]}
              min={-90}
              max={90}
              step={0.0001}
              style={{ width: 150 }}
              data-testid="asset-lat"
              onChange={(v) => setPoints(typeof v === 'number' ? [[point?.[0] ?? 0, v]] : [])}
            />
          </>
        ) : (
          <Button
            size="small"
            disabled={!points.length}
            onClick={() => setPoints(points.slice(0, -1))}
            data-testid={`${testId}-undo`}
          >
            {t('assets.form.geometryUndo')}
          </Button>
        )}
        <Button size="small" disabled={!points.length} onClick={() => setPoints([])} data-testid={`${testId}-clear`}>
          {t('assets.form.geometryClear')}
        </Button>
      </Space>
      <DrawMap
        shapes={[]}
        points={points}
        mode={kind === 'polygon' ? 'Polygon' : 'LineString'}
        onAdd={(p) => setPoints(kind === 'point' ? [p] : [...points, p])}
        height={260}
        testId={`${testId}-map`}
      />
      {kind === 'point' ? null : (
        <Collapse
          size="small"
          style={{ marginTop: 8 }}
          items={[
            {
              key: 'text',
              label: t('assets.form.geometryText'),
              children: (
                <>
                  <Input.TextArea
                    rows={3}
                    value={text}
                    status={textError ? 'error' : undefined}
                    data-testid={`${testId}-text`}
                    placeholder={
                      kind === 'line'
                        ? '[[114.98,30.10],[114.99,30.10]]'
                        : '[[[114.98,30.10],[114.99,30.10],[114.99,30.11],[114.98,30.10]]]'
                    }
                    onChange={(e) => {
                      setText(e.target.value);
                      const g = geometryFromText(kind, e.target.value);
                      setTextError(!g && e.target.value.trim() !== '');
                      if (g || e.target.value.trim() === '') onChange?.(g);
                    }}
                  />
                  <Typography.Text type={textError ? 'danger' : 'secondary'}>
                    {textError ? t('assets.form.geometryTextInvalid') : t('assets.form.geometryTextHelp')}
                  </Typography.Text>
                </>
              ),
            },
          ]}
        />
      )}
    </div>
  );
}

/** A line or area still being drawn: kept as the points so far, so the next click adds to them. */
function partial(kind: GeometryKind, points: [number, number][]): AssetGeometryValue {
  return kind === 'polygon'
    ? { type: 'Polygon', coordinates: [[...points, points[0]!]] }
    : { type: 'LineString', coordinates: points };
}
