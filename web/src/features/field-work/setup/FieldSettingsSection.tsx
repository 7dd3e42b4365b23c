import { Button, Card, NativeSelect, Stack, Switch, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { FormErrorAlert } from '../../../components/FormErrorAlert';
import { ListSkeleton } from '../../../components/ListSkeleton';
import { fieldErrorsOf } from '../../../lib/error-message';
import { notify } from '../../../lib/notify';
import { getFieldSettings, SETTINGS_QUERY_KEY, updateFieldSettings, type FieldSettings } from '../api';
import { useFieldStaff } from '../use-field-lookups';

/** Who receives signals of hidden crime (a social worker, a police contact) and whether check-in records GPS. */
export function FieldSettingsSection() {
  const { t } = useTranslation();
  const settings = useQuery({ queryKey: SETTINGS_QUERY_KEY, queryFn: getFieldSettings });
  return (
    <Stack component="section" gap="md" aria-labelledby="setup-settings">
      <Title order={2} fz="h3" id="setup-settings">
        {t('fieldWork.settings.title')}
      </Title>
      {settings.isPending && <ListSkeleton rows={2} />}
      {settings.isError && <ErrorAlert error={settings.error} title={t('common.loadFailed')} onRetry={() => void settings.refetch()} />}
      {settings.data && <FieldSettingsForm key={JSON.stringify(settings.data)} settings={settings.data} />}
    </Stack>
  );
}

function FieldSettingsForm({ settings }: { settings: FieldSettings }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const staff = useFieldStaff();
  const [values, setValues] = useState(settings);
  const save = useMutation({
    mutationFn: () => updateFieldSettings(values),
    onSuccess: (saved) => {
      queryClient.setQueryData(SETTINGS_QUERY_KEY, saved);
      notify({ tone: 'success', message: t('fieldWork.settings.savedNotice') });
    },
  });
  const errors = fieldErrorsOf(save.error);
  const option = (id: string | null, roles: string[]) => [
    { value: '', label: t('fieldWork.settings.nobody') },
    ...staff.staff.filter((person) => roles.includes(person.role) || person.id === id).map((person) => ({ value: person.id, label: `${person.name} (${t(`roles.${person.role}`)})` })),
  ];
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  return (
    <Card withBorder radius="md" padding="lg" maw={640}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {save.isError && <FormErrorAlert error={save.error} shownFields={['signalSocialWorkerId', 'signalPoliceContactId']} />}
          <Text size="sm">{t('fieldWork.settings.signalsHint')}</Text>
          <NativeSelect label={t('fieldWork.settings.socialWorker')} value={values.signalSocialWorkerId ?? ''} onChange={(event) => setValues({ ...values, signalSocialWorkerId: event.currentTarget.value || null })} data={option(values.signalSocialWorkerId, ['social_worker'])} error={errors.signalSocialWorkerId} />
          <NativeSelect label={t('fieldWork.settings.policeContact')} value={values.signalPoliceContactId ?? ''} onChange={(event) => setValues({ ...values, signalPoliceContactId: event.currentTarget.value || null })} data={option(values.signalPoliceContactId, ['team_member', 'supervisor'])} error={errors.signalPoliceContactId} />
          <Switch label={t('fieldWork.settings.gpsCheckIn')} description={t('fieldWork.settings.gpsHint')} checked={values.gpsCheckIn} onChange={(event) => setValues({ ...values, gpsCheckIn: event.currentTarget.checked })} />
          <Button type="submit" loading={save.isPending} style={{ alignSelf: 'flex-start' }}>
            {t('common.save')}
          </Button>
        </Stack>
      </form>
    </Card>
  );
}
