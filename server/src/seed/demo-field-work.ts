import type { Kysely } from 'kysely';
import { uuidv7 } from 'uuidv7';
import { withTenant, type TenantTx } from '../db/scope';
import type { DB } from '../db/schema';
import type { Actor } from '../http/actor';
import { recordAudit } from '../modules/audit/index';
import { insertUser } from '../modules/auth/index';
import { changeSettings, checkShift, createTeam, listShifts, listTeams, localToday, planSeries, putRecord, reviewRecord } from '../modules/field-work/index';

/** A second assistant, so the mentor has a team to plan for (password as the other demo users). */
export const DEMO_SECOND_ASSISTANT = { email: 'assistant2@demo.test', displayName: 'Zuzana Lakatošová', role: 'assistant' } as const;

const DAY = 86_400_000;
const shiftDate = (today: string, offset: number) => new Date(Date.parse(`${today}T00:00:00Z`) + offset * DAY).toISOString().slice(0, 10);

/** Small deterministic generator, so every demo city looks the same. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

/** Where the demo assistants work: around the demo localities (demo-territory.ts). */
const SPOTS = [
  [14.4022, 50.0692],
  [14.3885, 50.0585],
  [14.3925, 50.0425],
  [14.3725, 50.0325],
  [14.3972, 50.0736],
  [14.4150, 50.0550],
] as const;
const EVERYDAY_CATEGORIES = ['joint_patrol', 'public_order', 'cleanliness_hazards', 'resident_contact', 'problem_contact', 'school_supervision', 'referral', 'written_report'];

/**
 * Demo City's field work: a team of two assistants under the demo mentor, the designated signal
 * recipients, four weeks of shifts around the day of seeding (today included, every day, so the field
 * app always has a shift to start) and six weeks of records — most approved, some waiting for review,
 * one returned, one signal of hidden crime and one offender held. Runs once: while the city has no team.
 */
export async function seedDemoFieldWork(db: Kysely<DB>, tenantId: string, passwordHash: string): Promise<boolean> {
  return withTenant(db, tenantId, async (tx) => {
    if ((await listTeams(tx)).length > 0) return false;
    const users = await tx.selectFrom('users').select(['id', 'role', 'email']).where('tenantId', '=', tenantId).execute();
    const byEmail = (email: string) => users.find((user) => user.email === email)?.id;
    const mentorId = byEmail('supervisor@demo.test');
    const assistantId = byEmail('assistant@demo.test');
    if (!mentorId || !assistantId) return false;
    const second = await insertUser(tx, { id: uuidv7(), ...DEMO_SECOND_ASSISTANT, language: null, passwordHash });
    await recordAudit(tx, { action: 'user.create', resourceType: 'user', resourceId: second.id, actorId: null, after: DEMO_SECOND_ASSISTANT });

    const mentor: Actor = { userId: mentorId, tenantId, role: 'supervisor', sessionId: 'seed' };
    await createTeam(tx, mentor, { name: 'Tým Smíchov', mentorId, memberIds: [assistantId, second.id] });
    const coordinator: Actor = { ...mentor, userId: byEmail('coordinator@demo.test') ?? mentorId, role: 'coordinator' };
    await changeSettings(tx, coordinator, { signalSocialWorkerId: byEmail('social@demo.test') ?? null, signalPoliceContactId: byEmail('team@demo.test') ?? null });

    const city = { timeZone: 'Europe/Prague' };
    const today = localToday(city.timeZone);
    const places = await tx.selectFrom('places').select(['id', 'name']).where('tenantId', '=', tenantId).execute();
    const localities = await tx.selectFrom('localities').select(['id', 'name']).where('tenantId', '=', tenantId).execute();
    const placeId = (name: string) => places.filter((place) => place.name.startsWith(name)).map((place) => place.id);
    const localityId = (name: string) => localities.filter((locality) => locality.name.startsWith(name)).map((locality) => locality.id);
    const span = { from: shiftDate(today, -42), to: shiftDate(today, 14) };
    await planSeries(tx, mentor, city, {
      ...span, weekdays: [1, 2, 3, 4, 5], skipDates: [], start: '07:30', end: '08:00',
      dutyType: 'school_crossing', assistantIds: [assistantId], placeIds: placeId('Přechod'), localityIds: [],
    });
    await planSeries(tx, mentor, city, {
      ...span, weekdays: [1, 2, 3, 4, 5, 6, 7], skipDates: [], start: '09:00', end: '13:00',
      dutyType: 'locality_patrol', assistantIds: [assistantId], placeIds: placeId('Autobusové nádraží'), localityIds: localityId('Na Knížecí'), note: 'Pochůzka Anděl – Na Knížecí',
    });
    await planSeries(tx, mentor, city, {
      ...span, weekdays: [1, 2, 3, 4, 5, 6, 7], skipDates: [], start: '14:00', end: '18:00',
      dutyType: 'locality_patrol', assistantIds: [second.id], placeIds: placeId('Ubytovna'), localityIds: localityId('Radlice'),
    });
    await seedPastWork(tx, city, today, [assistantId, second.id], mentor);
    return true;
  });
}

