import { useMediaQuery } from '@mantine/hooks';

/** Wide enough for a table (62em, Mantine's md); narrower screens get one card per row instead. */
export function useIsWide(): boolean {
  return useMediaQuery('(min-width: 62em)', true) ?? true;
}
