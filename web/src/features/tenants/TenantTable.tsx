import { Badge, Button, Table, Text } from '@mantine/core';
import type { Tenant } from '@saferhood/contracts';
import { IconPencil } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../lib/format';
import { languageName } from '../../lib/i18n';

interface TenantTableProps {
  tenants: readonly Tenant[];
  timeZone: string;
  canUpdate: boolean;
  onEdit: (tenant: Tenant) => void;
}

/** Cities on the platform; on a phone the table scrolls sideways inside its own box. */
export function TenantTable({ tenants, timeZone, canUpdate, onEdit }: TenantTableProps) {
  const { t, i18n } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table striped highlightOnHover verticalSpacing="sm">
        <Table.Caption className="visually-hidden">{t('tenants.title')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('tenants.column.name')}</Table.Th>
            <Table.Th scope="col">{t('tenants.column.slug')}</Table.Th>
            <Table.Th scope="col">{t('tenants.column.language')}</Table.Th>
            <Table.Th scope="col">{t('tenants.column.timeZone')}</Table.Th>
            <Table.Th scope="col">{t('tenants.column.currency')}</Table.Th>
            <Table.Th scope="col">{t('tenants.column.createdAt')}</Table.Th>
            {canUpdate && <Table.Th scope="col">{t('tenants.column.actions')}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {tenants.map((tenant) => (
            <Table.Tr key={tenant.id}>
              <Table.Td>
                <Text fw={600} size="sm" className="wrap-anywhere">
                  {tenant.name}
                </Text>
                {tenant.isPlatform && (
                  <Badge size="sm" variant="outline" color="gray" mt={4}>
                    {t('tenants.platform')}
                  </Badge>
                )}
              </Table.Td>
              <Table.Td>
                <Text ff="monospace" size="sm">
                  {tenant.slug}
                </Text>
              </Table.Td>
              <Table.Td>{languageName(tenant.defaultLanguage)}</Table.Td>
              <Table.Td>{tenant.timeZone}</Table.Td>
              <Table.Td>{tenant.currency}</Table.Td>
              <Table.Td>{formatDateTime(tenant.createdAt, i18n.language, timeZone)}</Table.Td>
              {canUpdate && (
                <Table.Td>
                  <Button
                    size="xs"
                    variant="default"
                    leftSection={<IconPencil size={14} aria-hidden="true" />}
                    onClick={() => onEdit(tenant)}
                    aria-label={t('tenants.editNamed', { name: tenant.name })}
                  >
                    {t('tenants.edit')}
                  </Button>
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
