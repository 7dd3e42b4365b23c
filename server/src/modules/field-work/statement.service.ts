import { can, type ActivityStatement, type Role } from '@saferhood/contracts';
import type { TenantTx } from '../../db/scope';
import type { Actor } from '../../http/actor';
import { AppError } from '../../http/app-error';
import { translator } from '../../http/i18n';
import { listCategoryRows } from './category.repository';
import { presentCategory } from './category.service';
import { monthRange } from './local-time';
import { findStatementPeople, tallyRecords, tallyShifts } from './statement.repository';

/** The category whose records are the statement's referrals (DOMAIN.md: cooperation and referral). */
export const REFERRAL_CATEGORY = 'referral';

export interface StatementCity {
  name: string;
  timeZone: string;
}

export interface StatementQuery {
  /** YYYY-MM, in the city's time zone. */
  month: string;
  /** One assistant's statement; absent, the whole programme's. */
  assistantId?: string | undefined;
}

const hours = (value: number) => Math.round(value * 100) / 100;

/**
 * The monthly activity statement of one assistant or of the whole programme. Records count by the
 * moment they happened within the month's local bounds; shifts by their local date, cancelled ones
 * not at all. Only counts leave: signals of hidden crime are counted, never shown, so reading a
 * statement is not an access to restricted records and writes no access log.
 */
export async function buildStatement(tx: TenantTx, actor: Actor, city: StatementCity, query: StatementQuery, language: string): Promise<ActivityStatement> {
  const assistantId = query.assistantId ?? null;
  // An assistant reads their own statement only; without assistantId it is the programme's.
  if (!can(actor.role as Role, 'activity_statement:read', { own: assistantId === actor.userId })) throw new AppError('forbidden');

  const range = monthRange(query.month, city.timeZone);
  const [records, shifts, categories] = [
    await tallyRecords(tx, range, assistantId),
    await tallyShifts(tx, range, assistantId),
    await listCategoryRows(tx),
  ];
  const activeIds = [...new Set([...records.byAssistant.map((row) => row.assistantId), ...shifts.map((row) => row.assistantId)])];
  const people = await findStatementPeople(tx, assistantId ? [assistantId] : activeIds, assistantId === null);
  const assistant = assistantId ? people.find((person) => person.id === assistantId) : null;
  if (assistantId && !assistant) throw new AppError('not_found');

  const t = translator(language);
  const collator = new Intl.Collator(language);
  const recordsByCategory = new Map(records.byCategory.map((row) => [row.category, row.records]));
  const shiftTotals = shifts.reduce(
    (sum, row) => ({ count: sum.count + row.shifts, plannedHours: sum.plannedHours + row.plannedHours, workedHours: sum.workedHours + row.workedHours }),
    { count: 0, plannedHours: 0, workedHours: 0 },
  );
  const shiftsOf = new Map(shifts.map((row) => [row.assistantId, row]));
  const recordsOf = new Map(records.byAssistant.map((row) => [row.assistantId, row.records]));

  return {
    month: query.month,
    tenantName: city.name,
    assistant: assistant ? { id: assistant.id, name: assistant.displayName } : null,
    shifts: { count: shiftTotals.count, plannedHours: hours(shiftTotals.plannedHours), workedHours: hours(shiftTotals.workedHours) },
    records: records.total.records,
    // The city's whole code list in its order, so months compare line by line; a retired category only when used.
    byCategory: categories
      .filter((category) => category.active || recordsByCategory.has(category.code))
      .map((category) => ({ code: category.code, label: presentCategory(category, language).label, count: recordsByCategory.get(category.code) ?? 0 })),
    byLocality: records.byLocality
      .map((row) => ({ localityId: row.localityId, name: row.localityId ? (row.name ?? row.localityId) : t('statement.outsideLocalities'), count: row.records }))
      .sort((a, b) => Number(a.localityId === null) - Number(b.localityId === null) || collator.compare(a.name, b.name)),
    urgent: records.total.urgent,
    referrals: recordsByCategory.get(REFERRAL_CATEGORY) ?? 0,
    signals: records.total.signals,
    approved: records.total.approved,
    assistants: assistantId
      ? []
      : people
          .map((person) => ({
            id: person.id,
            name: person.displayName,
            shifts: shiftsOf.get(person.id)?.shifts ?? 0,
            workedHours: hours(shiftsOf.get(person.id)?.workedHours ?? 0),
            records: recordsOf.get(person.id) ?? 0,
          }))
          .sort((a, b) => collator.compare(a.name, b.name) || a.id.localeCompare(b.id)),
  };
}

/** A file name without diacritics or spaces: `vykaz-2026-11-asistent-horvath.xlsx`. */
export function statementFileName(statement: ActivityStatement, language: string, citySlug: string, extension: string): string {
  const subject = statement.assistant ? statement.assistant.name : citySlug;
  const slug = subject
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `${translator(language)('statement.fileName')}-${statement.month}${slug ? `-${slug}` : ''}.${extension}`;
}
