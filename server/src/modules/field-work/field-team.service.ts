import { FIELD_STAFF_ROLES } from '@saferhood/contracts';
import type { z } from 'zod';
import type { fieldSettingsUpdateSchema, fieldTeamCreateSchema, fieldTeamUpdateSchema } from '@saferhood/contracts';
import { uuidv7 } from 'uuidv7';
import type { TenantTx } from '../../db/scope';
import type { Actor } from '../../http/actor';
import { AppError, type FieldIssue } from '../../http/app-error';
import { recordAudit } from '../audit/index';
import { findActiveUsers, findSettings, insertTeam, listTeams, replaceTeamMembers, updateTeamAtVersion, upsertSettings } from './field-team.repository';

export { listTeams, findSettings };

/** Active assistants, mentors and possible signal recipients: whom a mentor plans and forms teams with. */
export async function listFieldStaff(tx: TenantTx) {
  const people = await findActiveUsers(tx, { roles: [...FIELD_STAFF_ROLES] });
  return people.map((person) => ({ id: person.id, name: person.displayName, role: person.role as (typeof FIELD_STAFF_ROLES)[number] }));
}

/** Every referenced person must be an active user of the city with the expected role. */
async function assertPeople(tx: TenantTx, checks: { field: string; id: string | null | undefined; roles: string[] }[]): Promise<void> {
  const issues: FieldIssue[] = [];
  for (const check of checks) {
    if (!check.id) continue;
    const [user] = await findActiveUsers(tx, { ids: [check.id], roles: check.roles });
    if (!user) issues.push({ field: check.field, code: check.roles.includes('assistant') ? 'not_an_assistant' : 'unknown_reference' });
  }
  if (issues.length > 0) throw new AppError('validation_failed', { fields: issues });
}

const memberChecks = (memberIds: string[] | undefined) =>
  (memberIds ?? []).map((id, index) => ({ field: `memberIds.${index}`, id, roles: ['assistant'] }));

export async function createTeam(tx: TenantTx, actor: Actor, input: z.infer<typeof fieldTeamCreateSchema>) {
  await assertPeople(tx, [{ field: 'mentorId', id: input.mentorId, roles: ['supervisor'] }, ...memberChecks(input.memberIds)]);
  const id = uuidv7();
  await insertTeam(tx, { id, name: input.name, mentorId: input.mentorId, createdBy: actor.userId });
  await replaceTeamMembers(tx, id, input.memberIds);
  await recordAudit(tx, { action: 'field_team.create', resourceType: 'field_team', resourceId: id, actorId: actor.userId, after: input });
  return (await listTeams(tx)).find((team) => team.id === id)!;
}

export async function changeTeam(tx: TenantTx, actor: Actor, id: string, input: z.infer<typeof fieldTeamUpdateSchema>) {
  const before = (await listTeams(tx)).find((team) => team.id === id);
  if (!before) throw new AppError('not_found');
  await assertPeople(tx, [{ field: 'mentorId', id: input.mentorId, roles: ['supervisor'] }, ...memberChecks(input.memberIds)]);
  const { version, memberIds, ...changes } = input;
  if (!(await updateTeamAtVersion(tx, id, version, changes))) throw new AppError('version_conflict');
  if (memberIds) await replaceTeamMembers(tx, id, memberIds);
  const after = (await listTeams(tx)).find((team) => team.id === id)!;
  await recordAudit(tx, { action: 'field_team.update', resourceType: 'field_team', resourceId: id, actorId: actor.userId, before, after });
  return after;
}

/** Who receives signals of hidden crime (a social worker, a police contact) and whether check-in records GPS. */
export async function changeSettings(tx: TenantTx, actor: Actor, input: z.infer<typeof fieldSettingsUpdateSchema>) {
  await assertPeople(tx, [
    { field: 'signalSocialWorkerId', id: input.signalSocialWorkerId, roles: ['social_worker'] },
    { field: 'signalPoliceContactId', id: input.signalPoliceContactId, roles: ['team_member', 'supervisor'] },
  ]);
  const before = await findSettings(tx);
  const after = { ...before, ...input };
  await upsertSettings(tx, after);
  await recordAudit(tx, { action: 'field_settings.update', resourceType: 'field_settings', resourceId: null, actorId: actor.userId, before, after });
  return after;
}
