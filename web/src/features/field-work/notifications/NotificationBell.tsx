import { ActionIcon, Indicator } from '@mantine/core';
import { IconBell } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useNotifications } from './use-notifications';

/** The header's bell: how many notifications are unread, leading to the list. */
export function NotificationBell() {
  const { t } = useTranslation();
  const notifications = useNotifications();
  const unread = notifications.data?.unread ?? 0;
  return (
    <Indicator label={unread > 99 ? '99+' : unread} disabled={unread === 0} size={18} color="red.8" offset={6} aria-hidden={false}>
      <ActionIcon component={Link} to="/notifications" variant="subtle" color="dark" size="lg" aria-label={unread > 0 ? t('fieldWork.notifications.bellUnread', { count: unread }) : t('fieldWork.notifications.bell')}>
        <IconBell size={22} aria-hidden="true" />
      </ActionIcon>
    </Indicator>
  );
}
