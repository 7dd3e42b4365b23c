import { Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { Shift } from '@saferhood/contracts';
import { useTranslation } from 'react-i18next';
import { useIsWide } from '../../../components/use-is-wide';
import { formatDayLong, formatDayShort } from '../field-time';
import { ShiftCard } from './ShiftCard';

interface ShiftWeekProps {
  days: readonly string[];
  shifts: readonly Shift[];
  today: string;
  canPlan: boolean;
  onEdit: (shift: Shift) => void;
}

/** Seven columns on a desktop, a list of days on a phone; today is marked. */
export function ShiftWeek({ days, shifts, today, canPlan, onEdit }: ShiftWeekProps) {
  const { t, i18n } = useTranslation();
  const isWide = useIsWide();
  const byDay = (day: string) => shifts.filter((shift) => shift.date === day).sort((a, b) => a.start.localeCompare(b.start));
  return (
    <SimpleGrid cols={isWide ? 7 : 1} spacing="xs">
      {days.map((day) => {
        const list = byDay(day);
        const isToday = day === today;
        return (
          <Paper key={day} component="section" withBorder={isWide} p={isWide ? 'xs' : 0} radius="sm" aria-labelledby={`day-${day}`} style={isToday ? { outline: '2px solid var(--mantine-color-blue-7)' } : undefined}>
            <Stack gap="xs">
              <Title order={2} fz="sm" id={`day-${day}`} c={isToday ? 'blue.9' : undefined}>
                {isWide ? formatDayShort(day, i18n.language) : formatDayLong(day, i18n.language)}
                {isToday && ` · ${t('fieldWork.shifts.today')}`}
              </Title>
              {list.length === 0 ? (
                <Text size="xs" c="dimmed">
                  {t('fieldWork.shifts.noShifts')}
                </Text>
              ) : (
                list.map((shift) => <ShiftCard key={shift.id} shift={shift} onEdit={onEdit} canPlan={canPlan} />)
              )}
            </Stack>
          </Paper>
        );
      })}
    </SimpleGrid>
  );
}
