import type { TenantTx } from '../../db/scope';
import { updateAtVersion } from '../../db/versioned';

export async function listTeams(tx: TenantTx) {
  const teams = await tx.selectFrom('fieldTeams').select(['id', 'name', 'mentorId', 'version']).where('tenantId', '=', tx.tenantId).orderBy('name').execute();
  const members = await tx.selectFrom('fieldTeamMembers').select(['teamId', 'userId']).where('tenantId', '=', tx.tenantId).execute();
  return teams.map((team) => ({ ...team, memberIds: members.filter((member) => member.teamId === team.id).map((member) => member.userId).sort() }));
}

export async function insertTeam(tx: TenantTx, team: { id: string; name: string; mentorId: string | null; createdBy: string }): Promise<void> {
  await tx.insertInto('fieldTeams').values({ ...team, tenantId: tx.tenantId }).execute();
}

export async function updateTeamAtVersion(tx: TenantTx, id: string, version: number, changes: { name?: string; mentorId?: string | null }): Promise<boolean> {
  return updateAtVersion(tx, 'fieldTeams', id, version, changes);
}

/** Sets a team's members; an assistant moves from any other team to this one. */
export async function replaceTeamMembers(tx: TenantTx, teamId: string, userIds: string[]): Promise<void> {
  await tx.deleteFrom('fieldTeamMembers').where('tenantId', '=', tx.tenantId).where('teamId', '=', teamId).execute();
  if (userIds.length === 0) return;
  await tx.deleteFrom('fieldTeamMembers').where('tenantId', '=', tx.tenantId).where('userId', 'in', userIds).execute();
  await tx
    .insertInto('fieldTeamMembers')
    .values(userIds.map((userId) => ({ tenantId: tx.tenantId, teamId, userId })))
    .execute();
}

/** The mentor of the assistant's team, if any. */
export async function findMentorOf(tx: TenantTx, assistantId: string): Promise<string | null> {
  const row = await tx
    .selectFrom('fieldTeamMembers as m')
    .innerJoin('fieldTeams as t', (join) => join.onRef('t.tenantId', '=', 'm.tenantId').onRef('t.id', '=', 'm.teamId'))
    .select('t.mentorId')
    .where('m.tenantId', '=', tx.tenantId)
    .where('m.userId', '=', assistantId)
    .executeTakeFirst();
  return row?.mentorId ?? null;
}

export async function listTeamMemberIds(tx: TenantTx, teamId: string): Promise<string[]> {
  const rows = await tx.selectFrom('fieldTeamMembers').select('userId').where('tenantId', '=', tx.tenantId).where('teamId', '=', teamId).execute();
  return rows.map((row) => row.userId);
}

export async function findSettings(tx: TenantTx) {
  const row = await tx
    .selectFrom('fieldSettings')
    .select(['signalSocialWorkerId', 'signalPoliceContactId', 'gpsCheckIn'])
    .where('tenantId', '=', tx.tenantId)
    .executeTakeFirst();
  return row ?? { signalSocialWorkerId: null, signalPoliceContactId: null, gpsCheckIn: true };
}

export async function upsertSettings(
  tx: TenantTx,
  settings: { signalSocialWorkerId: string | null; signalPoliceContactId: string | null; gpsCheckIn: boolean },
): Promise<void> {
  await tx
    .insertInto('fieldSettings')
    .values({ ...settings, tenantId: tx.tenantId })
    .onConflict((conflict) => conflict.column('tenantId').doUpdateSet({ ...settings, updatedAt: new Date() }))
    .execute();
}

/** Active users of the tenant with one of the roles, by id — to check references and find mentors. */
export async function findActiveUsers(tx: TenantTx, filter: { ids?: string[]; roles?: string[] }) {
  if (filter.ids?.length === 0) return [];
  let query = tx.selectFrom('users').select(['id', 'displayName', 'role']).where('tenantId', '=', tx.tenantId).where('isDisabled', '=', false);
  if (filter.ids) query = query.where('id', 'in', filter.ids);
  if (filter.roles) query = query.where('role', 'in', filter.roles);
  return query.orderBy('displayName').execute();
}
