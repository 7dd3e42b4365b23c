import { Button, ColorInput, Group, Stack, TextInput } from '@mantine/core';
import type { LocalityKind } from '@saferhood/contracts';
import { IconDeviceFloppy } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormErrorAlert } from '../../components/FormErrorAlert';
import { fieldErrorsOf } from '../../lib/error-message';
import { LANGUAGES, languageName } from '../../lib/i18n';
import { createLocalityKind, LOCALITIES_QUERY_KEY, updateLocalityKind } from './api';
import { isKindCode, isKindColor, KIND_SWATCHES } from './locality-kind-rules';

interface LocalityKindFormProps {
  /** The kind being relabelled or recoloured; none for a new one. */
  kind?: LocalityKind;
  onSaved: (kind: LocalityKind) => void;
  onCancel: () => void;
}

/** A kind of locality: a permanent code, a name in every language the app speaks, and its map colour. */
export function LocalityKindForm({ kind, onSaved, onCancel }: LocalityKindFormProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [code, setCode] = useState(kind?.code ?? '');
  const [labels, setLabels] = useState<Record<string, string>>(() => Object.fromEntries(LANGUAGES.map((language) => [language, kind?.labels[language] ?? ''])));
  const [color, setColor] = useState(kind?.color ?? KIND_SWATCHES[0]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = useMutation({
    mutationFn: (input: LocalityKind) => (kind ? updateLocalityKind(kind.code, { labels: input.labels, color: input.color }) : createLocalityKind(input)),
    onSuccess: (saved) => {
      // Kinds come with the localities list too (labels and colours of the map and the lists).
      void queryClient.invalidateQueries({ queryKey: LOCALITIES_QUERY_KEY });
      onSaved(saved);
    },
    onError: (error) => setErrors(fieldErrorsOf(error)),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const missing: Record<string, string> = {};
    if (!kind && !isKindCode(code.trim())) missing.code = t(code.trim() ? 'kinds.codeInvalid' : 'validation.required');
    for (const language of LANGUAGES) if (!labels[language]?.trim()) missing[`labels.${language}`] = t('validation.required');
    if (!isKindColor(color.toLowerCase())) missing.color = t('kinds.colorInvalid');
    setErrors(missing);
    if (Object.keys(missing).length > 0) return;
    save.mutate({
      code: kind?.code ?? code.trim(),
      labels: Object.fromEntries(LANGUAGES.map((language) => [language, labels[language]!.trim()])),
      color: color.toLowerCase(),
    });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        {save.isError && <FormErrorAlert error={save.error} shownFields={['code', 'color', ...LANGUAGES.map((language) => `labels.${language}`)]} />}
        {!kind && (
          <TextInput
            label={t('kinds.code')}
            description={t('kinds.codeHint')}
            required
            value={code}
            onChange={(event) => setCode(event.currentTarget.value)}
            error={errors.code}
            maxLength={40}
            autoCapitalize="none"
            spellCheck={false}
            styles={{ input: { fontFamily: 'monospace' } }}
          />
        )}
        {LANGUAGES.map((language) => (
          <TextInput
            key={language}
            lang={language}
            label={t('kinds.labelIn', { language: languageName(language) })}
            required
            value={labels[language] ?? ''}
            onChange={(event) => {
              const value = event.currentTarget.value;
              setLabels((current) => ({ ...current, [language]: value }));
            }}
            error={errors[`labels.${language}`] ?? errors.labels}
            maxLength={100}
          />
        ))}
        <ColorInput
          label={t('kinds.color')}
          description={t('kinds.colorHint')}
          required
          format="hex"
          value={color}
          onChange={setColor}
          swatches={[...KIND_SWATCHES]}
          swatchesPerRow={8}
          withEyeDropper={false}
          // Swatches to click, any other colour typed: Mantine's picker sliders carry no accessible name.
          withPicker={false}
          closeOnColorSwatchClick
          error={errors.color}
          popoverProps={{ withinPortal: true }}
        />
        <Group>
          <Button type="submit" loading={save.isPending} leftSection={<IconDeviceFloppy size={18} aria-hidden="true" />}>
            {t(kind ? 'common.save' : 'kinds.create')}
          </Button>
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
