import { SegmentedControl, Stack, Text, Textarea } from '@mantine/core';
import type { AreaGeometry } from '@saferhood/contracts';
import type { Geometry } from 'geojson';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useIsWide } from '../../components/use-is-wide';
import { parseBoundary, polygonOf } from './boundary-geojson';
import { DrawingControls } from './DrawingControls';
import { LazyPointPickerMap } from './map/LazyPointPickerMap';
import type { Bounds } from './map/map-bounds';
import type { LonLat } from './map/PointPickerMap';

type Mode = 'draw' | 'paste';

interface BoundaryEditorProps {
  onChange: (boundary: AreaGeometry | null) => void;
  context: readonly Geometry[];
  bounds: Bounds | null;
  /** Shown beside the map (the boundary or drawing is missing or refused). */
  error?: string;
}

/**
 * A boundary drawn on the map (click vertices, double-click, Enter or "Finish" to close), or — for keyboard
 * and screen-reader users, since drawing on a canvas is neither — a GeoJSON Polygon pasted as text.
 */
export function BoundaryEditor({ onChange, context, bounds, error }: BoundaryEditorProps) {
  const { t } = useTranslation();
  const isWide = useIsWide();
  const labelId = useId();
  const [mode, setMode] = useState<Mode>('draw');
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
  const changeMode = (value: string) => {
    const next = value === 'paste' ? 'paste' : 'draw';
    setMode(next);
    if (next === 'draw') onChange(polygonOf(points));
    else changeText(text);
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
        data={[
          { value: 'draw', label: t('boundary.modeDraw') },
          { value: 'paste', label: t('boundary.modePaste') },
        ]}
      />
      {mode === 'draw' ? (
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
