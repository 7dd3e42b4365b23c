import { Badge, Button, Group, Stack, Tabs, Text } from '@mantine/core';
import type { FieldRecord, FieldRecordStatus } from '@saferhood/contracts';
import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { EmptyListNotice } from '../../../components/EmptyListNotice';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { ListSkeleton } from '../../../components/ListSkeleton';
import { PageHeader } from '../../../components/PageHeader';
import { useMe } from '../../auth/index';
import { getReviewQueue, listRecords, RECORDS_QUERY_KEY, FIELD_WORK_QUERY_KEY } from '../api';
import { addDays, todayIn } from '../field-time';
import { ApprovedRecordActions } from './ApprovedRecordActions';
import { FieldRecordCard } from './FieldRecordCard';
import { ReviewActions } from './ReviewActions';

const TABS = ['submitted', 'approved', 'returned'] as const;
const ALL = 'all';
/** Approved and returned records are for looking back: the newest this many of the last two months. */
const DONE_LIMIT = 100;

/** Urgent first, then the oldest: what waits longest and matters most comes to the top. */
function byUrgencyThenTime(a: FieldRecord, b: FieldRecord): number {
  if (a.urgent !== b.urgent) return a.urgent ? -1 : 1;
  return a.occurredAt.localeCompare(b.occurredAt);
}

/** The mentor's queue: unreviewed records per assistant, approve or return; approved ones locked, amendable. */
export function ReviewQueuePage() {
  const { t } = useTranslation();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const queue = useQuery({ queryKey: [...FIELD_WORK_QUERY_KEY, 'review-queue'], queryFn: getReviewQueue });
  const assistants = [...(queue.data ?? [])].sort((a, b) => b.urgent - a.urgent || b.pending - a.pending || a.assistantName.localeCompare(b.assistantName));
  const tab = (TABS as readonly string[]).includes(params.get('tab') ?? '') ? (params.get('tab') as FieldRecordStatus) : 'submitted';
  const chosen = params.get('assistant') ?? assistants[0]?.assistantId ?? ALL;
  const assistantId = chosen === ALL ? undefined : chosen;
  const since = addDays(todayIn(me.tenant.timeZone), -62);
  const records = useQuery({
    queryKey: [...RECORDS_QUERY_KEY, 'review', tab, assistantId ?? ALL],
    queryFn: () => listRecords({ status: tab, assistantId, ...(tab === 'submitted' ? { limit: 500 } : { from: since, limit: DONE_LIMIT }) }),
    enabled: queue.isSuccess,
  });
  const sorted = tab === 'submitted' ? [...(records.data ?? [])].sort(byUrgencyThenTime) : [...(records.data ?? [])].sort((a, b) => b.occurredAt.localeCompare(a.occurredAt));
  const total = assistants.reduce((sum, row) => sum + row.pending, 0);
  const choose = (next: { assistant?: string; tab?: string }) => {
    const merged = new URLSearchParams(params);
    for (const [key, value] of Object.entries(next)) merged.set(key, value);
    setParams(merged, { replace: true });
  };
  // The first assistant is chosen once and kept in the address: reviewing must not switch to someone else.
  const firstAssistant = assistants[0]?.assistantId;
  useEffect(() => {
    if (queue.isSuccess && !params.get('assistant')) setParams((current) => new URLSearchParams([...current, ['assistant', firstAssistant ?? ALL]]), { replace: true });
  }, [queue.isSuccess, params, firstAssistant, setParams]);
  const chosenName = assistants.find((row) => row.assistantId === chosen)?.assistantName;

  return (
    <>
      <PageHeader title={t('fieldWork.review.title')} description={queue.isSuccess ? t('fieldWork.review.description', { count: total }) : undefined} />
      {queue.isPending && <ListSkeleton rows={3} />}
      {queue.isError && <ErrorAlert error={queue.error} title={t('common.loadFailed')} onRetry={() => void queue.refetch()} />}
      {queue.isSuccess && (
        <Stack gap="lg">
          <Stack component="section" gap="xs" aria-labelledby="review-assistants">
            <Text id="review-assistants" fw={600}>
              {t('fieldWork.review.assistants')}
            </Text>
            <Group gap="xs">
              {assistants.map((row) => (
                <Button
                  key={row.assistantId}
                  variant={chosen === row.assistantId ? 'filled' : 'default'}
                  aria-pressed={chosen === row.assistantId}
                  onClick={() => choose({ assistant: row.assistantId })}
                  rightSection={
                    <Group gap={4} wrap="nowrap">
                      <Badge variant="white" color="dark" aria-label={t('fieldWork.review.pendingCount', { count: row.pending })}>
                        {row.pending}
                      </Badge>
                      {row.urgent > 0 && (
                        <Badge variant="filled" color="red" aria-label={t('fieldWork.review.urgentCount', { count: row.urgent })}>
                          {t('fieldWork.review.urgentShort', { count: row.urgent })}
                        </Badge>
                      )}
                    </Group>
                  }
                  styles={{ label: { whiteSpace: 'normal' } }}
                >
                  {row.assistantName}
                </Button>
              ))}
              <Button variant={chosen === ALL ? 'filled' : 'default'} aria-pressed={chosen === ALL} onClick={() => choose({ assistant: ALL })}>
                {t('fieldWork.review.allAssistants')}
              </Button>
            </Group>
          </Stack>
          <Tabs value={tab} onChange={(value) => value && choose({ tab: value })} keepMounted={false}>
            <Tabs.List>
              {TABS.map((status) => (
                <Tabs.Tab key={status} value={status}>
                  {t(`fieldWork.review.tabs.${status}`)}
                </Tabs.Tab>
              ))}
            </Tabs.List>
            {TABS.map((status) => (
              <Tabs.Panel key={status} value={status} pt="md">
                {records.isPending && <ListSkeleton rows={3} />}
                {records.isError && <ErrorAlert error={records.error} title={t('common.loadFailed')} onRetry={() => void records.refetch()} />}
                {records.isSuccess && sorted.length === 0 && (
                  <EmptyListNotice>{t(`fieldWork.review.empty.${status}`, { name: chosenName ?? t('fieldWork.review.allAssistants') })}</EmptyListNotice>
                )}
                {status !== 'submitted' && sorted.length === DONE_LIMIT && (
                  <Text size="sm" c="dimmed" mb="sm">
                    {t('fieldWork.review.newestOnly', { count: DONE_LIMIT })}
                  </Text>
                )}
                <Stack gap="md">
                  {sorted.map((record) => (
                    <FieldRecordCard key={record.id} record={record} showAssistant={chosen === ALL}>
                      {record.status === 'submitted' && <ReviewActions record={record} />}
                      {record.status === 'approved' && <ApprovedRecordActions record={record} />}
                    </FieldRecordCard>
                  ))}
                </Stack>
              </Tabs.Panel>
            ))}
          </Tabs>
        </Stack>
      )}
    </>
  );
}
