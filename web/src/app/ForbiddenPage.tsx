import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../components/PageHeader';

export function ForbiddenPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('forbidden.title')} />
      <Alert color="red" variant="light" className="wrap-anywhere">
        {t('errors.forbidden')}
      </Alert>
    </>
  );
}
