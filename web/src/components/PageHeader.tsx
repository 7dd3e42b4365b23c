import { Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { usePageTitle } from '../lib/use-page-title';

interface PageHeaderProps {
  title: string;
  description?: ReactNode;
  actions?: ReactNode;
  /** The browser tab's name, when the heading is not a good one (a greeting, say). */
  documentTitle?: string;
}

/** The page's one h1, which also names the browser tab; actions sit beside it and wrap below on phones. */
export function PageHeader({ title, description, actions, documentTitle }: PageHeaderProps) {
  usePageTitle(documentTitle ?? title);
  return (
    <Group justify="space-between" align="flex-end" gap="md" mb="lg" wrap="wrap">
      <Stack gap={4} style={{ minWidth: 0, flex: '1 1 16rem' }}>
        <Title order={1} className="wrap-anywhere" fz={{ base: 'h2', sm: 'h1' }}>
          {title}
        </Title>
        {description && (
          <Text c="dimmed" className="wrap-anywhere">
            {description}
          </Text>
        )}
      </Stack>
      {actions && <Group gap="sm">{actions}</Group>}
    </Group>
  );
}
