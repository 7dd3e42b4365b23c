import { Button, Group, Stack, Textarea } from '@mantine/core';
import type { FieldRecord } from '@saferhood/contracts';
import { IconArrowBackUp, IconCheck } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useRecordName } from './FieldRecordCard';
import { useReviewRecord } from './use-review';

/** Approve, or return with a comment the assistant will read (required: a return without a reason helps nobody). */
export function ReviewActions({ record }: { record: FieldRecord }) {
  const { t } = useTranslation();
  const nameOf = useRecordName();
  const name = nameOf(record);
  const review = useReviewRecord(nameOf);
  const [isReturning, setReturning] = useState(false);
  const [comment, setComment] = useState('');
  const [commentError, setCommentError] = useState<string | null>(null);
  const isBusy = review.isPending;

  const submitReturn = (event: FormEvent) => {
    event.preventDefault();
    if (comment.trim() === '') {
      setCommentError(t('fieldWork.review.commentRequired'));
      return;
    }
    review.mutate({ record, decision: { decision: 'return', comment: comment.trim() } });
  };

  if (isReturning) {
    return (
      <form onSubmit={submitReturn} noValidate aria-label={t('fieldWork.review.returnFormLabel', { name })}>
        <Stack gap="xs">
          <Textarea
            label={t('fieldWork.review.comment')}
            description={t('fieldWork.review.commentHint')}
            value={comment}
            onChange={(event) => {
              setComment(event.currentTarget.value);
              setCommentError(null);
            }}
            error={commentError}
            required
            autosize
            minRows={2}
            maxLength={1000}
            data-autofocus
            autoFocus
          />
          <Group gap="xs">
            <Button type="submit" loading={isBusy} leftSection={<IconArrowBackUp size={16} aria-hidden="true" />} aria-label={t('fieldWork.review.returnSubmitNamed', { name })}>
              {t('fieldWork.review.returnSubmit')}
            </Button>
            <Button variant="default" onClick={() => setReturning(false)} disabled={isBusy}>
              {t('common.cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
    );
  }
  return (
    <Group gap="xs">
      <Button
        color="green"
        loading={isBusy}
        leftSection={<IconCheck size={16} aria-hidden="true" />}
        onClick={() => review.mutate({ record, decision: { decision: 'approve' } })}
        aria-label={t('fieldWork.review.approveNamed', { name })}
      >
        {t('fieldWork.review.approve')}
      </Button>
      <Button variant="default" disabled={isBusy} leftSection={<IconArrowBackUp size={16} aria-hidden="true" />} onClick={() => setReturning(true)} aria-label={t('fieldWork.review.returnNamed', { name })}>
        {t('fieldWork.review.return')}
      </Button>
    </Group>
  );
}
