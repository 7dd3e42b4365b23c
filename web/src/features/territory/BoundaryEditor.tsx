import { Button, Group, SegmentedControl, Stack, Text, Textarea } from '@mantine/core';
import type { AreaGeometry } from '@saferhood/contracts';
import { IconArrowBackUp, IconCheck, IconTrash } from '@tabler/icons-react';
import type { Geometry } from 'geojson';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useIsWide } from '../../components/use-is-wide';
import { parseBoundary, polygonOf } from './boundary-geojson';
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
      <Text fw={500} size="sm" id="boundary-label">
        {t('boundary.label')}
      </Text>
      <SegmentedControl
        aria-labelledby="boundary-label"
        value={mode}
        onChange={changeMode}
        data={[
          { value: 'draw', label: t('boundary.modeDraw') },
          { value: 'paste', label: t('boundary.modePaste') },
        ]}
      />
      {mode === 'draw' ? (
        <>
          <Text size="sm" c="dimmed" id="boundary-draw-help">
            {t('boundary.drawHelp')}
          </Text>
          <LazyPointPickerMap
            points={points}
            isArea
            context={context}
            onPick={(point) => {
              if (!isFinished) changePoints([...points, point], false);
            }}
            onFinish={finish}
            bounds={bounds}
            label={t('boundary.mapLabel')}
            height={isWide ? 420 : 320}
          />
          <Text size="sm" role="status" aria-live="polite">
            {isFinished ? t('boundary.finished', { count: points.length }) : t('boundary.pointCount', { count: points.length })}
          </Text>
          <Group gap="xs">
            <Button size="xs" variant="default" leftSection={<IconCheck size={14} aria-hidden="true" />} disabled={points.length < 3 || isFinished} onClick={finish}>
              {t('boundary.finish')}
            </Button>
            <Button size="xs" variant="default" leftSection={<IconArrowBackUp size={14} aria-hidden="true" />} disabled={points.length === 0} onClick={() => changePoints(points.slice(0, -1), false)}>
              {t('boundary.undo')}
            </Button>
            <Button size="xs" variant="default" leftSection={<IconTrash size={14} aria-hidden="true" />} disabled={points.length === 0} onClick={() => changePoints([], false)}>
              {t('boundary.clear')}
            </Button>
          </Group>
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
