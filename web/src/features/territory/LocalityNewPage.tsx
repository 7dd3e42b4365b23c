import { Button, Group, NativeSelect, Paper, Stack, Textarea, TextInput } from '@mantine/core';
import type { AreaGeometry } from '@saferhood/contracts';
import { IconDeviceFloppy } from '@tabler/icons-react';
import type { Geometry, MultiPolygon } from 'geojson';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { FormErrorAlert } from '../../components/FormErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { fieldErrorsOf } from '../../lib/error-message';
import { notify } from '../../lib/notify';
import { CITY_AREA_QUERY_KEY, createLocality, getCityArea, listLocalityFeatures, LOCALITIES_QUERY_KEY, localityFeaturesQueryKey } from './api';
import { BoundaryEditor } from './BoundaryEditor';
import { boundsOf } from './map/map-bounds';
import { useKindLabel, useLocalities } from './use-localities';

/** Orientation under a map being drawn on: the city's area and the localities it already has. */
export function useTerritoryContext(): { context: Geometry[]; bounds: ReturnType<typeof boundsOf> } {
  const cityArea = useQuery({ queryKey: CITY_AREA_QUERY_KEY, queryFn: getCityArea });
  const features = useQuery({ queryKey: localityFeaturesQueryKey(), queryFn: listLocalityFeatures });
  return useMemo(() => {
    const localities = (features.data?.features ?? []).map((feature) => feature.geometry as Geometry);
    const context = [...(cityArea.data ? [cityArea.data as MultiPolygon] : []), ...localities];
    return { context, bounds: boundsOf(context) };
  }, [cityArea.data, features.data]);
}

/** A locality the coordinator draws (or pastes) rather than imports. */
export function LocalityNewPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const localities = useLocalities('active');
  const kinds = localities.data?.kinds ?? [];
  const kindLabel = useKindLabel(kinds);
  const { context, bounds } = useTerritoryContext();
  const [name, setName] = useState('');
  const [kind, setKind] = useState('');
  const [description, setDescription] = useState('');
  const [boundary, setBoundary] = useState<AreaGeometry | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const create = useMutation({
    mutationFn: createLocality,
    onSuccess: (locality) => {
      void queryClient.invalidateQueries({ queryKey: LOCALITIES_QUERY_KEY });
      notify({ tone: 'success', message: t('localities.createdNotice', { name: locality.name }) });
      void navigate(`/localities/${locality.id}`);
    },
    onError: (error) => setErrors(fieldErrorsOf(error)),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const missing: Record<string, string> = {};
    if (!name.trim()) missing.name = t('validation.required');
    if (!kind) missing.kind = t('validation.required');
    if (!boundary) missing.boundary = t('boundary.required');
    setErrors(missing);
    if (!boundary || Object.keys(missing).length > 0) return;
    create.mutate({ name: name.trim(), kind, description: description.trim() || undefined, boundary });
  };

  return (
    <>
      <PageHeader title={t('localities.newTitle')} description={t('localities.newDescription')} />
      <Paper withBorder radius="md" p="md">
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            {create.isError && <FormErrorAlert error={create.error} shownFields={['name', 'kind', 'description', 'boundary']} />}
            <TextInput label={t('localities.column.name')} required value={name} onChange={(event) => setName(event.currentTarget.value)} error={errors.name} maxLength={200} />
            <NativeSelect
              label={t('localities.column.kind')}
              required
              value={kind}
              onChange={(event) => setKind(event.currentTarget.value)}
              error={errors.kind}
              data={[{ value: '', label: t('localities.chooseKind') }, ...kinds.map((option) => ({ value: option.code, label: kindLabel(option.code) }))]}
            />
            <Textarea label={t('localities.descriptionLabel')} autosize minRows={2} value={description} onChange={(event) => setDescription(event.currentTarget.value)} error={errors.description} />
            <BoundaryEditor onChange={setBoundary} context={context} bounds={bounds} error={errors.boundary} />
            <Group>
              <Button type="submit" loading={create.isPending} leftSection={<IconDeviceFloppy size={18} aria-hidden="true" />}>
                {t('localities.create')}
              </Button>
              <Button component={Link} to="/localities" variant="default">
                {t('common.cancel')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </>
  );
}
