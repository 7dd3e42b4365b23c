import { Alert, List } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../lib/api-client';
import { describeError } from '../../../lib/error-message';

/**
 * Why a plan was refused. A double-booking (409 shift_overlap) lists each clash the server named, in
 * the reader's language ("Tomáš Horváth already has a shift on …"), so the mentor knows whom to move.
 */
export function ShiftProblemAlert({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const details = error instanceof ApiError ? error.fieldErrors : [];
  const isOverlap = error instanceof ApiError && error.code === 'shift_overlap';
  return (
    <Alert role="alert" color="red" variant="light" icon={<IconAlertTriangle aria-hidden="true" />} title={isOverlap ? t('fieldWork.shifts.overlapTitle') : undefined} className="wrap-anywhere">
      {isOverlap ? t('fieldWork.shifts.overlapBody') : describeError(t, error)}
      {details.length > 0 && (
        <List size="sm" mt="xs">
          {details.map(({ field, message }, index) => (
            <List.Item key={`${field}-${index}`}>{message}</List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}
