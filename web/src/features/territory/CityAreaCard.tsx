import { Alert, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconUpload } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormErrorAlert } from '../../components/FormErrorAlert';
import { firstAreaOf } from './boundary-geojson';
import { CITY_AREA_QUERY_KEY, getCityArea, setCityArea } from './api';
import { readFileText } from './geojson-properties';
import { UploadFileInput } from '../../components/UploadFileInput';

/** The city's own area: the frame every map opens on. Set from a GeoJSON file's first polygon. */
export function CityAreaCard() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const cityArea = useQuery({ queryKey: CITY_AREA_QUERY_KEY, queryFn: getCityArea });
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<string | undefined>();
  const save = useMutation({
    mutationFn: setCityArea,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: CITY_AREA_QUERY_KEY });
      setFile(null);
    },
  });
  const submit = async (event: FormEvent) => {
    event.preventDefault();
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
          <Group>
            <Button type="submit" loading={save.isPending} leftSection={<IconUpload size={18} aria-hidden="true" />}>
              {t(cityArea.data ? 'cityArea.replace' : 'cityArea.set')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
