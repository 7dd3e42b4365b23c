import { Alert, Button, Checkbox, Group, NativeSelect, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import type { LocalityKind } from '@saferhood/contracts';
import { IconCircleCheck, IconEye, IconFileImport } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { FormErrorAlert } from '../../components/FormErrorAlert';
import { importLocalities, LOCALITIES_QUERY_KEY, type LocalityImportOptions } from './api';
import { CODE_PATTERNS, guessProperty, NAME_PATTERNS } from './geojson-properties';
import { ImportPreview } from './ImportPreview';
import { useGeoJsonImport } from './use-geojson-import';
import { useKindLabel } from './use-localities';
import { UploadFileInput } from '../../components/UploadFileInput';

interface Options {
  nameProperty: string;
  codeProperty: string;
  kind: string;
  srid: '' | '4326' | '5514';
  isRepairing: boolean;
  isSkippingInvalid: boolean;
}

const INITIAL: Options = { nameProperty: '', codeProperty: '', kind: '', srid: '', isRepairing: false, isSkippingInvalid: false };

/** GeoJSON localities in two steps: a preview of what would happen, then the import in one transaction. */
export function LocalityImportForm({ kinds }: { kinds: readonly LocalityKind[] }) {
  const { t } = useTranslation();
  const kindLabel = useKindLabel(kinds);
  const { file, properties, propertyOptions, options, errors, run, preview, committed, isBlocked, change, chooseFile, send, submit } = useGeoJsonImport({
    initial: INITIAL,
    importFile: importLocalities,
    invalidates: [LOCALITIES_QUERY_KEY],
    guess: (names) => ({ nameProperty: guessProperty(names, NAME_PATTERNS) ?? names[0] ?? '', codeProperty: guessProperty(names, CODE_PATTERNS) ?? '' }),
    toRequest: (file, options: Options, isDryRun): LocalityImportOptions => ({
      file,
      nameProperty: options.nameProperty.trim(),
      codeProperty: options.codeProperty.trim() || undefined,
      kind: options.kind || undefined,
      srid: options.srid || undefined,
      isDryRun,
      isRepairing: options.isRepairing,
      isSkippingInvalid: options.isSkippingInvalid,
    }),
  });

  return (
    <Paper component="section" withBorder radius="md" p="md" aria-labelledby="locality-import">
      <Title order={2} fz="h3" id="locality-import" mb={4}>
        {t('import.localitiesTitle')}
      </Title>
      <Text size="sm" c="dimmed" mb="md" className="wrap-anywhere">
        {t('import.localitiesDescription')}
      </Text>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {run.isError && <FormErrorAlert error={run.error} shownFields={['file', 'nameProperty', 'codeProperty', 'kind', 'srid']} />}
          <UploadFileInput
            label={t('import.file')}
            description={t('import.fileHint')}
            accept=".geojson,.json,application/geo+json,application/json"
            value={file}
            onChange={(chosen) => void chooseFile(chosen)}
            error={errors.file}
            required
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            {properties ? (
              <NativeSelect label={t('import.nameProperty')} value={options.nameProperty} onChange={(event) => change({ nameProperty: event.currentTarget.value })} data={propertyOptions} error={errors.nameProperty} required />
            ) : (
              <TextInput label={t('import.nameProperty')} description={file ? t('import.typeProperty') : undefined} value={options.nameProperty} onChange={(event) => change({ nameProperty: event.currentTarget.value })} error={errors.nameProperty} required />
            )}
            {properties ? (
              <NativeSelect
                label={t('import.codeProperty')}
                description={t('import.codePropertyHint')}
                value={options.codeProperty}
                onChange={(event) => change({ codeProperty: event.currentTarget.value })}
                data={[{ value: '', label: t('import.noCodeProperty') }, ...propertyOptions]}
              />
            ) : (
              <TextInput label={t('import.codeProperty')} description={t('import.codePropertyHint')} value={options.codeProperty} onChange={(event) => change({ codeProperty: event.currentTarget.value })} />
            )}
            <NativeSelect
              label={t('import.kind')}
              value={options.kind}
              onChange={(event) => change({ kind: event.currentTarget.value })}
              data={[{ value: '', label: t('import.kindDefault', { kind: kinds[0] ? kindLabel(kinds[0].code) : '' }) }, ...kinds.map((kind) => ({ value: kind.code, label: kindLabel(kind.code) }))]}
            />
            <NativeSelect
              label={t('import.projection')}
              value={options.srid}
              onChange={(event) => change({ srid: event.currentTarget.value as Options['srid'] })}
              data={[
                { value: '', label: t('import.projections.auto') },
                { value: '4326', label: t('import.projections.wgs84') },
                { value: '5514', label: t('import.projections.sjtsk') },
              ]}
            />
          </SimpleGrid>
          <Stack gap="xs">
            <Checkbox label={t('import.repair')} description={t('import.repairHint')} checked={options.isRepairing} onChange={(event) => change({ isRepairing: event.currentTarget.checked })} />
            <Checkbox label={t('import.skipInvalid')} description={t('import.skipInvalidHint')} checked={options.isSkippingInvalid} onChange={(event) => change({ isSkippingInvalid: event.currentTarget.checked })} />
          </Stack>
          <Group gap="sm">
            <Button type="submit" variant={preview ? 'default' : 'filled'} leftSection={<IconEye size={18} aria-hidden="true" />} loading={run.isPending && run.variables.isDryRun}>
              {t('import.preview')}
            </Button>
            {preview && (
              <Button leftSection={<IconFileImport size={18} aria-hidden="true" />} disabled={isBlocked} loading={run.isPending && !run.variables.isDryRun} onClick={() => send(false)}>
                {t('import.commit')}
              </Button>
            )}
          </Group>
        </Stack>
      </form>
      <Stack gap="md" mt="lg" aria-live="polite">
        {preview && (
          <>
            <Title order={3} fz="h4">
              {t('import.previewTitle')}
            </Title>
            {isBlocked && (
              <Alert color="orange" variant="light" className="wrap-anywhere">
                {t('import.blocked')}
              </Alert>
            )}
            <ImportPreview result={preview} />
          </>
        )}
        {committed && (
          <Alert color="green" variant="light" icon={<IconCircleCheck aria-hidden="true" />} title={t('import.doneTitle')} className="wrap-anywhere">
            <Stack gap="xs" align="flex-start">
              <span>{t('import.doneBody', { created: committed.created, updated: committed.updated, repaired: committed.repaired, skipped: committed.invalid.length })}</span>
              <Group gap="sm">
                <Button component={Link} to="/map" size="xs" variant="default">
                  {t('import.showOnMap')}
                </Button>
                <Button component={Link} to="/localities" size="xs" variant="default">
                  {t('import.showList')}
                </Button>
              </Group>
            </Stack>
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}
