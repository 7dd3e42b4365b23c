import { Alert, Button, Group, List, Stack } from '@mantine/core';
import type { Indicator } from '@saferhood/contracts';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../lib/api-client';
import { describeError } from '../../lib/error-message';
import { notify } from '../../lib/notify';
import { importIndicatorValues, INDICATORS_QUERY_KEY } from './api';
import { UploadFileInput } from '../../components/UploadFileInput';

/** "rows.3" → line 5 of the file (the header is line 1, the first row line 2). */
function lineOf(field: string): number | null {
  const match = /^rows\.(\d+)$/.exec(field);
  return match ? Number(match[1]) + 2 : null;
}

/** Many values at once from a CSV or XLSX table (the XLSX export's layout imports back). */
export function IndicatorValueImportForm({ indicator }: { indicator: Indicator }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | undefined>();
  const upload = useMutation({
    mutationFn: (chosen: File) => importIndicatorValues(indicator.id, chosen),
    onSuccess: ({ recorded }) => {
      void queryClient.invalidateQueries({ queryKey: INDICATORS_QUERY_KEY });
      notify({ tone: 'success', message: t('indicatorImport.done', { count: recorded, name: indicator.name }) });
      setFile(null);
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setFileError(file ? undefined : t('validation.required'));
    if (file) upload.mutate(file);
  };
  const rowErrors = upload.error instanceof ApiError ? upload.error.fieldErrors : [];

  return (
    <form onSubmit={submit} noValidate aria-label={t('indicatorImport.title')}>
      <Stack gap="sm">
        {upload.isError && (
          <Alert role="alert" color="red" variant="light" icon={<IconAlertTriangle aria-hidden="true" />} className="wrap-anywhere">
            {rowErrors.length > 0 ? t('indicatorImport.invalidRows') : describeError(t, upload.error)}
            {rowErrors.length > 0 && (
              <List size="sm" mt="xs">
                {rowErrors.map(({ field, message }) => (
                  <List.Item key={field}>{lineOf(field) === null ? message : t('indicatorImport.row', { row: lineOf(field), reason: message })}</List.Item>
                ))}
              </List>
            )}
          </Alert>
        )}
        <UploadFileInput
          label={t('indicatorImport.file')}
          description={t('indicatorImport.fileHint')}
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          value={file}
          onChange={(chosen) => {
            setFile(chosen);
            upload.reset();
          }}
          error={fileError}
          required
        />
        <Group justify="flex-end">
          <Button type="submit" variant="default" loading={upload.isPending}>
            {t('indicatorImport.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
