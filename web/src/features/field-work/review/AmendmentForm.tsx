import { Button, Checkbox, Group, NativeSelect, NumberInput, Stack, Textarea } from '@mantine/core';
import type { FieldRecord } from '@saferhood/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormErrorAlert } from '../../../components/FormErrorAlert';
import { fieldErrorsOf } from '../../../lib/error-message';
import type { AmendmentInput } from '../api';
import { useCategories } from '../use-field-lookups';
import { useAmendRecord } from './use-review';

/** A correction of an approved record: only what changed is sent, with the reason; the original stays. */
export function AmendmentForm({ record, onDone }: { record: FieldRecord; onDone: () => void }) {
  const { t } = useTranslation();
  const { categories } = useCategories();
  const amend = useAmendRecord(onDone);
  const [category, setCategory] = useState(record.category);
  const [peopleCount, setPeopleCount] = useState<number | ''>(record.peopleCount ?? '');
  const [note, setNote] = useState(record.note ?? '');
  const [urgent, setUrgent] = useState(record.urgent);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const serverErrors = fieldErrorsOf(amend.error);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const changes: AmendmentInput['changes'] = {};
    if (category !== record.category) changes.category = category;
    if (peopleCount !== '' && peopleCount !== record.peopleCount) changes.peopleCount = peopleCount;
    if (note.trim() !== (record.note ?? '') && note.trim() !== '') changes.note = note.trim();
    if (urgent !== record.urgent) changes.urgent = urgent;
    const found: Record<string, string> = {};
    if (Object.keys(changes).length === 0) found.changes = t('fieldWork.amend.nothingChanged');
    if (reason.trim() === '') found.reason = t('validation.required');
    setErrors(found);
    if (Object.keys(found).length === 0) amend.mutate({ record, amendment: { changes, reason: reason.trim() } });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        {amend.isError && <FormErrorAlert error={amend.error} shownFields={['reason', 'changes.category', 'changes.peopleCount', 'changes.note']} />}
        <NativeSelect
          label={t('fieldWork.record.category')}
          value={category}
          onChange={(event) => setCategory(event.currentTarget.value)}
          data={categories.filter((option) => option.active || option.code === record.category).map((option) => ({ value: option.code, label: option.label }))}
          error={serverErrors['changes.category']}
        />
        <NumberInput label={t('fieldWork.record.peopleCount')} value={peopleCount} onChange={(value) => setPeopleCount(typeof value === 'number' ? value : '')} min={0} max={10000} allowDecimal={false} error={serverErrors['changes.peopleCount']} />
        <Textarea label={t('fieldWork.record.note')} value={note} onChange={(event) => setNote(event.currentTarget.value)} autosize minRows={2} maxLength={1000} error={serverErrors['changes.note']} />
        <Checkbox label={t('fieldWork.record.urgent')} checked={urgent} onChange={(event) => setUrgent(event.currentTarget.checked)} />
        <Textarea
          label={t('fieldWork.amend.reason')}
          description={t('fieldWork.amend.reasonHint')}
          value={reason}
          onChange={(event) => setReason(event.currentTarget.value)}
          required
          autosize
          minRows={2}
          maxLength={1000}
          error={errors.reason ?? serverErrors.reason ?? errors.changes}
        />
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={amend.isPending}>
            {t('fieldWork.amend.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
