import { Alert, Button, List, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormErrorAlert } from '../../components/FormErrorAlert';
import { formatNumber } from '../../lib/format';
import { notify } from '../../lib/notify';
import { CRIME_QUERY_KEY, importCrimeData } from './api';
import { UploadFileInput } from '../../components/UploadFileInput';

const SHOWN_INVALID = 20;

/** Imports a monthly police file (CSV or GeoJSON); importing it again adds nothing twice. */
export function CrimeImportCard() {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | undefined>();
  const upload = useMutation({
    mutationFn: importCrimeData,
    onSuccess: (result) => {
      void queryClient.invalidateQueries({ queryKey: CRIME_QUERY_KEY });
      notify({ tone: 'success', message: t('crimeImport.done', { count: result.imported }) });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!file) {
      setFileError(t('validation.required'));
      return;
    }
    setFileError(undefined);
    upload.mutate(file);
  };
  const result = upload.data;
  const number = (value: number) => formatNumber(value, i18n.language);

  return (
    <Paper component="section" withBorder radius="md" p="md" aria-labelledby="crime-import">
      <Title order={2} fz="h3" id="crime-import" mb={4}>
        {t('crimeImport.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="md" className="wrap-anywhere">
        {t('crimeImport.description')}
      </Text>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {upload.isError && <FormErrorAlert error={upload.error} shownFields={['file']} />}
          <UploadFileInput
            label={t('crimeImport.file')}
            accept=".csv,.geojson,.json,text/csv,application/geo+json,application/json"
            value={file}
            onChange={(chosen) => {
              setFile(chosen);
              upload.reset();
            }}
            error={fileError}
            required
          />
          <div>
            <Button type="submit" loading={upload.isPending}>
              {t('crimeImport.submit')}
            </Button>
          </div>
        </Stack>
      </form>
      <div aria-live="polite">
        {result && (
          <Alert mt="md" color="green" variant="light" icon={<IconCircleCheck aria-hidden="true" />} title={t('crimeImport.resultTitle')} className="wrap-anywhere">
            <SimpleGrid component="dl" cols={{ base: 1, xs: 2 }} spacing={4} m={0}>
              <Text component="dt">{t('crimeImport.imported')}</Text>
              <Text component="dd" m={0} fw={700}>{number(result.imported)}</Text>
              <Text component="dt">{t('crimeImport.duplicates')}</Text>
              <Text component="dd" m={0} fw={700}>{number(result.duplicates)}</Text>
              <Text component="dt">{t('crimeImport.outsideArea')}</Text>
              <Text component="dd" m={0} fw={700}>{number(result.outsideArea)}</Text>
              <Text component="dt">{t('crimeImport.invalid')}</Text>
              <Text component="dd" m={0} fw={700}>{number(result.invalid.length)}</Text>
            </SimpleGrid>
            {result.invalid.length > 0 && (
              <List size="sm" mt="sm">
                {result.invalid.slice(0, SHOWN_INVALID).map((issue) => (
                  <List.Item key={issue.index}>{t('crimeImport.invalidRow', { row: issue.index + 1, reason: issue.reason })}</List.Item>
                ))}
                {result.invalid.length > SHOWN_INVALID && <List.Item>{t('crimeImport.moreInvalid', { count: result.invalid.length - SHOWN_INVALID })}</List.Item>}
              </List>
            )}
          </Alert>
        )}
      </div>
    </Paper>
  );
}
