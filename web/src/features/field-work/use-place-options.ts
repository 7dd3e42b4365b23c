import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { requestJson } from '../../lib/api-client';
import { placeListSchema } from '@saferhood/contracts';

/** Places of duty to plan shifts at, and their names by id (archived ones too, for old shifts). */
export function usePlaceOptions() {
  const query = useQuery({
    queryKey: ['places', 'list', 'all'],
    queryFn: async () => (await requestJson('GET', '/places', placeListSchema, { query: { status: 'all' } })).items,
  });
  return useMemo(() => {
    const items = query.data ?? [];
    const names = new Map(items.map((place) => [place.id, place.name]));
    return {
      query,
      options: items.filter((place) => place.status === 'active').map((place) => ({ value: place.id, label: place.name })),
      nameOf: (id: string) => names.get(id),
    };
  }, [query]);
}
