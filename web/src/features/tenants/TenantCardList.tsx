import { Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import type { Tenant } from '@saferhood/contracts';
import { IconPencil } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { languageName } from '../../lib/i18n';

interface TenantCardListProps {
  tenants: readonly Tenant[];
  canUpdate: boolean;
  onEdit: (tenant: Tenant) => void;
}

/** The cities on a phone: one card per city instead of a table. */
export function TenantCardList({ tenants, canUpdate, onEdit }: TenantCardListProps) {
  const { t } = useTranslation();
  return (
    <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('tenants.title')}>
      {tenants.map((tenant) => (
        <Paper component="li" key={tenant.id} withBorder radius="md" p="md" className="wrap-anywhere">
          <Stack gap={6}>
            <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
              <div style={{ minWidth: 0 }}>
                <Text fw={600}>{tenant.name}</Text>
                <Text size="sm" ff="monospace">
                  {tenant.slug}
                </Text>
              </div>
              {tenant.isPlatform && (
                <Badge size="sm" variant="outline" color="gray">
                  {t('tenants.platform')}
                </Badge>
              )}
            </Group>
            <Text size="sm">
              {languageName(tenant.defaultLanguage)} · {tenant.timeZone} · {tenant.currency}
            </Text>
            {canUpdate && (
              <div>
                <Button
                  size="xs"
                  variant="default"
                  leftSection={<IconPencil size={14} aria-hidden="true" />}
                  onClick={() => onEdit(tenant)}
                  aria-label={t('tenants.editNamed', { name: tenant.name })}
                >
                  {t('tenants.edit')}
                </Button>
              </div>
            )}
          </Stack>
        </Paper>
      ))}
    </Stack>
  );
}
