import { Button, Group, NativeSelect, Stack, Text } from '@mantine/core';
import type { Shift } from '@saferhood/contracts';
import { IconCalendarPlus, IconChevronLeft, IconChevronRight, IconRepeat } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { DialogModal } from '../../../components/DialogModal';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { ListSkeleton } from '../../../components/ListSkeleton';
import { PageHeader } from '../../../components/PageHeader';
import { formatDate } from '../../../lib/format';
import { hasPermission, useMe } from '../../auth/index';
import { listShifts, listTeams, SHIFTS_QUERY_KEY, TEAMS_QUERY_KEY } from '../api';
import { addDays, todayIn, weekDays, weekStart } from '../field-time';
import { useFieldStaff } from '../use-field-lookups';
import { ShiftCancelButton } from './ShiftCancelButton';
import { ShiftForm } from './ShiftForm';
import { ShiftSeriesForm } from './ShiftSeriesForm';
import { ShiftWeek } from './ShiftWeek';

type Dialog = { kind: 'new' } | { kind: 'series' } | { kind: 'edit'; shift: Shift } | null;

/** The mentor's week: everyone's, a team's or one assistant's shifts; plan one, a series, change or cancel. */
export function ShiftWeekPage() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const today = todayIn(me.tenant.timeZone);
  const [params, setParams] = useSearchParams();
  const monday = weekStart(params.get('week') ?? today);
  const who = params.get('who') ?? 'all';
  const [kind, whoId] = who.split(':') as [string, string | undefined];
  const days = weekDays(monday);
  const staff = useFieldStaff();
  const teams = useQuery({ queryKey: TEAMS_QUERY_KEY, queryFn: listTeams });
  const filter = kind === 'team' ? { teamId: whoId } : kind === 'assistant' ? { assistantId: whoId } : {};
  const shifts = useQuery({ queryKey: [...SHIFTS_QUERY_KEY, monday, who], queryFn: () => listShifts({ from: monday, to: addDays(monday, 6), ...filter }) });
  const [dialog, setDialog] = useState<Dialog>(null);
  const canPlan = hasPermission(me, 'shift:plan');
  const set = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    next.set(key, value);
    setParams(next, { replace: true });
  };
  const close = () => setDialog(null);
  const preselected = kind === 'assistant' && whoId ? [whoId] : [];
  // The freshest copy of the shift being edited, so a save after a conflict uses the reloaded version.
  const editing = dialog?.kind === 'edit' ? (shifts.data?.find((shift) => shift.id === dialog.shift.id) ?? dialog.shift) : null;
  const weekLabel = t('fieldWork.shifts.weekOf', { from: formatDate(monday, i18n.language), to: formatDate(addDays(monday, 6), i18n.language) });

  return (
    <>
      <PageHeader
        title={t('fieldWork.shifts.title')}
        description={t('fieldWork.shifts.description', { city: me.tenant.name })}
        actions={
          canPlan && (
            <>
              <Button leftSection={<IconCalendarPlus size={18} aria-hidden="true" />} onClick={() => setDialog({ kind: 'new' })}>
                {t('fieldWork.shifts.new')}
              </Button>
              <Button variant="light" leftSection={<IconRepeat size={18} aria-hidden="true" />} onClick={() => setDialog({ kind: 'series' })}>
                {t('fieldWork.series.new')}
              </Button>
            </>
          )
        }
      />
      <Stack gap="md">
        <Group justify="space-between" align="flex-end" gap="sm">
          <NativeSelect
            label={t('fieldWork.shifts.whose')}
            value={who}
            onChange={(event) => set('who', event.currentTarget.value)}
            data={[
              { value: 'all', label: t('fieldWork.shifts.everyone') },
              ...(teams.data ?? []).map((team) => ({ value: `team:${team.id}`, label: t('fieldWork.shifts.teamOption', { name: team.name }) })),
              ...staff.assistants.map((person) => ({ value: `assistant:${person.id}`, label: person.name })),
            ]}
            miw={240}
          />
          <Group gap="xs" wrap="wrap">
            <Button variant="default" leftSection={<IconChevronLeft size={16} aria-hidden="true" />} onClick={() => set('week', addDays(monday, -7))}>
              {t('fieldWork.shifts.previousWeek')}
            </Button>
            <Button variant="default" onClick={() => set('week', today)} disabled={monday === weekStart(today)}>
              {t('fieldWork.shifts.thisWeek')}
            </Button>
            <Button variant="default" rightSection={<IconChevronRight size={16} aria-hidden="true" />} onClick={() => set('week', addDays(monday, 7))}>
              {t('fieldWork.shifts.nextWeek')}
            </Button>
          </Group>
        </Group>
        <Text fw={600} aria-live="polite">
          {weekLabel}
        </Text>
        {shifts.isPending && <ListSkeleton rows={3} />}
        {shifts.isError && <ErrorAlert error={shifts.error} title={t('common.loadFailed')} onRetry={() => void shifts.refetch()} />}
        {shifts.data && <ShiftWeek days={days} shifts={shifts.data} today={today} canPlan={canPlan} onEdit={(shift) => setDialog({ kind: 'edit', shift })} />}
      </Stack>
      <DialogModal opened={dialog?.kind === 'new'} onClose={close} title={t('fieldWork.shifts.new')} size="lg">
        {dialog?.kind === 'new' && <ShiftForm date={monday < today && today <= addDays(monday, 6) ? today : monday} assistants={staff.assistants} assistantIds={preselected} onDone={close} />}
      </DialogModal>
      <DialogModal opened={dialog?.kind === 'series'} onClose={close} title={t('fieldWork.series.new')} size="lg">
        {dialog?.kind === 'series' && <ShiftSeriesForm from={monday < today ? today : monday} assistants={staff.assistants} assistantIds={preselected} onDone={close} />}
      </DialogModal>
      <DialogModal opened={editing !== null} onClose={close} title={t('fieldWork.shifts.editTitle')} size="lg">
        {editing && (
          <Stack gap="md">
            <ShiftForm key={editing.version} shift={editing} date={editing.date} assistants={staff.assistants} onDone={close} />
            <ShiftCancelButton shift={editing} onDone={close} />
          </Stack>
        )}
      </DialogModal>
    </>
  );
}
