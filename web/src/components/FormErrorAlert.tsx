import { Alert, List } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../lib/api-client';
import { describeError } from '../lib/error-message';

interface FormErrorAlertProps {
  error: unknown;
  /** Fields the form shows its own messages beside; messages for any other field are listed here. */
  shownFields: readonly string[];
}

/** Why a form was refused, above the form; per-field messages stay beside their fields. */
export function FormErrorAlert({ error, shownFields }: FormErrorAlertProps) {
  const { t } = useTranslation();
  const unshown = error instanceof ApiError ? error.fieldErrors.filter(({ field }) => !shownFields.includes(field)) : [];
  return (
    <Alert role="alert" color="red" variant="light" icon={<IconAlertTriangle aria-hidden="true" />} className="wrap-anywhere">
      {describeError(t, error)}
      {unshown.length > 0 && (
        <List size="sm" mt="xs">
          {unshown.map(({ field, message }) => (
            <List.Item key={field}>{`${field}: ${message}`}</List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}
