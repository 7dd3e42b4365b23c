import { Button, Group, Text } from '@mantine/core';
import type { AreaGeometry } from '@saferhood/contracts';
import { IconRestore } from '@tabler/icons-react';
import type { Geometry, Polygon } from 'geojson';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { areaOf } from './boundary-geojson';
import { LazyVertexEditMap } from './map/LazyVertexEditMap';
import type { Bounds } from './map/map-bounds';

interface BoundaryVertexEditorProps {
  /** The boundary as it is saved now: the corners the coordinator starts from. */
  original: Polygon;
  onChange: (boundary: AreaGeometry | null) => void;
  context: readonly Geometry[];
  bounds: Bounds | null;
  height: number;
}

const cornersOf = (polygon: Polygon) => Math.max(0, (polygon.coordinates[0]?.length ?? 1) - 1);

/** The current boundary with draggable corners (terra-draw, loaded on opening), its corner count and a way back. */
export function BoundaryVertexEditor({ original, onChange, context, bounds, height }: BoundaryVertexEditorProps) {
  const { t } = useTranslation();
  const [edited, setEdited] = useState<Polygon>(original);
  // A new map (and so the original corners again) after "Start again".
  const [session, setSession] = useState(0);

  const change = (polygon: Polygon) => {
    setEdited(polygon);
    onChange(areaOf(polygon));
  };
  return (
    <>
      <Text size="sm" c="dimmed">
        {t('boundary.verticesHelp')}
      </Text>
      <LazyVertexEditMap
        key={session}
        geometry={original}
        context={context}
        onChange={(geometry) => {
          if (geometry.type === 'Polygon') change(geometry);
        }}
        bounds={bounds}
        label={t('boundary.verticesMapLabel')}
        height={height}
      />
      <Text size="sm" role="status" aria-live="polite">
        {t('boundary.cornerCount', { count: cornersOf(edited) })}
      </Text>
      <Group gap="xs">
        <Button
          size="xs"
          variant="default"
          leftSection={<IconRestore size={14} aria-hidden="true" />}
          disabled={edited === original}
          onClick={() => {
            setSession((current) => current + 1);
            change(original);
          }}
        >
          {t('boundary.restore')}
        </Button>
      </Group>
    </>
  );
}
