import { Button, Group, NativeSelect, Stack, Switch, Text, TextInput } from '@mantine/core';
import { CATEGORY_ALERTS, FIELD_ICONS, FIELD_RECORD_SENSITIVITIES, type FieldRecordCategory } from '@saferhood/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormErrorAlert } from '../../../components/FormErrorAlert';
import { fieldErrorsOf } from '../../../lib/error-message';
import { LANGUAGES, languageName } from '../../../lib/i18n';
import { notify } from '../../../lib/notify';
import { CATEGORIES_QUERY_KEY, createCategory, updateCategory, type CategoryInput } from '../api';
import { CategoryIcon } from '../category-icon';

const CODE_PATTERN = /^[a-z][a-z0-9_]{0,39}$/;

/** A category of the city's code list: its name in every language, icon, sensitivity and who is alerted. */
export function CategoryForm({ category, onDone }: { category?: FieldRecordCategory; onDone: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [code, setCode] = useState(category?.code ?? '');
  const [values, setValues] = useState<CategoryInput & { active: boolean }>({
    labels: Object.fromEntries(LANGUAGES.map((language) => [language, category?.labels[language] ?? ''])),
    icon: category?.icon ?? 'other',
    sensitivity: category?.sensitivity ?? 'internal',
    alert: category?.alert ?? 'none',
    active: category?.active ?? true,
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = useMutation({
    mutationFn: () => {
      const labels = Object.fromEntries(Object.entries(values.labels).filter(([, label]) => label.trim() !== '').map(([language, label]) => [language, label.trim()]));
      const body = { labels, icon: values.icon, sensitivity: values.sensitivity, alert: values.alert };
      return category ? updateCategory(category.code, { ...body, active: values.active }) : createCategory({ ...body, code });
    },
    onSuccess: (saved) => {
      notify({ tone: 'success', message: t(category ? 'fieldWork.categories.savedNotice' : 'fieldWork.categories.createdNotice', { name: saved.label }) });
      void queryClient.invalidateQueries({ queryKey: CATEGORIES_QUERY_KEY });
      onDone();
    },
  });
  const serverErrors = fieldErrorsOf(save.error);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!category && !CODE_PATTERN.test(code)) found.code = t('fieldWork.categories.codeInvalid');
    if (Object.values(values.labels).every((label) => label.trim() === '')) found.labels = t('fieldWork.categories.labelRequired');
    setErrors(found);
    if (Object.keys(found).length === 0) save.mutate();
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        {save.isError && <FormErrorAlert error={save.error} shownFields={['code', 'icon', 'sensitivity', 'alert']} />}
        {category ? (
          <Text size="sm">
            <Text span fw={600}>{t('fieldWork.categories.code')}: </Text>
            {category.code}
          </Text>
        ) : (
          <TextInput label={t('fieldWork.categories.code')} description={t('fieldWork.categories.codeHint')} value={code} onChange={(event) => setCode(event.currentTarget.value)} required error={errors.code ?? serverErrors.code} maxLength={40} />
        )}
        {LANGUAGES.map((language, index) => (
          <TextInput
            key={language}
            lang={language}
            label={t('fieldWork.categories.labelIn', { language: languageName(language) })}
            value={values.labels[language] ?? ''}
            onChange={(event) => setValues({ ...values, labels: { ...values.labels, [language]: event.currentTarget.value } })}
            maxLength={120}
            error={index === 0 ? (errors.labels ?? serverErrors.labels) : undefined}
          />
        ))}
        <Group gap="sm" align="flex-end" wrap="nowrap">
          <NativeSelect label={t('fieldWork.categories.icon')} value={values.icon} onChange={(event) => setValues({ ...values, icon: event.currentTarget.value })} data={FIELD_ICONS.map((icon) => ({ value: icon, label: t(`fieldWork.icons.${icon}`) }))} style={{ flex: 1 }} error={serverErrors.icon} />
          <CategoryIcon icon={values.icon} size={32} />
        </Group>
        <NativeSelect
          label={t('fieldWork.categories.sensitivity')}
          value={values.sensitivity}
          onChange={(event) => setValues({ ...values, sensitivity: event.currentTarget.value as CategoryInput['sensitivity'] })}
          data={FIELD_RECORD_SENSITIVITIES.map((value) => ({ value, label: t(`fieldWork.categories.sensitivities.${value}`) }))}
        />
        <NativeSelect
          label={t('fieldWork.categories.alert')}
          value={values.alert}
          onChange={(event) => setValues({ ...values, alert: event.currentTarget.value as CategoryInput['alert'] })}
          data={CATEGORY_ALERTS.map((value) => ({ value, label: t(`fieldWork.categories.alerts.${value}`) }))}
        />
        {category && <Switch label={t('fieldWork.categories.active')} description={t('fieldWork.categories.activeHint')} checked={values.active} onChange={(event) => setValues({ ...values, active: event.currentTarget.checked })} />}
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {category ? t('common.save') : t('fieldWork.categories.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
