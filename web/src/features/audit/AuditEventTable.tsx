import { Button, Table, Text } from '@mantine/core';
import type { AuditEvent } from '@saferhood/contracts';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../lib/format';

interface AuditEventTableProps {
  events: readonly AuditEvent[];
  timeZone: string;
  onShowChange: (event: AuditEvent) => void;
}

/** Who did what, when; scrolls sideways inside its own box on a phone. */
export function AuditEventTable({ events, timeZone, onShowChange }: AuditEventTableProps) {
  const { t, i18n } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table striped verticalSpacing="xs">
        <Table.Caption className="visually-hidden">{t('audit.title')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('audit.column.seq')}</Table.Th>
            <Table.Th scope="col">{t('audit.column.at')}</Table.Th>
            <Table.Th scope="col">{t('audit.column.actor')}</Table.Th>
            <Table.Th scope="col">{t('audit.column.action')}</Table.Th>
            <Table.Th scope="col">{t('audit.column.resource')}</Table.Th>
            <Table.Th scope="col">{t('audit.column.change')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {events.map((event) => (
            <Table.Tr key={event.seq}>
              <Table.Td>{event.seq}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(event.at, i18n.language, timeZone)}</Table.Td>
              <Table.Td className="wrap-anywhere">{event.actorEmail ?? t('audit.system')}</Table.Td>
              <Table.Td>
                <Text size="sm">{t(`audit.actions.${event.action}`, { defaultValue: event.action })}</Text>
                <Text size="xs" c="dimmed" ff="monospace">
                  {event.action}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{t(`audit.resources.${event.resourceType}`, { defaultValue: event.resourceType })}</Text>
                {event.resourceId && (
                  <Text size="xs" c="dimmed" ff="monospace" className="wrap-anywhere">
                    {event.resourceId}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                {(event.before !== null || event.after !== null) && (
                  <Button size="xs" variant="default" onClick={() => onShowChange(event)} aria-label={t('audit.showChangeNamed', { seq: event.seq })}>
                    {t('audit.showChange')}
                  </Button>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
