import { Box, Button, Group, NativeSelect, TextInput } from '@mantine/core';
import { meUpdateSchema, type Me } from '@saferhood/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrorsOf } from '../../lib/error-message';
import { FormErrorAlert } from '../../components/FormErrorAlert';
import { validateForm, type FieldMessages } from '../../lib/form-validation';
import { LANGUAGES, languageName, switchLanguage } from '../../lib/i18n';
import { applySession } from '../auth/index';
import { updateProfile } from './api';
import { SectionCard } from './SectionCard';
import { notify } from '../../lib/notify';

/** Display name and the language saved for every device. */
export function ProfileForm({ me }: { me: Me }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [displayName, setDisplayName] = useState(me.user.displayName);
  const { i18n } = useTranslation();
  const [language, setLanguage] = useState(me.user.language ?? i18n.language);
  const [errors, setErrors] = useState<FieldMessages>({});

  const save = useMutation({
    mutationFn: updateProfile,
    onSuccess: (updated) => {
      applySession(queryClient, updated);
      if (updated.user.language) switchLanguage(updated.user.language);
      notify({ tone: 'success', message: t('account.profile.saved') });
    },
    onError: (error) => setErrors(fieldErrorsOf(error)),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    // Saving the name alone must not pin a language the person never chose.
    const isLanguageChosen = language !== (me.user.language ?? i18n.language) || me.user.language !== null;
    const checked = validateForm(meUpdateSchema, { displayName, language: isLanguageChosen ? language : undefined }, t);
    setErrors(checked.ok ? {} : checked.errors);
    if (checked.ok) save.mutate(checked.value);
    // A refusal from the last attempt no longer applies to what is on screen now.
    else save.reset();
  };

  return (
    <SectionCard title={t('account.profile.title')}>
      <form onSubmit={submit} noValidate>
        <TextInput
          label={t('account.profile.displayName')}
          value={displayName}
          onChange={(event) => setDisplayName(event.currentTarget.value)}
          error={errors.displayName}
          autoComplete="name"
          required
          mb="md"
        />
        <NativeSelect
          label={t('account.profile.language')}
          description={t('account.profile.languageHint')}
          value={language}
          onChange={(event) => setLanguage(event.currentTarget.value)}
          data={LANGUAGES.map((code) => ({ value: code, label: languageName(code) }))}
          error={errors.language}
          mb="md"
        />
        {save.isError && (
          <Box mb="md">
            <FormErrorAlert error={save.error} shownFields={['displayName', 'language']} />
          </Box>
        )}
        <Group>
          <Button type="submit" loading={save.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </form>
    </SectionCard>
  );
}
