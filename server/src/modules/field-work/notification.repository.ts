import { uuidv7 } from 'uuidv7';
import type { TenantTx } from '../../db/scope';

export type NotificationKind = 'signal' | 'offender_held' | 'record_returned';

/** Tells each of `userIds` (once each) about a resource, in the same transaction as the write. */
export async function notify(tx: TenantTx, userIds: string[], notice: { kind: NotificationKind; resourceType: string; resourceId: string }): Promise<void> {
  const recipients = [...new Set(userIds)];
  if (recipients.length === 0) return;
  await tx
    .insertInto('notifications')
    .values(recipients.map((userId) => ({ ...notice, tenantId: tx.tenantId, id: uuidv7(), userId })))
    .execute();
}

export async function listNotifications(tx: TenantTx, userId: string, limit = 50) {
  return tx
    .selectFrom('notifications')
    .select(['id', 'kind', 'resourceType', 'resourceId', 'createdAt', 'readAt'])
    .where('tenantId', '=', tx.tenantId)
    .where('userId', '=', userId)
    .orderBy('createdAt', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

export async function countUnread(tx: TenantTx, userId: string): Promise<number> {
  const { count } = await tx
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .where('tenantId', '=', tx.tenantId)
    .where('userId', '=', userId)
    .where('readAt', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(count);
}

/** Marks one's notification read (a repeat keeps the first time); false when there is no such notification. */
export async function markRead(tx: TenantTx, userId: string, id: string): Promise<boolean> {
  const result = await tx
    .updateTable('notifications')
    .set((eb) => ({ readAt: eb.fn.coalesce('readAt', eb.val(new Date())) }))
    .where('tenantId', '=', tx.tenantId)
    .where('userId', '=', userId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
