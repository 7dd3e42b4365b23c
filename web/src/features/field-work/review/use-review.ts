import type { FieldRecord } from '@saferhood/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../../lib/error-message';
import { notify } from '../../../lib/notify';
import { amendRecord, FIELD_WORK_QUERY_KEY, reviewRecord, type AmendmentInput, type ReviewDecision } from '../api';

/**
 * Approves or returns a record. Whatever the answer (done, or refused because someone reviewed it
 * first), the lists reload so the mentor sees the record's state now.
 */
export function useReviewRecord(nameOf: (record: FieldRecord) => string) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ record, decision }: { record: FieldRecord; decision: Omit<ReviewDecision, 'version'> }) => reviewRecord(record.id, { ...decision, version: record.version }),
    onSuccess: (_record, { record, decision }) => {
      notify({ tone: 'success', message: t(decision.decision === 'approve' ? 'fieldWork.review.approvedNotice' : 'fieldWork.review.returnedNotice', { name: nameOf(record) }) });
    },
    onError: (error) => notify({ tone: 'error', title: t('common.errorTitle'), message: describeError(t, error) }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: FIELD_WORK_QUERY_KEY }),
  });
}

export function useAmendRecord(onDone: () => void) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ record, amendment }: { record: FieldRecord; amendment: Omit<AmendmentInput, 'version'> }) => amendRecord(record.id, { ...amendment, version: record.version }),
    onSuccess: () => {
      notify({ tone: 'success', message: t('fieldWork.amend.savedNotice') });
      onDone();
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: FIELD_WORK_QUERY_KEY }),
  });
}
