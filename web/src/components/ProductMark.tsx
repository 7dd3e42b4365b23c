import { Group, Text } from '@mantine/core';
import { IconShieldHalfFilled } from '@tabler/icons-react';

const PRODUCT_NAME = 'Saferhood';

/** The product's name with its mark; the name is not translated. */
export function ProductMark({ subtitle }: { subtitle?: string }) {
  return (
    <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
      <IconShieldHalfFilled size={28} color="var(--mantine-color-blue-8)" aria-hidden="true" />
      <div style={{ minWidth: 0 }}>
        <Text fw={700} size="lg" lh={1.1}>
          {PRODUCT_NAME}
        </Text>
        {subtitle && (
          <Text size="xs" c="dimmed" truncate="end">
            {subtitle}
          </Text>
        )}
      </div>
    </Group>
  );
}
