import { Alert, Button, Group, NativeSelect, Stack, TextInput } from '@mantine/core';
import type { Place, PlaceGeometry } from '@saferhood/contracts';
import { IconDeviceFloppy } from '@tabler/icons-react';
import type { Geometry } from 'geojson';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FormErrorAlert } from '../../components/FormErrorAlert';
import { fieldErrorsOf, isApiError } from '../../lib/error-message';
import { createPlace, LOCALITIES_QUERY_KEY, PLACES_QUERY_KEY, updatePlace } from './api';
import type { Bounds } from './map/map-bounds';
import { PLACE_KINDS, type PlaceKind } from './place-kinds';
import { PlaceGeometryEditor, type PlaceShape } from './PlaceGeometryEditor';

interface PlaceFormProps {
  /** The place being edited; none for a new one. */
  place?: Place;
  context: readonly Geometry[];
  bounds: Bounds | null;
  mapHeight: number;
  onSaved: (place: Place) => void;
  /** The cancel control: a button or a link back. */
  cancel: ReactNode;
}

/** A place of duty's name, kind and where it is (a point or a line); creates it, or saves the changes. */
export function PlaceForm({ place, context, bounds, mapHeight, onSaved, cancel }: PlaceFormProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [name, setName] = useState(place?.name ?? '');
  const [kind, setKind] = useState<PlaceKind | ''>(place?.kind ?? '');
  const [geometry, setGeometry] = useState<PlaceGeometry | null>(place?.geometry ?? null);
  const [isGeometryChanged, setGeometryChanged] = useState(false);
  // A bike path is a line: choosing the kind before drawing picks the shape.
  const preferredShape: PlaceShape = kind === 'bike_path' ? 'line' : 'point';
  const [shape, setShape] = useState<PlaceShape | null>(place ? (place.geometry.type === 'Point' ? 'point' : 'line') : null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = useMutation({
    mutationFn: (input: { name: string; kind: PlaceKind; geometry: PlaceGeometry }) =>
      place
        ? updatePlace(place.id, { name: input.name, kind: input.kind, ...(isGeometryChanged ? { geometry: input.geometry } : {}), version: place.version })
        : createPlace(input),
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: PLACES_QUERY_KEY });
      void queryClient.invalidateQueries({ queryKey: LOCALITIES_QUERY_KEY });
      onSaved(saved);
    },
    onError: (error) => {
      setErrors(fieldErrorsOf(error));
      if (isApiError(error, 'version_conflict')) void queryClient.invalidateQueries({ queryKey: PLACES_QUERY_KEY });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const missing: Record<string, string> = {};
    if (!name.trim()) missing.name = t('validation.required');
    if (!kind) missing.kind = t('validation.required');
    if (!geometry) missing.geometry = t((shape ?? preferredShape) === 'point' ? 'places.pointMissing' : 'placeGeometry.lineMissing');
    setErrors(missing);
    if (!kind || !geometry || Object.keys(missing).length > 0) return;
    save.mutate({ name: name.trim(), kind, geometry });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        {save.isError &&
          (isApiError(save.error, 'version_conflict') ? (
            <Alert role="alert" color="orange" variant="light" className="wrap-anywhere">
              {t('places.conflict')}
            </Alert>
          ) : (
            <FormErrorAlert error={save.error} shownFields={['name', 'kind', 'geometry']} />
          ))}
        <TextInput label={t('places.name')} required value={name} onChange={(event) => setName(event.currentTarget.value)} error={errors.name} maxLength={200} />
        <NativeSelect
          label={t('places.kind')}
          required
          value={kind}
          onChange={(event) => setKind(event.currentTarget.value as PlaceKind | '')}
          error={errors.kind}
          data={[{ value: '', label: t('places.chooseKind') }, ...PLACE_KINDS.map((option) => ({ value: option, label: t(`places.kinds.${option}`) }))]}
        />
        <PlaceGeometryEditor
          initial={place?.geometry}
          preferredShape={preferredShape}
          onChange={(next, nextShape) => {
            setGeometry(next);
            setShape(nextShape);
            setGeometryChanged(true);
          }}
          context={context}
          bounds={bounds}
          error={errors.geometry}
          mapHeight={mapHeight}
        />
        <Group>
          <Button type="submit" loading={save.isPending} leftSection={<IconDeviceFloppy size={18} aria-hidden="true" />}>
            {t(place ? 'places.saveChanges' : 'places.save')}
          </Button>
          {cancel}
        </Group>
      </Stack>
    </form>
  );
}
