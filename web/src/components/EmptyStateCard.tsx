import { Card, Group, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import type { ReactNode } from 'react';

interface EmptyStateCardProps {
  icon: ReactNode;
  title: string;
  body: string;
  /** A badge or a link under the text. */
  footer?: ReactNode;
  headingOrder?: 2 | 3;
}

/** A card that says, in plain words, what will be here. */
export function EmptyStateCard({ icon, title, body, footer, headingOrder = 2 }: EmptyStateCardProps) {
  return (
    <Card withBorder radius="md" padding="lg" h="100%" className="wrap-anywhere">
      <Stack gap="sm" h="100%">
        <Group gap="sm" wrap="nowrap" align="flex-start">
          <ThemeIcon variant="light" size="lg" radius="md" aria-hidden="true">
            {icon}
          </ThemeIcon>
          <Title order={headingOrder} fz="h4" style={{ minWidth: 0 }}>
            {title}
          </Title>
        </Group>
        <Text size="sm" style={{ flexGrow: 1 }}>
          {body}
        </Text>
        {footer}
      </Stack>
    </Card>
  );
}
