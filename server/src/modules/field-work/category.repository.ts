import type { TenantTx } from '../../db/scope';

const categoryColumns = ['code', 'labels', 'icon', 'sensitivity', 'alert', 'active'] as const;

export type CategoryRow = Awaited<ReturnType<typeof listCategoryRows>>[number];

export async function listCategoryRows(tx: TenantTx) {
  return tx.selectFrom('fieldRecordCategories').select(categoryColumns).where('tenantId', '=', tx.tenantId).orderBy('sortOrder').orderBy('code').execute();
}

export async function findCategoryRow(tx: TenantTx, code: string) {
  return tx.selectFrom('fieldRecordCategories').select(categoryColumns).where('tenantId', '=', tx.tenantId).where('code', '=', code).executeTakeFirst();
}

export async function insertCategory(
  tx: TenantTx,
  category: { code: string; labels: Record<string, string>; icon: string; sensitivity: string; alert: string },
): Promise<void> {
  const { max } = await tx
    .selectFrom('fieldRecordCategories')
    .select((eb) => eb.fn.max('sortOrder').as('max'))
    .where('tenantId', '=', tx.tenantId)
    .executeTakeFirstOrThrow();
  await tx
    .insertInto('fieldRecordCategories')
    .values({ ...category, tenantId: tx.tenantId, labels: JSON.stringify(category.labels), sortOrder: Number(max ?? 0) + 1 })
    .execute();
}

export async function updateCategory(
  tx: TenantTx,
  code: string,
  changes: { labels?: Record<string, string>; icon?: string; sensitivity?: string; alert?: string; active?: boolean },
): Promise<void> {
  const { labels, ...columns } = changes;
  await tx
    .updateTable('fieldRecordCategories')
    .set({ ...columns, ...(labels ? { labels: JSON.stringify(labels) } : {}) })
    .where('tenantId', '=', tx.tenantId)
    .where('code', '=', code)
    .execute();
}
