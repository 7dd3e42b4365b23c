import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../components/PageHeader';
import { hasPermission, useMe } from '../../auth/index';
import { CategorySection } from './CategorySection';
import { FieldSettingsSection } from './FieldSettingsSection';

/** The city's set-up of field work: the categories' code list and who receives signals. */
export function FieldSetupPage() {
  const { t } = useTranslation();
  const me = useMe();
  return (
    <>
      <PageHeader title={t('fieldWork.setup.title')} description={t('fieldWork.setup.description', { city: me.tenant.name })} />
      <Stack gap="xl">
        {hasPermission(me, 'field_settings:update') && <FieldSettingsSection />}
        {hasPermission(me, 'field_category:manage') && <CategorySection />}
      </Stack>
    </>
  );
}
