import { Button, Group } from '@mantine/core';
import type { AuditEvent } from '@saferhood/contracts';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DialogModal } from '../../components/DialogModal';
import { EmptyListNotice } from '../../components/EmptyListNotice';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useIsWide } from '../../components/use-is-wide';
import { ListSkeleton } from '../../components/ListSkeleton';
import { PageHeader } from '../../components/PageHeader';
import { useMe } from '../auth/index';
import { AUDIT_QUERY_KEY, listAuditEvents } from './api';
import { AuditChangeView } from './AuditChangeView';
import { AuditEventCardList } from './AuditEventCardList';
import { AuditEventTable } from './AuditEventTable';
import { AuditVerifyPanel } from './AuditVerifyPanel';

export function AuditLogPage() {
  const { t } = useTranslation();
  const me = useMe();
  const isWide = useIsWide();
  const [shown, setShown] = useState<AuditEvent | null>(null);
  const pages = useInfiniteQuery({
    queryKey: AUDIT_QUERY_KEY,
    queryFn: ({ pageParam }) => listAuditEvents(pageParam),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (page) => page.nextBeforeSeq ?? undefined,
  });
  const events = pages.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <>
      <PageHeader title={t('audit.title')} description={t('audit.description')} />
      <AuditVerifyPanel />
      {pages.isPending && <ListSkeleton rows={6} />}
      {pages.isError && <ErrorAlert error={pages.error} title={t('common.loadFailed')} onRetry={() => void pages.refetch()} />}
      {pages.isSuccess && events.length === 0 && <EmptyListNotice>{t('audit.empty')}</EmptyListNotice>}
      {events.length > 0 &&
        (isWide ? (
          <AuditEventTable events={events} timeZone={me.tenant.timeZone} onShowChange={setShown} />
        ) : (
          <AuditEventCardList events={events} timeZone={me.tenant.timeZone} onShowChange={setShown} />
        ))}
      {pages.hasNextPage && (
        <Group justify="center" mt="md">
          <Button variant="default" loading={pages.isFetchingNextPage} onClick={() => void pages.fetchNextPage()}>
            {t('audit.loadOlder')}
          </Button>
        </Group>
      )}
      <DialogModal opened={shown !== null} onClose={() => setShown(null)} title={shown ? t('audit.changeTitle', { seq: shown.seq }) : ''} size="xl">
        {shown && <AuditChangeView event={shown} />}
      </DialogModal>
    </>
  );
}
