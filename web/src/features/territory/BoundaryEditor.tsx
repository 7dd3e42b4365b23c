import { SegmentedControl, Stack, Text, Textarea } from '@mantine/core';
import type { AreaGeometry } from '@saferhood/contracts';
import type { Geometry } from 'geojson';
import { useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useIsWide } from '../../components/use-is-wide';
import { areaOf, parseBoundary, polygonOf, singlePolygonOf } from './boundary-geojson';
import { BoundaryVertexEditor } from './BoundaryVertexEditor';
import { DrawingControls } from './DrawingControls';
import { LazyPointPickerMap } from './map/LazyPointPickerMap';
import type { Bounds } from './map/map-bounds';
import type { LonLat } from './map/PointPickerMap';

type Mode = 'vertices' | 'draw' | 'paste';

interface BoundaryEditorProps {
  onChange: (boundary: AreaGeometry | null) => void;
  context: readonly Geometry[];
  bounds: Bounds | null;
  /** The boundary saved now, when one is being replaced: a single polygon's corners can then be dragged. */
  current?: Geometry | null;
  /** Shown beside the map (the boundary or drawing is missing or refused). */
  error?: string;
}

/**
 * The current boundary's corners dragged (when there is one polygon to drag), a boundary drawn on the map
 * (click vertices, double-click, Enter or "Finish" to close), or — for keyboard and screen-reader users, since
 * dragging or drawing on a canvas is neither — a GeoJSON Polygon pasted as text.
 */
export function BoundaryEditor({ onChange, context, bounds, current, error }: BoundaryEditorProps) {
  const { t } = useTranslation();
  const isWide = useIsWide();
  const labelId = useId();
  const original = useMemo(() => singlePolygonOf(current), [current]);
  const [mode, setMode] = useState<Mode>(original ? 'vertices' : 'draw');
  const [points, setPoints] = useState<LonLat[]>([]);
  const [isFinished, setFinished] = useState(false);
  const [text, setText] = useState('');
  const [textError, setTextError] = useState<string | null>(null);

  const changePoints = (next: LonLat[], finished: boolean) => {
    setPoints(next);
    setFinished(finished);
    onChange(polygonOf(next));
  };
  const changeText = (value: string) => {
    setText(value);
    if (!value.trim()) {
      setTextError(null);
      onChange(null);
      return;
    }
    const result = parseBoundary(value);
    setTextError('error' in result ? result.error : null);
    onChange('boundary' in result ? result.boundary : null);
  };
  // Opening on the current corners: saving them untouched is allowed (and changes nothing).
  useEffect(() => {
    if (mode === 'vertices' && original) onChange(areaOf(original));
  }, []);
  const changeMode = (value: string) => {
    const next: Mode = value === 'paste' ? 'paste' : value === 'vertices' && original ? 'vertices' : 'draw';
    setMode(next);
    if (next === 'draw') onChange(polygonOf(points));
    else if (next === 'paste') changeText(text);
    else onChange(original && areaOf(original));
  };
  const finish = () => {
    if (points.length >= 3) setFinished(true);
  };

  return (
    <Stack gap="xs">
      <Text fw={500} size="sm" id={labelId}>
        {t('boundary.label')}
      </Text>
      <SegmentedControl
        aria-labelledby={labelId}
        value={mode}
        onChange={changeMode}
        // Three choices do not fit side by side on a phone.
        orientation={original && !isWide ? 'vertical' : 'horizontal'}
        data={[
          ...(original ? [{ value: 'vertices', label: t('boundary.modeVertices') }] : []),
          { value: 'draw', label: t('boundary.modeDraw') },
          { value: 'paste', label: t('boundary.modePaste') },
        ]}
      />
      {current && !original && (
        <Text size="sm" c="dimmed">
          {t('boundary.verticesUnavailable')}
        </Text>
      )}
      {mode === 'vertices' && original ? (
        <>
          <BoundaryVertexEditor original={original} onChange={onChange} context={context} bounds={bounds} height={isWide ? 420 : 320} />
          {error && (
            <Text size="sm" c="red.8" role="alert">
              {error}
            </Text>
          )}
        </>
      ) : mode === 'draw' ? (
        <>
          <Text size="sm" c="dimmed">
            {t('boundary.drawHelp')}
          </Text>
          <LazyPointPickerMap
            points={points}
            shape="area"
            context={context}
            onPick={(point) => {
              if (!isFinished) changePoints([...points, point], false);
            }}
            onFinish={finish}
            bounds={bounds}
            label={t('boundary.mapLabel')}
            height={isWide ? 420 : 320}
          />
          <DrawingControls
            status={isFinished ? t('boundary.finished', { count: points.length }) : t('boundary.pointCount', { count: points.length })}
            canFinish={points.length >= 3 && !isFinished}
            count={points.length}
            onFinish={finish}
            onUndo={() => changePoints(points.slice(0, -1), false)}
            onClear={() => changePoints([], false)}
          />
          {error && (
            <Text size="sm" c="red.8" role="alert">
              {error}
            </Text>
          )}
        </>
      ) : (
        <Textarea
          label={t('boundary.pasteLabel')}
          description={t('boundary.pasteHelp')}
          autosize
          minRows={6}
          maxRows={16}
          value={text}
          onChange={(event) => changeText(event.currentTarget.value)}
          error={textError ? t(textError) : error}
          styles={{ input: { fontFamily: 'monospace' } }}
        />
      )}
    </Stack>
  );
}
