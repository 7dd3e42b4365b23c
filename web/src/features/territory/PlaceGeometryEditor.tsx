import { NumberInput, SegmentedControl, SimpleGrid, Stack, Text, Textarea } from '@mantine/core';
import type { PlaceGeometry } from '@saferhood/contracts';
import type { Geometry } from 'geojson';
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DrawingControls } from './DrawingControls';
import { LazyPointPickerMap } from './map/LazyPointPickerMap';
import type { Bounds } from './map/map-bounds';
import type { LonLat } from './map/PointPickerMap';
import { formatVertices, lineOf, parseLine, verticesOf, type LineGeometry } from './place-geometry';

export type PlaceShape = 'point' | 'line';

interface PlaceGeometryEditorProps {
  /** The place's geometry when it is being edited. */
  initial?: PlaceGeometry;
  /** The shape to offer while nothing is drawn yet (a bike path is a line). */
  preferredShape?: PlaceShape;
  /** Called on every change: the geometry, or null while it is incomplete or invalid. */
  onChange: (geometry: PlaceGeometry | null, shape: PlaceShape) => void;
  context: readonly Geometry[];
  bounds: Bounds | null;
  /** Shown beside the inputs (the geometry is missing or refused). */
  error?: string;
  mapHeight: number;
}

const toNumber = (value: string | number) => (typeof value === 'number' ? value : value.trim() === '' ? null : Number(value.replace(',', '.')));
const isLon = (value: number | null): value is number => value !== null && Number.isFinite(value) && Math.abs(value) <= 180;
const isLat = (value: number | null): value is number => value !== null && Number.isFinite(value) && Math.abs(value) <= 90;

function pointOf(lon: number | null, lat: number | null): PlaceGeometry | null {
  return isLon(lon) && isLat(lat) ? { type: 'Point', coordinates: [lon, lat] } : null;
}

/**
 * Where a place is: a point clicked on the map or typed as longitude and latitude, or a line (a bike
 * path) clicked vertex by vertex or typed as coordinates, one pair per row — the keyboard's way, kept in
 * step with the drawing.
 */
