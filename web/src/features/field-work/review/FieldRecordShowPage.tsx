import { Anchor, Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageLoader } from '../../../components/PageLoader';
import { PageHeader } from '../../../components/PageHeader';
import { hasPermission, useMe } from '../../auth/index';
import { getRecord, RECORDS_QUERY_KEY } from '../api';
import { ApprovedRecordActions } from './ApprovedRecordActions';
import { FieldRecordCard } from './FieldRecordCard';
import { ReviewActions } from './ReviewActions';

/** One record, where a notification leads: a signal, an offender held, a returned record. */
export function FieldRecordShowPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const me = useMe();
  const record = useQuery({ queryKey: [...RECORDS_QUERY_KEY, 'one', id], queryFn: () => getRecord(id) });
  const canReview = hasPermission(me, 'field_record:review');
  return (
    <>
      <PageHeader title={t('fieldWork.record.title')} description={record.data?.sensitivity === 'restricted' ? t('fieldWork.signals.loggedNote') : undefined} />
      {record.isPending && <PageLoader />}
      {record.isError && <ErrorAlert error={record.error} title={t('common.loadFailed')} onRetry={() => void record.refetch()} />}
      {record.data && (
        <Stack gap="md" maw={820}>
          <FieldRecordCard record={record.data} showAssistant>
            {canReview && record.data.status === 'submitted' && <ReviewActions record={record.data} />}
            {record.data.status === 'approved' && <ApprovedRecordActions record={record.data} />}
          </FieldRecordCard>
          {canReview && (
            <Anchor component={Link} to="/field-review">
              {t('fieldWork.record.backToQueue')}
            </Anchor>
          )}
        </Stack>
      )}
    </>
  );
}
