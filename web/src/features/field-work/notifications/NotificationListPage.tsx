import { Anchor, Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconArrowBackUp, IconShieldExclamation, type Icon } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { EmptyListNotice } from '../../../components/EmptyListNotice';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { ListSkeleton } from '../../../components/ListSkeleton';
import { PageHeader } from '../../../components/PageHeader';
import { formatDateTime } from '../../../lib/format';
import { useMe } from '../../auth/index';
import { useMarkRead, useNotifications } from './use-notifications';

const ICONS: Record<string, Icon> = { signal: IconShieldExclamation, offender_held: IconAlertTriangle, record_returned: IconArrowBackUp };

/** Signals, offenders held and returned records: newest first, each leading to its record. */
export function NotificationListPage() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const notifications = useNotifications();
  const markRead = useMarkRead();
  const items = notifications.data?.items ?? [];
  return (
    <>
      <PageHeader title={t('fieldWork.notifications.title')} description={notifications.data ? t('fieldWork.notifications.unread', { count: notifications.data.unread }) : undefined} />
      {notifications.isPending && <ListSkeleton rows={3} />}
      {notifications.isError && <ErrorAlert error={notifications.error} title={t('common.loadFailed')} onRetry={() => void notifications.refetch()} />}
      {notifications.isSuccess && items.length === 0 && <EmptyListNotice>{t('fieldWork.notifications.empty')}</EmptyListNotice>}
      <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }} maw={820}>
        {items.map((item) => {
          const KindIcon = ICONS[item.kind] ?? IconAlertTriangle;
          const isUnread = item.readAt === null;
          const title = t(`fieldWork.notifications.kinds.${item.kind}`);
          const when = formatDateTime(item.createdAt, i18n.language, me.tenant.timeZone);
          return (
            <Paper key={item.id} component="li" withBorder p="sm" radius="md" className="wrap-anywhere" style={isUnread ? { borderLeft: '4px solid var(--mantine-color-blue-7)' } : undefined}>
              <Group justify="space-between" gap="sm" wrap="wrap">
                <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
                  <KindIcon size={22} aria-hidden="true" color={item.kind === 'record_returned' ? undefined : 'var(--mantine-color-red-8)'} />
                  <div style={{ minWidth: 0 }}>
                    <Anchor component={Link} to={`/field-records/${item.resourceId}`} fw={isUnread ? 700 : 400} onClick={() => isUnread && markRead.mutate(item.id)}>
                      {title}
                    </Anchor>
                    <Text size="sm" c="dimmed">
                      {when}
                    </Text>
                  </div>
                </Group>
                <Group gap="xs">
                  {isUnread ? (
                    <>
                      <Badge color="blue" variant="light">
                        {t('fieldWork.notifications.new')}
                      </Badge>
                      <Button size="xs" variant="default" onClick={() => markRead.mutate(item.id)} aria-label={t('fieldWork.notifications.markReadNamed', { title, when })}>
                        {t('fieldWork.notifications.markRead')}
                      </Button>
                    </>
                  ) : (
                    <Text size="sm" c="dimmed">
                      {t('fieldWork.notifications.read')}
                    </Text>
                  )}
                </Group>
              </Group>
            </Paper>
          );
        })}
      </Stack>
    </>
  );
}
