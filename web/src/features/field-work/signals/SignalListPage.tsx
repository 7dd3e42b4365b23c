import { Alert, Anchor, Badge, Paper, Stack, Text } from '@mantine/core';
import { IconEye } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { EmptyListNotice } from '../../../components/EmptyListNotice';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { ListSkeleton } from '../../../components/ListSkeleton';
import { PageHeader } from '../../../components/PageHeader';
import { formatDateTime } from '../../../lib/format';
import { useMe } from '../../auth/index';
import { listSignals, RECORDS_QUERY_KEY } from '../api';
import { useLocalityNames } from '../use-field-lookups';

/**
 * Signals of hidden crime for their designated recipients and the mentors: the minimum the record
 * holds (kind, locality, urgency, who may make contact). Loading this list is access-logged per signal.
 */
export function SignalListPage() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const localities = useLocalityNames();
  const signals = useQuery({ queryKey: [...RECORDS_QUERY_KEY, 'signals'], queryFn: () => listSignals({ limit: 200 }) });
  const items = [...(signals.data ?? [])].sort((a, b) => b.occurredAt.localeCompare(a.occurredAt));
  return (
    <>
      <PageHeader title={t('fieldWork.signals.title')} description={t('fieldWork.signals.description')} />
      <Alert color="orange" variant="light" icon={<IconEye aria-hidden="true" />} mb="md" className="wrap-anywhere">
        {t('fieldWork.signals.loggedNote')}
      </Alert>
      {signals.isPending && <ListSkeleton rows={3} />}
      {signals.isError && <ErrorAlert error={signals.error} title={t('common.loadFailed')} onRetry={() => void signals.refetch()} />}
      {signals.isSuccess && items.length === 0 && <EmptyListNotice>{t('fieldWork.signals.empty')}</EmptyListNotice>}
      <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }} maw={820}>
        {items.map((signal) => {
          const kind = signal.signal ? t(`fieldWork.signals.kinds.${signal.signal.kind}`) : t('fieldWork.signals.kind');
          const when = formatDateTime(signal.occurredAt, i18n.language, me.tenant.timeZone);
          return (
            <Paper key={signal.id} component="li" withBorder p="sm" radius="md" className="wrap-anywhere">
              <Stack gap={4}>
                <Anchor component={Link} to={`/field-records/${signal.id}`} fw={700} aria-label={t('fieldWork.signals.openNamed', { kind, when })}>
                  {kind}
                </Anchor>
                <Text size="sm">
                  {when} · {signal.localityId ? (localities.nameOf(signal.localityId) ?? t('fieldWork.record.unknownLocality')) : t('fieldWork.record.outsideLocalities')}
                </Text>
                {signal.signal && <Text size="sm">{t(`fieldWork.signals.contacts.${signal.signal.contact}`)}</Text>}
                {signal.urgent && (
                  <Badge color="red" variant="filled" style={{ alignSelf: 'flex-start' }}>
                    {t('fieldWork.record.urgent')}
                  </Badge>
                )}
              </Stack>
            </Paper>
          );
        })}
      </Stack>
    </>
  );
}
