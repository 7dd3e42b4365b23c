import { sql } from 'kysely';
import type { TenantTx } from '../../db/scope';

/** Counts of one group of a month's records. */
export interface RecordCounts {
  records: number;
  urgent: number;
  signals: number;
  approved: number;
}

export interface RecordTally {
  total: RecordCounts;
  byCategory: (RecordCounts & { category: string })[];
  byLocality: (RecordCounts & { localityId: string | null; name: string | null })[];
  byAssistant: (RecordCounts & { assistantId: string })[];
}

/**
 * A month's records counted in one pass: in all, by category, by locality (with its name) and by
 * assistant. Restricted records (signals) are counted like the rest and also on their own; nothing
 * of their content is read.
 */
export async function tallyRecords(tx: TenantTx, period: { start: Date; end: Date }, assistantId: string | null): Promise<RecordTally> {
  const { rows } = await sql<{
    set: 'total' | 'category' | 'locality' | 'assistant';
    category: string | null;
    localityId: string | null;
    assistantId: string | null;
    records: string;
    urgent: string;
    signals: string;
    approved: string;
  }>`
    SELECT CASE GROUPING(r.category, r.locality_id, r.assistant_id)
             WHEN 7 THEN 'total' WHEN 3 THEN 'category' WHEN 5 THEN 'locality' ELSE 'assistant' END AS set,
           r.category, r.locality_id, r.assistant_id,
           count(*) AS records,
           count(*) FILTER (WHERE r.urgent) AS urgent,
           count(*) FILTER (WHERE r.sensitivity = 'restricted') AS signals,
           count(*) FILTER (WHERE r.status = 'approved') AS approved
      FROM field_records r
     WHERE r.tenant_id = ${tx.tenantId} AND r.occurred_at >= ${period.start} AND r.occurred_at < ${period.end}
       ${assistantId ? sql`AND r.assistant_id = ${assistantId}` : sql``}
     GROUP BY GROUPING SETS ((), (r.category), (r.locality_id), (r.assistant_id))`.execute(tx);

  const counts = (row: (typeof rows)[number]): RecordCounts => ({
    records: Number(row.records),
    urgent: Number(row.urgent),
    signals: Number(row.signals),
    approved: Number(row.approved),
  });
  const localityIds = rows.filter((row) => row.set === 'locality' && row.localityId).map((row) => row.localityId!);
  const names = await localityNamesOf(tx, localityIds);
  return {
    // GROUPING SETS (()) yields its row even when nothing matched.
    total: counts(rows.find((row) => row.set === 'total')!),
    byCategory: rows.filter((row) => row.set === 'category').map((row) => ({ category: row.category!, ...counts(row) })),
    byLocality: rows
      .filter((row) => row.set === 'locality')
      .map((row) => ({ localityId: row.localityId, name: row.localityId ? (names.get(row.localityId) ?? null) : null, ...counts(row) })),
    byAssistant: rows.filter((row) => row.set === 'assistant').map((row) => ({ assistantId: row.assistantId!, ...counts(row) })),
  };
}

async function localityNamesOf(tx: TenantTx, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await tx.selectFrom('localities').select(['id', 'name']).where('tenantId', '=', tx.tenantId).where('id', 'in', ids).execute();
  return new Map(rows.map((row) => [row.id, row.name]));
}

export interface ShiftTally {
  assistantId: string;
  shifts: number;
  plannedHours: number;
  workedHours: number;
}

/**
 * Shifts per assistant whose local date falls in [firstDay, lastDay]; cancelled shifts do not count.
 * Planned hours are the shift's length; worked hours run from check-in to check-out (none without both,
 * none when the phone's clock put the check-out first).
 */
export async function tallyShifts(tx: TenantTx, days: { firstDay: string; lastDay: string }, assistantId: string | null): Promise<ShiftTally[]> {
  const { rows } = await sql<{ assistantId: string; shifts: string; plannedSeconds: string; workedSeconds: string }>`
    SELECT a.assistant_id,
           count(*) AS shifts,
           sum(extract(epoch FROM s.ends_at - s.starts_at)) AS planned_seconds,
           coalesce(sum(extract(epoch FROM a.checked_out_at - a.checked_in_at)) FILTER (WHERE a.checked_out_at > a.checked_in_at), 0) AS worked_seconds
      FROM shift_assignments a
      JOIN shifts s ON s.tenant_id = a.tenant_id AND s.id = a.shift_id
     WHERE a.tenant_id = ${tx.tenantId} AND s.local_date BETWEEN ${days.firstDay}::date AND ${days.lastDay}::date AND NOT s.cancelled
       ${assistantId ? sql`AND a.assistant_id = ${assistantId}` : sql``}
     GROUP BY a.assistant_id`.execute(tx);
  return rows.map((row) => ({
    assistantId: row.assistantId,
    shifts: Number(row.shifts),
    plannedHours: Number(row.plannedSeconds) / 3600,
    workedHours: Number(row.workedSeconds) / 3600,
  }));
}

/** Names of people of the tenant: the given ids (disabled or not) and every active assistant. */
export async function findStatementPeople(tx: TenantTx, ids: string[], withActiveAssistants: boolean) {
  let query = tx.selectFrom('users').select(['id', 'displayName', 'role']).where('tenantId', '=', tx.tenantId);
  query = query.where((eb) => {
    const terms = [];
    if (ids.length > 0) terms.push(eb('id', 'in', ids));
    if (withActiveAssistants) terms.push(eb.and([eb('role', '=', 'assistant'), eb('isDisabled', '=', false)]));
    return terms.length > 0 ? eb.or(terms) : eb.lit(false);
  });
  return query.orderBy('displayName').orderBy('id').execute();
}
