import { Alert, Button, Checkbox, Group, NativeSelect, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconCircleCheck, IconEye, IconFileImport } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { FormErrorAlert } from '../../components/FormErrorAlert';
import { UploadFileInput } from '../../components/UploadFileInput';
import { importPlaces, LOCALITIES_QUERY_KEY, PLACES_QUERY_KEY, type PlaceImportOptions } from './api';
import { CODE_PATTERNS, guessProperty, KIND_PATTERNS, NAME_PATTERNS } from './geojson-properties';
import { ImportPreview } from './ImportPreview';
import { useGeoJsonImport } from './use-geojson-import';
import { PLACE_KINDS, type PlaceKind } from './place-kinds';

interface Options {
  nameProperty: string;
  codeProperty: string;
  kindProperty: string;
  kind: PlaceKind;
  srid: '' | '4326' | '5514';
  isSkippingInvalid: boolean;
}

const INITIAL: Options = { nameProperty: '', codeProperty: '', kindProperty: '', kind: 'other', srid: '', isSkippingInvalid: false };

/** Places of duty (points and lines) from GeoJSON, like the localities: a preview, then the import in one transaction. */
export function PlaceImportForm() {
  const { t } = useTranslation();
  const { file, properties, propertyOptions, options, errors, run, preview, committed, isBlocked, change, chooseFile, send, submit } = useGeoJsonImport({
    initial: INITIAL,
    importFile: importPlaces,
    invalidates: [PLACES_QUERY_KEY, LOCALITIES_QUERY_KEY],
    guess: (names) => ({
      nameProperty: guessProperty(names, NAME_PATTERNS) ?? names[0] ?? '',
      codeProperty: guessProperty(names, CODE_PATTERNS) ?? '',
      kindProperty: guessProperty(names, KIND_PATTERNS) ?? '',
    }),
    toRequest: (file, options: Options, isDryRun): PlaceImportOptions => ({
      file,
      nameProperty: options.nameProperty.trim(),
      codeProperty: options.codeProperty.trim() || undefined,
      kindProperty: options.kindProperty.trim() || undefined,
      kind: options.kind,
      srid: options.srid || undefined,
      isDryRun,
      isSkippingInvalid: options.isSkippingInvalid,
    }),
  });
  const optionalProperty = (key: 'codeProperty' | 'kindProperty', label: string, hint: string, none: string) =>
    properties ? (
      <NativeSelect label={label} description={hint} value={options[key]} onChange={(event) => change({ [key]: event.currentTarget.value })} data={[{ value: '', label: none }, ...propertyOptions]} />
    ) : (
      <TextInput label={label} description={hint} value={options[key]} onChange={(event) => change({ [key]: event.currentTarget.value })} />
    );

  return (
    <Paper component="section" withBorder radius="md" p="md" aria-labelledby="place-import">
      <Title order={2} fz="h3" id="place-import" mb={4}>
        {t('placeImport.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="md" className="wrap-anywhere">
        {t('placeImport.description')}
      </Text>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {run.isError && <FormErrorAlert error={run.error} shownFields={['file', 'nameProperty', 'codeProperty', 'kindProperty', 'kind', 'srid']} />}
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
            {optionalProperty('codeProperty', t('import.codeProperty'), t('placeImport.codePropertyHint'), t('import.noCodeProperty'))}
            {optionalProperty('kindProperty', t('placeImport.kindProperty'), t('placeImport.kindPropertyHint', { kinds: PLACE_KINDS.join(', ') }), t('placeImport.noKindProperty'))}
            <NativeSelect
              label={t(options.kindProperty ? 'placeImport.kindFallback' : 'placeImport.kind')}
              value={options.kind}
              onChange={(event) => change({ kind: event.currentTarget.value as PlaceKind })}
              data={PLACE_KINDS.map((kind) => ({ value: kind, label: t(`places.kinds.${kind}`) }))}
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
          <Checkbox label={t('import.skipInvalid')} description={t('import.skipInvalidHint')} checked={options.isSkippingInvalid} onChange={(event) => change({ isSkippingInvalid: event.currentTarget.checked })} />
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
                {t('placeImport.blocked')}
              </Alert>
            )}
            <ImportPreview result={preview} />
          </>
        )}
        {committed && (
          <Alert color="green" variant="light" icon={<IconCircleCheck aria-hidden="true" />} title={t('import.doneTitle')} className="wrap-anywhere">
            <Stack gap="xs" align="flex-start">
              <span>{t('placeImport.doneBody', { created: committed.created, updated: committed.updated, skipped: committed.invalid.length })}</span>
              <Group gap="sm">
                <Button component={Link} to="/map" size="xs" variant="default">
                  {t('import.showOnMap')}
                </Button>
                <Button component={Link} to="/places" size="xs" variant="default">
                  {t('placeImport.showList')}
                </Button>
              </Group>
            </Stack>
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}
