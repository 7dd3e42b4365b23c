import { useMutation, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { notify } from '../../lib/notify';
import { listPropertyNames, PROPERTY_SCAN_LIMIT_BYTES, readFileText } from './geojson-properties';

interface BaseOptions {
  nameProperty: string;
  srid: '' | '4326' | '5514';
  isSkippingInvalid: boolean;
}

interface ImportOutcome {
  dryRun: boolean;
  created: number;
  updated: number;
  invalid: readonly unknown[];
}

interface GeoJsonImportConfig<Options extends BaseOptions, Request, Result extends ImportOutcome> {
  initial: Options;
  importFile: (request: Request) => Promise<Result>;
  /** Lists the import changes; refreshed after a commit. */
  invalidates: QueryKey[];
  /** Options guessed from the file's property names (name, code, kind…). */
  guess: (names: string[]) => Partial<Options>;
  /** The request for a file with valid options. */
  toRequest: (file: File, options: Options, isDryRun: boolean) => Request;
}

/**
 * The state of a GeoJSON import form (localities, places): the file and its property names, the options,
 * a preview (dry run) that any change invalidates, then the commit in one transaction.
 */
export function useGeoJsonImport<Options extends BaseOptions, Request, Result extends ImportOutcome>(config: GeoJsonImportConfig<Options, Request, Result>) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  // null: not read (too large, or not JSON) — the user types the property names.
  const [properties, setProperties] = useState<string[] | null>(null);
  const [options, setOptions] = useState<Options>(config.initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const run = useMutation({
    mutationFn: config.importFile,
    onSuccess: (result) => {
      if (result.dryRun) return;
      for (const queryKey of config.invalidates) void queryClient.invalidateQueries({ queryKey });
      notify({ tone: 'success', message: t('import.doneNotice', { created: result.created, updated: result.updated }) });
    },
  });
  const result = run.data;
  const preview = result?.dryRun ? result : undefined;

  const change = (patch: Partial<Options>) => {
    setOptions((current) => ({ ...current, ...patch }));
    // Other options, another outcome: the preview no longer applies.
    run.reset();
  };
  const chooseFile = async (chosen: File | null) => {
    setFile(chosen);
    setProperties(null);
    setErrors({});
    run.reset();
    if (!chosen || chosen.size > PROPERTY_SCAN_LIMIT_BYTES) return;
    const names = listPropertyNames(await readFileText(chosen).catch(() => ''));
    setProperties(names && names.length > 0 ? names : null);
    if (names) setOptions((current) => ({ ...current, ...config.guess(names) }));
  };
  const send = (isDryRun: boolean) => {
    const missing: Record<string, string> = {};
    if (!file) missing.file = t('validation.required');
    if (!options.nameProperty.trim()) missing.nameProperty = t('validation.required');
    setErrors(missing);
    if (!file || Object.keys(missing).length > 0) return;
    run.mutate(config.toRequest(file, options, isDryRun));
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    send(true);
  };

  return {
    file,
    properties,
    propertyOptions: (properties ?? []).map((name) => ({ value: name, label: name })),
    options,
    errors,
    run,
    preview,
    committed: result && !result.dryRun ? result : undefined,
    isBlocked: preview !== undefined && preview.invalid.length > 0 && !options.isSkippingInvalid,
    change,
    chooseFile,
    send,
    submit,
  };
}