/** Check-ins and records for the shifts before today; the last two days stay unreviewed. */
async function seedPastWork(tx: TenantTx, city: { timeZone: string }, today: string, assistantIds: string[], mentor: Actor): Promise<void> {
  const next = random(20_261_121);
  const shifts = await listShifts(tx, mentor, city, { from: shiftDate(today, -42), to: shiftDate(today, -1) });
  let special = 0;
  const due = new Set<'hidden_crime_signal' | 'offender_held'>();
  for (const shift of shifts) {
    for (const assistant of shift.assistants.filter((person) => assistantIds.includes(person.id))) {
      const actor: Actor = { userId: assistant.id, tenantId: mentor.tenantId, role: 'assistant', sessionId: 'seed' };
      const start = Date.parse(shift.startsAt);
      const end = Date.parse(shift.endsAt);
      await checkShift(tx, actor, city, shift.id, 'in', { at: new Date(start - 3 * 60_000).toISOString() });
      await checkShift(tx, actor, city, shift.id, 'out', { at: new Date(end + 2 * 60_000).toISOString() });
      const count = shift.dutyType === 'school_crossing' ? 1 : 1 + Math.floor(next() * 3);
      for (let index = 0; index < count; index += 1) {
        const spot = SPOTS[Math.floor(next() * SPOTS.length)]!;
        special += 1;
        // Every 97th record is due to be a signal and every 131st an offender held; a school crossing
        // cannot be either, so the next patrol record takes it (whatever weekday the seed starts on).
        if (special % 97 === 0) due.add('hidden_crime_signal');
        if (special % 131 === 0) due.add('offender_held');
        const dueCategory = shift.dutyType === 'school_crossing' ? undefined : [...due][0];
        if (dueCategory) due.delete(dueCategory);
        const category =
          shift.dutyType === 'school_crossing' ? 'school_supervision'
          : dueCategory ?? EVERYDAY_CATEGORIES[Math.floor(next() * EVERYDAY_CATEGORIES.length)]!;
        const isSignal = category === 'hidden_crime_signal';
        const record = await putRecord(tx, actor, uuidv7(), {
          category,
          occurredAt: new Date(start + next() * (end - start)).toISOString(),
          location: { type: 'Point', coordinates: [spot[0] + (next() - 0.5) * 0.004, spot[1] + (next() - 0.5) * 0.003] },
          locationSource: 'gps',
          peopleCount: 1 + Math.floor(next() * 6),
          urgent: category === 'offender_held' || next() < 0.05,
          shiftId: shift.id,
          ...(isSignal ? { signal: { kind: 'usury', contact: 'social_worker' } } : { note: NOTES[Math.floor(next() * NOTES.length)]! }),
        });
        const isRecent = shift.date >= shiftDate(today, -2);
        if (isRecent) continue;
        const decision = special % 41 === 0 ? 'return' : 'approve';
        await reviewRecord(tx, mentor, record.id, { decision, version: record.version, ...(decision === 'return' ? { comment: 'Doplňte prosím, komu jste situaci předali.' } : {}) });
      }
    }
  }
}

const NOTES = [
  'Upozornění na rušení nočního klidu, situace se uklidnila.',
  'Nahlášena černá skládka u kontejnerů, předáno odboru životního prostředí.',
  'Rozhovor se správcem domu o společných prostorách.',
  'Skupina mladistvých u zastávky, bez incidentu.',
  'Nalezena injekční stříkačka, bezpečně uložena a předána.',
  'Spor sousedů vyřešen domluvou.',
  'Doprovod seniorky na úřad práce.',
];
