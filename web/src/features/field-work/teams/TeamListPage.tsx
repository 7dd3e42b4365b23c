import { Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconPencil, IconUsersPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DialogModal } from '../../../components/DialogModal';
import { EmptyListNotice } from '../../../components/EmptyListNotice';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { ListSkeleton } from '../../../components/ListSkeleton';
import { PageHeader } from '../../../components/PageHeader';
import { hasPermission, useMe } from '../../auth/index';
import { listTeams, TEAMS_QUERY_KEY } from '../api';
import { useFieldStaff } from '../use-field-lookups';
import { TeamForm, type Team } from './TeamForm';

/** Teams of assistants and their mentors; week views can show one team's shifts. */
export function TeamListPage() {
  const { t } = useTranslation();
  const me = useMe();
  const teams = useQuery({ queryKey: TEAMS_QUERY_KEY, queryFn: listTeams });
  const staff = useFieldStaff();
  const [editing, setEditing] = useState<Team | 'new' | null>(null);
  const canManage = hasPermission(me, 'field_team:manage');
  const nameOf = (id: string) => staff.nameOf(id) ?? t('fieldWork.teams.unknownPerson');
  // Everyone the team names stays choosable even when the lookup does not know them by role.
  const known = [
    ...staff.staff,
    ...(editing && editing !== 'new' ? editing.memberIds.filter((id) => !staff.nameOf(id)).map((id) => ({ id, name: nameOf(id), role: 'assistant' as const })) : []),
  ];

  return (
    <>
      <PageHeader
        title={t('fieldWork.teams.title')}
        description={t('fieldWork.teams.description')}
        actions={
          canManage && (
            <Button leftSection={<IconUsersPlus size={18} aria-hidden="true" />} onClick={() => setEditing('new')}>
              {t('fieldWork.teams.new')}
            </Button>
          )
        }
      />
      {teams.isPending && <ListSkeleton rows={2} />}
      {teams.isError && <ErrorAlert error={teams.error} title={t('common.loadFailed')} onRetry={() => void teams.refetch()} />}
      {teams.data && teams.data.length === 0 && <EmptyListNotice>{t('fieldWork.teams.empty')}</EmptyListNotice>}
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
        {(teams.data ?? []).map((team) => (
          <Card key={team.id} withBorder radius="md" padding="md" component="article" aria-labelledby={`team-${team.id}`} className="wrap-anywhere">
            <Stack gap="xs">
              <Title order={2} fz="h4" id={`team-${team.id}`}>
                {team.name}
              </Title>
              <Text size="sm">
                <Text span fw={600}>{t('fieldWork.teams.mentor')}: </Text>
                {team.mentorId ? nameOf(team.mentorId) : t('fieldWork.teams.noMentor')}
              </Text>
              <Text size="sm">
                <Text span fw={600}>{t('fieldWork.teams.members')}: </Text>
                {team.memberIds.length === 0 ? t('fieldWork.teams.noMembers') : team.memberIds.map(nameOf).join(', ')}
              </Text>
              {canManage && (
                <Group>
                  <Button variant="light" size="xs" leftSection={<IconPencil size={14} aria-hidden="true" />} onClick={() => setEditing(team)} aria-label={t('fieldWork.teams.editNamed', { name: team.name })}>
                    {t('fieldWork.teams.edit')}
                  </Button>
                </Group>
              )}
            </Stack>
          </Card>
        ))}
      </SimpleGrid>
      <DialogModal opened={editing !== null} onClose={() => setEditing(null)} title={editing === 'new' ? t('fieldWork.teams.new') : t('fieldWork.teams.editTitle')}>
        {editing && <TeamForm key={editing === 'new' ? 'new' : editing.id} team={editing === 'new' ? undefined : editing} staff={known} onDone={() => setEditing(null)} />}
      </DialogModal>
    </>
  );
}
