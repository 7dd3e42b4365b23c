import { Button, Group, Paper, Stack, Text } from '@mantine/core';
import type { AuditEvent } from '@saferhood/contracts';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../lib/format';

interface AuditEventCardListProps {
  events: readonly AuditEvent[];
  timeZone: string;
  onShowChange: (event: AuditEvent) => void;
}

/** The audit log on a phone: one card per record instead of a table. */
export function AuditEventCardList({ events, timeZone, onShowChange }: AuditEventCardListProps) {
  const { t, i18n } = useTranslation();
  return (
    <Stack component="ol" gap="sm" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('audit.title')}>
      {events.map((event) => (
        <Paper component="li" key={event.seq} withBorder radius="md" p="md" className="wrap-anywhere">
          <Stack gap={4}>
            <Group justify="space-between" gap="xs" wrap="nowrap">
              <Text fw={600}>{t(`audit.actions.${event.action}`, { defaultValue: event.action })}</Text>
              <Text size="sm" c="dimmed">
                {t('audit.changeTitle', { seq: event.seq })}
              </Text>
            </Group>
            <Text size="sm">{formatDateTime(event.at, i18n.language, timeZone)}</Text>
            <Text size="sm">{event.actorEmail ?? t('audit.system')}</Text>
            <Text size="sm" c="dimmed">
              {t(`audit.resources.${event.resourceType}`, { defaultValue: event.resourceType })}
              {event.resourceId ? ` · ${event.resourceId}` : ''}
            </Text>
            {(event.before !== null || event.after !== null) && (
              <div>
                <Button size="xs" variant="default" mt={4} onClick={() => onShowChange(event)} aria-label={t('audit.showChangeNamed', { seq: event.seq })}>
                  {t('audit.showChange')}
                </Button>
              </div>
            )}
          </Stack>
        </Paper>
      ))}
    </Stack>
  );
}
