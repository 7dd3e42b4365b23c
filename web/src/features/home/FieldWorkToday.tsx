import { Anchor, Badge, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ListSkeleton } from '../../components/ListSkeleton';
import { useMe } from '../auth/index';
// Straight from the files, not the feature's index: the index would load every field-work page with the home page.
import { FIELD_WORK_QUERY_KEY, getReviewQueue, listShifts } from '../field-work/api';
import { todayIn } from '../field-work/field-time';

/** The mentor's day at a glance: how many records wait for review, and today's shifts. */
export function FieldWorkToday() {
  const { t } = useTranslation();
  const me = useMe();
  const today = todayIn(me.tenant.timeZone);
  const queue = useQuery({ queryKey: [...FIELD_WORK_QUERY_KEY, 'review-queue'], queryFn: getReviewQueue });
  const shifts = useQuery({ queryKey: [...FIELD_WORK_QUERY_KEY, 'shifts', 'today', today], queryFn: () => listShifts({ from: today, to: today }) });
  const pending = (queue.data ?? []).reduce((sum, row) => sum + row.pending, 0);
  const urgent = (queue.data ?? []).reduce((sum, row) => sum + row.urgent, 0);
  const todays = (shifts.data ?? []).filter((shift) => !shift.cancelled).sort((a, b) => a.start.localeCompare(b.start));

  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md" mb="lg">
      <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="home-review" className="wrap-anywhere">
        <Stack gap="xs">
          <Title order={2} fz="h4" id="home-review">
            {t('fieldWork.home.queueTitle')}
          </Title>
          {queue.isPending && <ListSkeleton rows={1} />}
          {queue.isError && <Text c="red.8">{t('common.loadFailed')}</Text>}
          {queue.isSuccess && (
            <Group gap="xs" align="baseline">
              <Text fz={36} fw={700} lh={1}>
                {pending}
              </Text>
              <Text>{t('fieldWork.home.waiting')}</Text>
              {urgent > 0 && <Badge color="red" variant="filled">{t('fieldWork.review.urgentCount', { count: urgent })}</Badge>}
            </Group>
          )}
          <Anchor component={Link} to="/field-review">
            {t('fieldWork.home.review.action')}
          </Anchor>
        </Stack>
      </Paper>
      <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="home-today" className="wrap-anywhere">
        <Stack gap="xs">
          <Title order={2} fz="h4" id="home-today">
            {t('fieldWork.home.today')}
          </Title>
          {shifts.isPending && <ListSkeleton rows={2} />}
          {shifts.isError && <Text c="red.8">{t('common.loadFailed')}</Text>}
          {shifts.isSuccess && todays.length === 0 && <Text c="dimmed">{t('fieldWork.home.noShiftsToday')}</Text>}
          {todays.length > 0 && (
            <Stack component="ul" gap={4} m={0} p={0} style={{ listStyle: 'none' }}>
              {todays.map((shift) => (
                <Text component="li" key={shift.id} size="sm">
                  <Text span fw={700}>
                    {shift.start}–{shift.end}
                  </Text>{' '}
                  {t(`fieldWork.duty.${shift.dutyType}`)} · {shift.assistants.map((person) => person.name).join(', ')}
                  {shift.assistants.some((person) => person.checkedInAt) && ` · ${t('fieldWork.shifts.checkedIn')}`}
                </Text>
              ))}
            </Stack>
          )}
          <Anchor component={Link} to="/shifts">
            {t('fieldWork.home.shifts.action')}
          </Anchor>
        </Stack>
      </Paper>
    </SimpleGrid>
  );
}
