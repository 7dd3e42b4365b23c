import { Alert, Badge, Button, Group, Paper, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import type { AreaGeometry } from '@saferhood/contracts';
import { IconDeviceFloppy, IconUpload } from '@tabler/icons-react';
import type { Geometry, MultiPolygon } from 'geojson';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormErrorAlert } from '../../components/FormErrorAlert';
import { UploadFileInput } from '../../components/UploadFileInput';
import { CITY_AREA_QUERY_KEY, getCityArea, listLocalityFeatures, localityFeaturesQueryKey, setCityArea } from './api';
import { firstAreaOf } from './boundary-geojson';
import { BoundaryEditor } from './BoundaryEditor';
import { readFileText } from './geojson-properties';
import { boundsOf } from './map/map-bounds';

type Mode = 'file' | 'draw';

/** The city's own area: the frame every map opens on. From a GeoJSON file's first polygon, or drawn (or pasted). */
export function CityAreaCard() {
  const { t } = useTranslation();
  const modeLabelId = useId();
  const queryClient = useQueryClient();
  const cityArea = useQuery({ queryKey: CITY_AREA_QUERY_KEY, queryFn: getCityArea });
  const localities = useQuery({ queryKey: localityFeaturesQueryKey(), queryFn: listLocalityFeatures });
  const [mode, setMode] = useState<Mode>('file');
  const [file, setFile] = useState<File | null>(null);
  const [drawn, setDrawn] = useState<AreaGeometry | null>(null);
  // A new drawing after each save: the editor starts empty again over the area just saved.
  const [drawing, setDrawing] = useState(0);
  const [error, setError] = useState<string | undefined>();
  const save = useMutation({
    mutationFn: setCityArea,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: CITY_AREA_QUERY_KEY });
      setFile(null);
      setDrawn(null);
      setDrawing((current) => current + 1);
    },
  });
  // Drawn over what is there: the current area and the localities, in grey.
  const context = useMemo<Geometry[]>(
    () => [...(cityArea.data ? [cityArea.data as MultiPolygon] : []), ...(localities.data?.features ?? []).map((feature) => feature.geometry as Geometry)],
    [cityArea.data, localities.data],
  );
  const bounds = useMemo(() => boundsOf(context), [context]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (mode === 'draw') {
      if (!drawn) {
        setError(t('boundary.required'));
        return;
      }
      setError(undefined);
      save.mutate(drawn);
      return;
    }
    if (!file) {
      setError(t('validation.required'));
      return;
    }
    const boundary = firstAreaOf(await readFileText(file).catch(() => ''));
    if (!boundary) {
      setError(t('cityArea.noPolygon'));
      return;
    }
    setError(undefined);
    save.mutate(boundary);
  };

  return (
    <Paper component="section" withBorder radius="md" p="md" aria-labelledby="city-area">
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Stack gap="sm">
          <Group justify="space-between" gap="xs">
            <Title order={2} size="h3" id="city-area">
              {t('cityArea.title')}
            </Title>
            {cityArea.isSuccess && (
              <Badge color={cityArea.data ? 'green.9' : 'gray.7'} variant="filled">
                {t(cityArea.data ? 'cityArea.isSet' : 'cityArea.isNotSet')}
              </Badge>
            )}
          </Group>
          <Text size="sm" c="dimmed">
            {t('cityArea.description')}
          </Text>
          {cityArea.isError && <ErrorAlert error={cityArea.error} title={t('common.loadFailed')} onRetry={() => void cityArea.refetch()} />}
          {save.isError && <FormErrorAlert error={save.error} shownFields={[]} />}
          {save.isSuccess && (
            <Alert color="green" variant="light" role="status">
              {t('cityArea.savedNotice')}
            </Alert>
          )}
          <Text fw={500} size="sm" id={modeLabelId}>
            {t('cityArea.howLabel')}
          </Text>
          <SegmentedControl
            aria-labelledby={modeLabelId}
            value={mode}
            onChange={(value) => {
              setMode(value === 'draw' ? 'draw' : 'file');
              setError(undefined);
              save.reset();
            }}
            data={[
              { value: 'file', label: t('cityArea.modeFile') },
              { value: 'draw', label: t('cityArea.modeDraw') },
            ]}
            style={{ alignSelf: 'flex-start' }}
          />
          {mode === 'file' ? (
            <UploadFileInput
              label={t('cityArea.file')}
              accept=".geojson,.json,application/geo+json,application/json"
              value={file}
              onChange={(chosen) => {
                setFile(chosen);
                setError(undefined);
                save.reset();
              }}
              error={error}
            />
          ) : (
            <>
              <Text size="sm" c="dimmed">
                {t('cityArea.drawHint')}
              </Text>
              <BoundaryEditor
                key={drawing}
                onChange={(boundary) => {
                  setDrawn(boundary);
                  setError(undefined);
                }}
                context={context}
                bounds={bounds}
                current={cityArea.data as MultiPolygon | null | undefined}
                error={error}
              />
            </>
          )}
          <Group>
            <Button type="submit" loading={save.isPending} leftSection={mode === 'file' ? <IconUpload size={18} aria-hidden="true" /> : <IconDeviceFloppy size={18} aria-hidden="true" />}>
              {t(cityArea.data ? 'cityArea.replace' : 'cityArea.set')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
