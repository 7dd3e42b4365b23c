import { Alert, Button, Center, Stack } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../lib/error-message';

interface ErrorAlertProps {
  error: unknown;
  title?: string;
  onRetry?: () => void;
  fullScreen?: boolean;
}

/** What went wrong, translated, with a way to try again. */
export function ErrorAlert({ error, title, onRetry, fullScreen = false }: ErrorAlertProps) {
  const { t } = useTranslation();
  const alert = (
    <Alert role="alert" color="red" variant="light" icon={<IconAlertTriangle aria-hidden="true" />} title={title ?? t('common.errorTitle')} className="wrap-anywhere">
      <Stack gap="sm" align="flex-start">
        <span>{describeError(t, error)}</span>
        {onRetry && (
          <Button variant="default" size="xs" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        )}
      </Stack>
    </Alert>
  );
  if (!fullScreen) return alert;
  return (
    <Center component="main" mih="100dvh" p="md">
      {alert}
    </Center>
  );
}
