import { Button, Checkbox, Group, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormErrorAlert } from '../../../components/FormErrorAlert';
import { fieldErrorsOf } from '../../../lib/error-message';
import { notify } from '../../../lib/notify';
import { createTeam, FIELD_WORK_QUERY_KEY, updateTeam, type TeamInput } from '../api';
import type { StaffMember } from '../use-field-lookups';

export interface Team extends TeamInput {
  id: string;
  version: number;
}

/** A team: a name, its mentor and its assistants (an assistant is in one team at most). */
export function TeamForm({ team, staff, onDone }: { team?: Team; staff: readonly StaffMember[]; onDone: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [values, setValues] = useState<TeamInput>({ name: team?.name ?? '', mentorId: team?.mentorId ?? null, memberIds: team?.memberIds ?? [] });
  const [nameError, setNameError] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: (input: TeamInput) => (team ? updateTeam(team.id, { ...input, version: team.version }) : createTeam(input)),
    onSuccess: () => {
      notify({ tone: 'success', message: t(team ? 'fieldWork.teams.savedNotice' : 'fieldWork.teams.createdNotice', { name: values.name }) });
      void queryClient.invalidateQueries({ queryKey: FIELD_WORK_QUERY_KEY });
      onDone();
    },
  });
  const serverErrors = fieldErrorsOf(save.error);
  const mentors = staff.filter((person) => person.role === 'supervisor');
  const assistants = staff.filter((person) => person.role === 'assistant');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (values.name.trim() === '') {
      setNameError(t('validation.required'));
      return;
    }
    save.mutate({ ...values, name: values.name.trim() });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        {save.isError && <FormErrorAlert error={save.error} shownFields={['name', 'mentorId']} />}
        <TextInput label={t('fieldWork.teams.name')} value={values.name} onChange={(event) => { setValues({ ...values, name: event.currentTarget.value }); setNameError(null); }} required maxLength={200} error={nameError ?? serverErrors.name} />
        <NativeSelect
          label={t('fieldWork.teams.mentor')}
          value={values.mentorId ?? ''}
          onChange={(event) => setValues({ ...values, mentorId: event.currentTarget.value || null })}
          data={[{ value: '', label: t('fieldWork.teams.noMentor') }, ...mentors.map((person) => ({ value: person.id, label: person.name }))]}
          error={serverErrors.mentorId}
        />
        <Checkbox.Group label={t('fieldWork.teams.members')} value={values.memberIds} onChange={(memberIds) => setValues({ ...values, memberIds })}>
          <Stack gap={6} mt={6}>
            {assistants.length === 0 && <Text size="sm" c="dimmed">{t('fieldWork.shifts.noAssistants')}</Text>}
            {assistants.map((person) => (
              <Checkbox key={person.id} value={person.id} label={person.name} />
            ))}
          </Stack>
        </Checkbox.Group>
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {team ? t('common.save') : t('fieldWork.teams.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
