import { Alert, Button, Group, Paper, Stack } from '@mantine/core';
import type { AreaGeometry } from '@saferhood/contracts';
import { IconDeviceFloppy } from '@tabler/icons-react';
import type { Geometry, MultiPolygon } from 'geojson';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormErrorAlert } from '../../components/FormErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { PageLoader } from '../../components/PageLoader';
import { isApiError } from '../../lib/error-message';
import { notify } from '../../lib/notify';
import { getLocality, LOCALITIES_QUERY_KEY, localityQueryKey, updateLocality } from './api';
import { BoundaryEditor } from './BoundaryEditor';
import { boundsOf } from './map/map-bounds';

/** A new boundary for a locality: its corners dragged, drawn over the current one (shown in grey) or pasted as GeoJSON. */
export function LocalityBoundaryPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { id = '' } = useParams();
  const locality = useQuery({ queryKey: localityQueryKey(id), queryFn: () => getLocality(id) });
  const [boundary, setBoundary] = useState<AreaGeometry | null>(null);
  const [error, setError] = useState<string | undefined>();
  const queryClient = useQueryClient();
  // Refusals are shown above the form (not as a passing notice): the coordinator corrects and saves again.
  const update = useMutation({
    mutationFn: (boundary: AreaGeometry) => updateLocality(id, { boundary, version: locality.data?.version ?? 1 }),
    onSuccess: (updated) => {
      void queryClient.invalidateQueries({ queryKey: LOCALITIES_QUERY_KEY });
      notify({ tone: 'success', message: t('boundary.savedNotice', { name: updated.name }) });
      void navigate(`/localities/${id}`);
    },
    onError: (failure) => {
      if (isApiError(failure, 'version_conflict')) void queryClient.invalidateQueries({ queryKey: LOCALITIES_QUERY_KEY });
    },
  });
  const context = useMemo<Geometry[]>(() => (locality.data ? [locality.data.boundary as MultiPolygon] : []), [locality.data]);
  const bounds = useMemo(() => boundsOf(context), [context]);

  if (locality.isPending) return <PageLoader />;
  if (locality.isError) {
    return (
      <>
        <PageHeader title={t('boundary.editTitle')} />
        <ErrorAlert error={locality.error} title={t('common.loadFailed')} onRetry={() => void locality.refetch()} />
      </>
    );
  }
  const shown = locality.data;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!boundary) {
      setError(t('boundary.required'));
      return;
    }
    setError(undefined);
    update.mutate(boundary);
  };

  return (
    <>
      <PageHeader title={t('boundary.editTitleNamed', { name: shown.name })} description={t('boundary.editDescription')} />
      <Paper withBorder radius="md" p="md">
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            {update.isError &&
              (isApiError(update.error, 'version_conflict') ? (
                <Alert role="alert" color="orange" variant="light" className="wrap-anywhere">
                  {t('boundary.conflict')}
                </Alert>
              ) : (
                <FormErrorAlert error={update.error} shownFields={[]} />
              ))}
            <BoundaryEditor onChange={setBoundary} context={context} bounds={bounds} current={shown.boundary as MultiPolygon} error={error} />
            <Group>
              <Button type="submit" loading={update.isPending} leftSection={<IconDeviceFloppy size={18} aria-hidden="true" />}>
                {t('boundary.save')}
              </Button>
              <Button component={Link} to={`/localities/${id}`} variant="default">
                {t('common.cancel')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </>
  );
}