export function PlaceGeometryEditor({ initial, preferredShape = 'point', onChange, context, bounds, error, mapHeight }: PlaceGeometryEditorProps) {
  const { t } = useTranslation();
  const labelId = useId();
  const [shape, setShape] = useState<PlaceShape>(initial ? (initial.type === 'Point' ? 'point' : 'line') : preferredShape);
  const [lastPreferred, setLastPreferred] = useState(preferredShape);
  const [lon, setLon] = useState<number | null>(initial?.type === 'Point' ? initial.coordinates[0] : null);
  const [lat, setLat] = useState<number | null>(initial?.type === 'Point' ? initial.coordinates[1] : null);
  const [points, setPoints] = useState<LonLat[]>(() => verticesOf(initial));
  const [isFinished, setFinished] = useState(initial?.type === 'LineString');
  // An imported line of several parts cannot be drawn vertex by vertex; it is edited as GeoJSON text.
  const [multiLine, setMultiLine] = useState<LineGeometry | null>(initial?.type === 'MultiLineString' ? initial : null);
  const [text, setText] = useState(() => (initial?.type === 'MultiLineString' ? JSON.stringify(initial) : formatVertices(verticesOf(initial))));
  const [textError, setTextError] = useState<string | null>(null);

  const isEmpty = !initial && lon === null && lat === null && points.length === 0 && !text.trim();
  if (preferredShape !== lastPreferred) {
    // Adjusted during render (React's pattern for state that follows a prop): only while nothing is drawn.
    setLastPreferred(preferredShape);
    if (isEmpty) setShape(preferredShape);
  }

  const mapContext = useMemo(() => (multiLine ? [...context, multiLine as Geometry] : context), [context, multiLine]);

  const changePoint = (nextLon: number | null, nextLat: number | null) => {
    setLon(nextLon);
    setLat(nextLat);
    onChange(pointOf(nextLon, nextLat), 'point');
  };
  const changePoints = (next: LonLat[], finished: boolean) => {
    setPoints(next);
    setFinished(finished);
    setMultiLine(null);
    setText(formatVertices(next));
    setTextError(null);
    onChange(lineOf(next), 'line');
  };
  const changeText = (value: string) => {
    setText(value);
    if (!value.trim()) {
      setTextError(null);
      setPoints([]);
      setMultiLine(null);
      onChange(null, 'line');
      return;
    }
    const result = parseLine(value);
    if ('error' in result) {
      setTextError(t(`placeGeometry.errors.${result.error}`, { row: result.row }));
      onChange(null, 'line');
      return;
    }
    setTextError(null);
    // A typed line is complete: a stray click on the map must not add to it (Undo reopens it).
    setFinished(true);
    setPoints(verticesOf(result.line));
    setMultiLine(result.line.type === 'MultiLineString' ? result.line : null);
    onChange(result.line, 'line');
  };
  const changeShape = (value: string) => {
    const next: PlaceShape = value === 'line' ? 'line' : 'point';
    setShape(next);
    onChange(next === 'point' ? pointOf(lon, lat) : (multiLine ?? lineOf(points)), next);
  };
  const finish = () => {
    if (points.length >= 2) setFinished(true);
  };

  return (
    <Stack gap="xs">
      <Text fw={500} size="sm" id={labelId}>
        {t('placeGeometry.label')}
      </Text>
      <SegmentedControl
        aria-labelledby={labelId}
        value={shape}
        onChange={changeShape}
        data={[
          { value: 'point', label: t('placeGeometry.shapePoint') },
          { value: 'line', label: t('placeGeometry.shapeLine') },
        ]}
      />
      {shape === 'point' ? (
        <>
          <Text size="sm" c="dimmed">
            {t('places.pickHelp')}
          </Text>
          <LazyPointPickerMap
            points={isLon(lon) && isLat(lat) ? [[lon, lat]] : []}
            shape="point"
            context={context}
            onPick={([pickedLon, pickedLat]) => changePoint(pickedLon, pickedLat)}
            bounds={bounds}
            label={t('places.pickMapLabel')}
            height={mapHeight}
          />
          <SimpleGrid cols={2} spacing="sm">
            <NumberInput
              label={t('places.lon')}
              value={lon ?? ''}
              onChange={(value) => changePoint(toNumber(value), lat)}
              decimalScale={6}
              min={-180}
              max={180}
              hideControls
              error={error ?? (lon !== null && !isLon(lon) ? t('placeGeometry.errors.lonRange') : undefined)}
            />
            <NumberInput
              label={t('places.lat')}
              value={lat ?? ''}
              onChange={(value) => changePoint(lon, toNumber(value))}
              decimalScale={6}
              min={-90}
              max={90}
              hideControls
              error={lat !== null && !isLat(lat) ? t('placeGeometry.errors.latRange') : undefined}
            />
          </SimpleGrid>
        </>
      ) : (
        <>
          <Text size="sm" c="dimmed">
            {t('placeGeometry.lineHelp')}
          </Text>
          <LazyPointPickerMap
            points={points}
            shape="line"
            context={mapContext}
            onPick={(point) => {
              if (!isFinished) changePoints([...points, point], false);
            }}
            onFinish={finish}
            bounds={bounds}
            label={t('placeGeometry.lineMapLabel')}
            height={mapHeight}
          />
          <DrawingControls
            status={multiLine ? t('placeGeometry.multiLine') : isFinished ? t('placeGeometry.lineFinished', { count: points.length }) : t('placeGeometry.lineCount', { count: points.length })}
            canFinish={points.length >= 2 && !isFinished}
            count={multiLine ? 1 : points.length}
            onFinish={finish}
            onUndo={() => changePoints(points.slice(0, -1), false)}
            onClear={() => changePoints([], false)}
          />
          <Textarea
            label={t('placeGeometry.coordinatesLabel')}
            description={t('placeGeometry.coordinatesHelp')}
            autosize
            minRows={3}
            maxRows={12}
            value={text}
            onChange={(event) => changeText(event.currentTarget.value)}
            error={textError ?? error}
            styles={{ input: { fontFamily: 'monospace' } }}
          />
        </>
      )}
    </Stack>
  );
}
