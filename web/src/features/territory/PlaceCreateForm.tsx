import { Button, Group, NativeSelect, NumberInput, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconDeviceFloppy } from '@tabler/icons-react';
import type { Geometry } from 'geojson';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormErrorAlert } from '../../components/FormErrorAlert';
import { fieldErrorsOf } from '../../lib/error-message';
import { notify } from '../../lib/notify';
import { createPlace, LOCALITIES_QUERY_KEY, PLACES_QUERY_KEY } from './api';
import { LazyPointPickerMap } from './map/LazyPointPickerMap';
import type { Bounds } from './map/map-bounds';
import { PLACE_KINDS, type PlaceKind } from './place-kinds';

const toNumber = (value: string | number) => (typeof value === 'number' ? value : value.trim() === '' ? null : Number(value.replace(',', '.')));

/** A place of duty: its name, kind and a point picked on the map (or typed as longitude and latitude). */
export function PlaceCreateForm({ context, bounds, onDone }: { context: readonly Geometry[]; bounds: Bounds | null; onDone: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [kind, setKind] = useState<PlaceKind | ''>('');
  const [lon, setLon] = useState<number | null>(null);
  const [lat, setLat] = useState<number | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const create = useMutation({
    mutationFn: createPlace,
    onSuccess: (place) => {
      void queryClient.invalidateQueries({ queryKey: PLACES_QUERY_KEY });
      void queryClient.invalidateQueries({ queryKey: LOCALITIES_QUERY_KEY });
      notify({ tone: 'success', message: t('places.createdNotice', { name: place.name }) });
      onDone();
    },
    onError: (error) => setErrors(fieldErrorsOf(error)),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const missing: Record<string, string> = {};
    if (!name.trim()) missing.name = t('validation.required');
    if (!kind) missing.kind = t('validation.required');
    if (lon === null || !Number.isFinite(lon) || lon < -180 || lon > 180) missing.lon = t('places.pointMissing');
    if (lat === null || !Number.isFinite(lat) || lat < -90 || lat > 90) missing.lat = t('places.pointMissing');
    setErrors(missing);
    if (!kind || lon === null || lat === null || Object.keys(missing).length > 0) return;
    create.mutate({ name: name.trim(), kind, geometry: { type: 'Point', coordinates: [lon, lat] } });
  };

  return (
    <Paper component="section" withBorder radius="md" p="md" aria-labelledby="place-create">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Title order={2} size="h4" id="place-create">
            {t('places.addTitle')}
          </Title>
          {create.isError && <FormErrorAlert error={create.error} shownFields={['name', 'kind', 'geometry']} />}
          <TextInput label={t('places.name')} required value={name} onChange={(event) => setName(event.currentTarget.value)} error={errors.name} maxLength={200} />
          <NativeSelect
            label={t('places.kind')}
            required
            value={kind}
            onChange={(event) => setKind(event.currentTarget.value as PlaceKind | '')}
            error={errors.kind}
            data={[{ value: '', label: t('places.chooseKind') }, ...PLACE_KINDS.map((option) => ({ value: option, label: t(`places.kinds.${option}`) }))]}
          />
          <Text size="sm" c="dimmed">
            {t('places.pickHelp')}
          </Text>
          <LazyPointPickerMap
            points={lon !== null && lat !== null ? [[lon, lat]] : []}
            isArea={false}
            context={context}
            onPick={([pickedLon, pickedLat]) => {
              setLon(pickedLon);
              setLat(pickedLat);
            }}
            bounds={bounds}
            label={t('places.pickMapLabel')}
            height={300}
          />
          <SimpleGrid cols={2} spacing="sm">
            <NumberInput label={t('places.lon')} value={lon ?? ''} onChange={(value) => setLon(toNumber(value))} decimalScale={6} min={-180} max={180} hideControls error={errors.lon ?? errors.geometry} />
            <NumberInput label={t('places.lat')} value={lat ?? ''} onChange={(value) => setLat(toNumber(value))} decimalScale={6} min={-90} max={90} hideControls error={errors.lat} />
          </SimpleGrid>
          <Group>
            <Button type="submit" loading={create.isPending} leftSection={<IconDeviceFloppy size={18} aria-hidden="true" />}>
              {t('places.save')}
            </Button>
            <Button variant="default" onClick={onDone}>
              {t('common.cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
