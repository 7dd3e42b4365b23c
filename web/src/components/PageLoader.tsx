import { Center, Loader } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** A spinner that also tells screen readers what is happening. */
export function PageLoader({ fullScreen = false, label }: { fullScreen?: boolean; label?: string }) {
  const { t } = useTranslation();
  const text = label ?? t('common.loading');
  return (
    <Center role="status" aria-live="polite" mih={fullScreen ? '100dvh' : 160} p="md">
      <Loader aria-hidden="true" />
      <span className="visually-hidden">{text}</span>
    </Center>
  );
}
