import { Paper, Text } from '@mantine/core';

/** Said instead of an empty table. */
export function EmptyListNotice({ children }: { children: string }) {
  return (
    <Paper withBorder p="lg" radius="md">
      <Text ta="center">{children}</Text>
    </Paper>
  );
}
