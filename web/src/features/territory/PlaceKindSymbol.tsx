import { Box } from '@mantine/core';
import { MAP_COLORS, PLACE_KIND_STYLE } from './map/map-style';
import type { PlaceKind } from './place-kinds';

/** The place kind's map symbol, repeated in lists and the legend (decorative: the kind is also in words). */
export function PlaceKindSymbol({ kind }: { kind: PlaceKind }) {
  const style = PLACE_KIND_STYLE[kind];
  return (
    <Box w={24} style={{ flexShrink: 0, display: 'flex', justifyContent: 'center', alignItems: 'center', minHeight: 20 }} aria-hidden="true">
      {style.isDashed ? (
        <Box w={24} style={{ borderTop: `4px dashed ${style.color}` }} />
      ) : (
        <Box w={16} h={16} style={{ background: style.color, border: `2.5px solid ${MAP_COLORS.placeOutline}`, boxShadow: `0 0 0 1px ${style.color}`, borderRadius: '50%' }} />
      )}
    </Box>
  );
}
