import { List, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { ListSkeleton } from '../../../components/ListSkeleton';
import { formatDateTime } from '../../../lib/format';
import { useMe } from '../../auth/index';
import { FIELD_WORK_QUERY_KEY, listAmendments } from '../api';
import { useCategories, useFieldStaff } from '../use-field-lookups';

/** Every correction of a record: what it said before, what it says now, who changed it and why. */
export function AmendmentHistory({ recordId }: { recordId: string }) {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const { categoryOf } = useCategories();
  const staff = useFieldStaff();
  const amendments = useQuery({ queryKey: [...FIELD_WORK_QUERY_KEY, 'amendments', recordId], queryFn: () => listAmendments(recordId) });
  const show = (key: string, value: unknown): string => {
    if (value === null || value === undefined || value === '') return t('fieldWork.amend.empty');
    if (key === 'category') return categoryOf(String(value)).label;
    if (key === 'urgent') return t(value ? 'fieldWork.amend.yes' : 'fieldWork.amend.no');
    if (key === 'occurredAt') return formatDateTime(String(value), i18n.language, me.tenant.timeZone);
    if (key === 'location') return t('fieldWork.amend.movedOnMap');
    return String(value);
  };

  if (amendments.isPending) return <ListSkeleton rows={1} />;
  if (amendments.isError) return <ErrorAlert error={amendments.error} title={t('common.loadFailed')} onRetry={() => void amendments.refetch()} />;
  if (amendments.data.length === 0) return <Text size="sm" c="dimmed">{t('fieldWork.amend.none')}</Text>;
  return (
    <Stack gap="sm" component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {amendments.data.map((amendment) => (
        <li key={amendment.id}>
          <Text size="sm" fw={600}>
            {t('fieldWork.amend.byWhen', { when: formatDateTime(amendment.createdAt, i18n.language, me.tenant.timeZone), who: staff.nameOf(amendment.createdBy) ?? t('fieldWork.amend.someone') })}
          </Text>
          <List size="sm" withPadding>
            {Object.keys(amendment.after).map((key) => (
              <List.Item key={key}>
                {t('fieldWork.amend.change', { field: t(`fieldWork.record.${key}`, { defaultValue: key }), before: show(key, amendment.before[key]), after: show(key, amendment.after[key]) })}
              </List.Item>
            ))}
          </List>
          <Text size="sm">
            <Text span fw={600}>{t('fieldWork.amend.reason')}: </Text>
            {amendment.reason}
          </Text>
        </li>
      ))}
    </Stack>
  );
}
