import type { z } from 'zod';
import type { notificationListSchema } from '@saferhood/contracts';
import type { TenantTx } from '../../db/scope';
import type { Actor } from '../../http/actor';
import { AppError } from '../../http/app-error';
import { countUnread, listNotifications, markRead } from './notification.repository';

type NotificationList = z.infer<typeof notificationListSchema>;

/** One's own notifications, newest first, and how many are unread. */
export async function myNotifications(tx: TenantTx, actor: Actor): Promise<NotificationList> {
  const items = await listNotifications(tx, actor.userId);
  return {
    items: items.map((item) => ({
      ...item,
      kind: item.kind as NotificationList['items'][number]['kind'],
      createdAt: new Date(item.createdAt).toISOString(),
      readAt: item.readAt ? new Date(item.readAt).toISOString() : null,
    })),
    unread: await countUnread(tx, actor.userId),
  };
}

export async function markMineRead(tx: TenantTx, actor: Actor, id: string): Promise<void> {
  if (!(await markRead(tx, actor.userId, id))) throw new AppError('not_found');
}
