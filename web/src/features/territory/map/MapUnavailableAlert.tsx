import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Shown instead of a map where WebGL is unavailable; the lists beside it still work. */
export function MapUnavailableAlert() {
  const { t } = useTranslation();
  return (
    <Alert color="orange" variant="light" className="wrap-anywhere">
      {t('map.unavailable')}
    </Alert>
  );
}
