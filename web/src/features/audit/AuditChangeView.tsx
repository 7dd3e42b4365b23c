import { Code, SimpleGrid, Stack, Text } from '@mantine/core';
import type { AuditEvent } from '@saferhood/contracts';
import { useTranslation } from 'react-i18next';

function formatState(state: unknown): string {
  return state === null || state === undefined ? '—' : JSON.stringify(state, null, 2);
}

/** The recorded state before and after one change; says so when it is withheld or was erased. */
export function AuditChangeView({ event }: { event: AuditEvent }) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm">
      {event.payload !== 'shown' && (
        <Text size="sm" c="dimmed">
          {t(`audit.payload.${event.payload}`)}
        </Text>
      )}
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        {(['before', 'after'] as const).map((side) => (
          <Stack key={side} gap={4} style={{ minWidth: 0 }}>
            <Text fw={600} size="sm">
              {t(`audit.change.${side}`)}
            </Text>
            <Code block style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
              {formatState(event[side])}
            </Code>
          </Stack>
        ))}
      </SimpleGrid>
    </Stack>
  );
}
