import type { FieldRecordCategory } from '@saferhood/contracts';
import type { z } from 'zod';
import type { fieldRecordCategoryCreateSchema, fieldRecordCategoryUpdateSchema } from '@saferhood/contracts';
import type { TenantTx } from '../../db/scope';
import type { Actor } from '../../http/actor';
import { AppError } from '../../http/app-error';
import { recordAudit } from '../audit/index';
import { findCategoryRow, insertCategory, listCategoryRows, updateCategory, type CategoryRow } from './category.repository';

export { findCategoryRow };

/** A category with its label in `language` (else English, else any). */
export function presentCategory(row: CategoryRow, language: string): FieldRecordCategory {
  const labels = row.labels as Record<string, string>;
  return {
    code: row.code,
    label: labels[language] ?? labels.en ?? Object.values(labels)[0] ?? row.code,
    labels,
    icon: row.icon,
    sensitivity: row.sensitivity as FieldRecordCategory['sensitivity'],
    alert: row.alert as FieldRecordCategory['alert'],
    active: row.active,
  };
}

export async function listCategories(tx: TenantTx, language: string): Promise<FieldRecordCategory[]> {
  return (await listCategoryRows(tx)).map((row) => presentCategory(row, language));
}

/** A city adds a category to its code list; codes are permanent, the rest can change. */
export async function createCategory(
  tx: TenantTx,
  actor: Actor,
  input: z.infer<typeof fieldRecordCategoryCreateSchema>,
  language: string,
): Promise<FieldRecordCategory> {
  if (await findCategoryRow(tx, input.code)) {
    throw new AppError('validation_failed', { fields: [{ field: 'code', code: 'duplicate_code', params: { code: input.code } }] });
  }
  await insertCategory(tx, input);
  await recordAudit(tx, { action: 'field_category.create', resourceType: 'field_category', resourceId: input.code, actorId: actor.userId, after: input });
  return presentCategory((await findCategoryRow(tx, input.code))!, language);
}

export async function changeCategory(
  tx: TenantTx,
  actor: Actor,
  code: string,
  input: z.infer<typeof fieldRecordCategoryUpdateSchema>,
  language: string,
): Promise<FieldRecordCategory> {
  const before = await findCategoryRow(tx, code);
  if (!before) throw new AppError('not_found');
  const { labels, ...rest } = input;
  await updateCategory(tx, code, { ...rest, ...(labels ? { labels: { ...(before.labels as Record<string, string>), ...labels } } : {}) });
  const after = (await findCategoryRow(tx, code))!;
  await recordAudit(tx, { action: 'field_category.update', resourceType: 'field_category', resourceId: code, actorId: actor.userId, before, after });
  return presentCategory(after, language);
}
