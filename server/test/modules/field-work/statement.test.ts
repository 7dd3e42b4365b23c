import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { uuidv7 } from 'uuidv7';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withSystem, withTenant } from '../../../src/db/scope';
import { as, type Session } from '../../support/factories';
import { createTestContext, type TestContext } from '../../support/test-app';
import { buildFieldCity, inLocality, outside, putRecord, type FieldCity } from './field-city';
import { pdfText } from './pdf-text';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

const MONTH = '2026-11';

function statement(session: Session, query: Record<string, string>, headers: Record<string, string> = {}) {
  return ctx.app.inject({ method: 'GET', url: `/api/v1/reports/activity-statement?${new URLSearchParams(query)}`, headers: as(session, headers) });
}

/** A small seeded generator (mulberry32): a failing run names its seed and can be replayed with STATEMENT_SEED. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

/** The local month of an instant, computed with Intl, independently of the server's monthRange. */
const localMonth = (instant: string, timeZone: string) => {
  const parts = new Intl.DateTimeFormat('en', { timeZone, year: 'numeric', month: '2-digit' }).formatToParts(new Date(instant));
  return `${parts.find((part) => part.type === 'year')!.value}-${parts.find((part) => part.type === 'month')!.value}`;
};

const CATEGORIES = [
  'school_supervision', 'joint_patrol', 'public_order', 'cleanliness_hazards', 'bar_checks', 'problem_contact', 'resident_contact',
  'hidden_crime_signal', 'extremism_prevention', 'referral', 'offender_held', 'written_report', 'office_supervision', 'preventive_event', 'other',
];

/** Instants at the month's edges in Prague (UTC+1 in winter) and New York, and the DST change of 25 October. */
const EDGES = [
  '2026-10-31T23:30:00+01:00', // Prague: October's last half hour
  '2026-11-01T00:00:00+01:00', // Prague: November's first moment (still 31 October in UTC)
  '2026-11-30T23:30:00+01:00', // Prague: 23:30 on the last day belongs to November
  '2026-11-30T23:59:59.999+01:00',
  '2026-12-01T00:00:00+01:00', // Prague: December (still 30 November in UTC)
  '2026-11-01T03:30:00Z', // New York: 23:30 on 31 October
  '2026-12-01T04:30:00Z', // New York: 23:30 on 30 November
  '2026-10-25T00:30:00Z', // Prague: the night the clocks go back
];

interface Generated {
  id: string;
  author: 'assistant' | 'otherAssistant';
  category: string;
  occurredAt: string;
  place: 'first' | 'second' | 'outside';
  urgent: boolean;
  approved: boolean;
}

/** Random records, the first at each of the month's edges, written through the API; some approved by the mentor. */
async function generateRecords(city: FieldCity, secondLocalityId: string, seed: number, count: number): Promise<Generated[]> {
  const next = random(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!;
  const span = [Date.parse('2026-10-24T00:00:00Z'), Date.parse('2026-12-06T00:00:00Z')] as const;
  const places = { first: inLocality, second: { type: 'Point', coordinates: [14.55, 50.05] }, outside };
  const generated: Generated[] = [];
  for (let index = 0; index < count; index += 1) {
    const record: Generated = {
      id: uuidv7(),
      author: next() < 0.7 ? 'assistant' : 'otherAssistant',
      category: pick(CATEGORIES),
      occurredAt: index < EDGES.length ? EDGES[index]! : next() < 0.2 ? pick(EDGES) : new Date(span[0] + Math.floor(next() * (span[1] - span[0]))).toISOString(),
      place: pick(['first', 'second', 'outside'] as const),
      urgent: next() < 0.25,
      approved: next() < 0.3,
    };
    const isSignal = record.category === 'hidden_crime_signal';
    const answer = await putRecord(ctx, city[record.author].session, record.id, {
      category: record.category,
      occurredAt: record.occurredAt,
      location: places[record.place],
      urgent: record.urgent,
      ...(isSignal ? { signal: { kind: 'usury', contact: 'social_worker' } } : { note: 'Hlídka u školy' }),
    });
    expect(answer.statusCode, `seed ${seed}: ${answer.body}`).toBe(200);
    if (record.approved) {
      const review = await ctx.app.inject({
        method: 'POST',
        url: `/api/v1/field-records/${record.id}/review`,
        headers: as(city.mentor.session),
        payload: { decision: 'approve', version: answer.json().version },
      });
      expect(review.statusCode).toBe(200);
    }
    generated.push(record);
  }
  return generated;
}

/** What the statement must say, counted here from the generated records alone. */
function expectedCounts(records: Generated[], timeZone: string, localityIds: Record<Generated['place'], string | null>) {
  const inMonth = records.filter((record) => localMonth(record.occurredAt, timeZone) === MONTH);
  const tally = <K>(key: (record: Generated) => K) => {
    const counts = new Map<K, number>();
    for (const record of inMonth) counts.set(key(record), (counts.get(key(record)) ?? 0) + 1);
    return counts;
  };
  return {
    records: inMonth.length,
    urgent: inMonth.filter((record) => record.urgent).length,
    referrals: inMonth.filter((record) => record.category === 'referral').length,
    signals: inMonth.filter((record) => record.category === 'hidden_crime_signal').length,
    approved: inMonth.filter((record) => record.approved).length,
    byCategory: tally((record) => record.category),
    byLocality: tally((record) => localityIds[record.place]),
    byAuthor: tally((record) => record.author),
  };
}

type Statement = {
  records: number;
  urgent: number;
  referrals: number;
  signals: number;
  approved: number;
  byCategory: { code: string; label: string; count: number }[];
  byLocality: { localityId: string | null; name: string; count: number }[];
  assistants: { id: string; name: string; shifts: number; workedHours: number; records: number }[];
  shifts: { count: number; plannedHours: number; workedHours: number };
};

function expectStatementToMatch(actual: Statement, expected: ReturnType<typeof expectedCounts>, message: string) {
  expect({ records: actual.records, urgent: actual.urgent, referrals: actual.referrals, signals: actual.signals, approved: actual.approved }, message).toEqual({
    records: expected.records,
    urgent: expected.urgent,
    referrals: expected.referrals,
    signals: expected.signals,
    approved: expected.approved,
  });
  expect(Object.fromEntries(actual.byCategory.filter((row) => row.count > 0).map((row) => [row.code, row.count])), message).toEqual(Object.fromEntries(expected.byCategory));
  expect(new Map(actual.byLocality.map((row) => [row.localityId, row.count])), message).toEqual(expected.byLocality);
  // Every record is in exactly one category and one locality (or none).
  expect(actual.byCategory.reduce((sum, row) => sum + row.count, 0), message).toBe(actual.records);
  expect(actual.byLocality.reduce((sum, row) => sum + row.count, 0), message).toBe(actual.records);
}

async function addLocality(city: FieldCity, name: string, west: number) {
  const answer = await ctx.app.inject({
    method: 'POST',
    url: '/api/v1/localities',
    headers: as(city.coordinator.session),
    payload: { name, kind: 'socially_excluded', boundary: { type: 'Polygon', coordinates: [[[west, 50], [west + 0.1, 50], [west + 0.1, 50.1], [west, 50.1], [west, 50]]] } },
  });
  expect(answer.statusCode).toBe(201);
  return answer.json().id as string;
}

/** Shifts around November: only the ones dated in November and not cancelled count. */
async function planShifts(city: FieldCity) {
  const plan = async (date: string, start: string, end: string, people: FieldCity['assistant'][]) => {
    const answer = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/shifts',
      headers: as(city.mentor.session),
      payload: { date, start, end, dutyType: 'locality_patrol', assistantIds: people.map((person) => person.user.id), localityIds: [city.localityId] },
    });
    expect(answer.statusCode, answer.body).toBe(201);
    return answer.json() as { id: string; version: number };
  };
  const check = async (person: FieldCity['assistant'], shiftId: string, which: 'in' | 'out', at: string) => {
    const answer = await ctx.app.inject({ method: 'POST', url: `/api/v1/shifts/${shiftId}/check-${which}`, headers: as(person.session), payload: { at } });
    expect(answer.statusCode, answer.body).toBe(200);
  };
  await plan('2026-10-31', '07:30', '08:00', [city.assistant]);
  const crossing = await plan('2026-11-02', '07:30', '08:00', [city.assistant]);
  await check(city.assistant, crossing.id, 'in', '2026-11-02T07:35:00+01:00');
  await check(city.assistant, crossing.id, 'out', '2026-11-02T08:05:00+01:00');
  const together = await plan('2026-11-10', '09:00', '12:00', [city.assistant, city.otherAssistant]);
  await check(city.assistant, together.id, 'in', '2026-11-10T09:00:00+01:00'); // never checked out: no hours
  await check(city.otherAssistant, together.id, 'in', '2026-11-10T09:00:00+01:00');
  await check(city.otherAssistant, together.id, 'out', '2026-11-10T11:30:00+01:00');
  const cancelled = await plan('2026-11-20', '10:00', '11:00', [city.assistant]);
  const cancel = await ctx.app.inject({ method: 'PATCH', url: `/api/v1/shifts/${cancelled.id}`, headers: as(city.mentor.session), payload: { cancelled: true, version: cancelled.version } });
  expect(cancel.statusCode, cancel.body).toBe(200);
  await plan('2026-11-30', '22:00', '02:00', [city.assistant]); // the night into December is November's shift
  await plan('2026-12-01', '07:30', '08:00', [city.assistant]);
}

const accessLogRows = (tenantId: string) =>
  withTenant(ctx.database.db, tenantId, async (tx) => Number((await sql<{ n: string }>`SELECT count(*) AS n FROM access_log`.execute(tx)).rows[0]!.n));

describe('monthly activity statement', () => {
  it('counts what the generated records say, by the city’s local month, in any time zone', async () => {
    const seed = Number(process.env.STATEMENT_SEED ?? Date.now() % 1_000_000);
    const city = await buildFieldCity(ctx);
    const secondLocalityId = await addLocality(city, 'Hornická', 14.5);
    const records = await generateRecords(city, secondLocalityId, seed, 48);
    await planShifts(city);
    const localityIds = { first: city.localityId, second: secondLocalityId, outside: null };
    const logged = await accessLogRows(city.tenant.id);

    for (const timeZone of ['Europe/Prague', 'America/New_York']) {
      await withSystem(ctx.database.db, (tx) => tx.updateTable('tenants').set({ timeZone }).where('id', '=', city.tenant.id).execute());
      const message = `seed ${seed}, ${timeZone}`;
      const expected = expectedCounts(records, timeZone, localityIds);

      const programme = await statement(city.coordinator.session, { month: MONTH, lang: 'en' });
      expect(programme.statusCode, programme.body).toBe(200);
      const whole = programme.json() as Statement;
      expectStatementToMatch(whole, expected, message);
      expect(whole.byLocality.find((row) => row.localityId === null)?.name ?? 'Outside localities').toBe('Outside localities');
      expect(whole.assistants.map((row) => [row.name, row.records]), message).toEqual([
        ['Asistent Horváth', expected.byAuthor.get('assistant') ?? 0],
        ['Asistentka Lakatošová', expected.byAuthor.get('otherAssistant') ?? 0],
      ]);
      // Shifts are counted by their planned local date, which a time zone change does not move.
      expect(whole.shifts).toEqual({ count: 4, plannedHours: 10.5, workedHours: 3 });
      expect(whole.assistants.map((row) => [row.shifts, row.workedHours])).toEqual([[3, 0.5], [1, 2.5]]);

      const own = await statement(city.assistant.session, { month: MONTH, assistantId: city.assistant.user.id });
      const mine = own.json() as Statement & { assistant: { name: string } };
      const onlyMine = expectedCounts(records.filter((record) => record.author === 'assistant'), timeZone, localityIds);
      expectStatementToMatch(mine, onlyMine, `${message}, own`);
      expect(mine.assistant.name).toBe('Asistent Horváth');
      expect(mine.shifts).toEqual({ count: 3, plannedHours: 7.5, workedHours: 0.5 });
      expect(mine.assistants).toEqual([]);
    }
    // Counts only: no signal's contents leave, so nothing was access-logged.
    expect(await accessLogRows(city.tenant.id)).toBe(logged);
  });

  it('lists the city’s categories in its language with zeros, and names what lies outside localities', async () => {
    const city = await buildFieldCity(ctx);
    const away = await putRecord(ctx, city.assistant.session, uuidv7(), { category: 'referral', occurredAt: '2026-11-05T10:00:00+01:00', location: outside });
    expect(away.statusCode).toBe(200);
    const answer = await statement(city.mentor.session, { month: MONTH, lang: 'hu' });
    const body = answer.json() as Statement;
    expect(body.byCategory).toHaveLength(CATEGORIES.length);
    expect(body.byCategory.find((row) => row.code === 'referral')).toEqual({
      code: 'referral',
      label: 'Együttműködés és továbbirányítás: szociális osztály, civilek, tanácsadók',
      count: 1,
    });
    expect(body.byLocality).toEqual([{ localityId: null, name: 'Területeken kívül', count: 1 }]);
    expect(body.referrals).toBe(1);
    expect(body.assistants.map((row) => row.name)).toEqual(['Asistent Horváth', 'Asistentka Lakatošová']);
  });

  it('downloads as XLSX that reads back to the same numbers, with a file name and sheet names in the language', async () => {
    const city = await buildFieldCity(ctx);
    const records = await generateRecords(city, city.localityId, 7, 12);
    expect(records.length).toBe(12);
    const json = (await statement(city.evaluator.session, { month: MONTH, lang: 'hu' })).json() as Statement;
    const answer = await statement(city.evaluator.session, { month: MONTH, format: 'xlsx', lang: 'hu' });
    expect(answer.statusCode).toBe(200);
    expect(answer.headers['content-type']).toContain('spreadsheetml');
    expect(answer.headers['content-disposition']).toBe(`attachment; filename="kimutatas-2026-11-${city.tenant.slug}.xlsx"`);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(answer.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Összesítés', 'Kategóriák szerint', 'Területek szerint', 'Asszisztensek']);
    const rows = (name: string) => {
      const values: unknown[][] = [];
      workbook.getWorksheet(name)!.eachRow((row, number) => {
        if (number > 1) values.push((row.values as unknown[]).slice(1));
      });
      return values;
    };
    const summary = new Map(rows('Összesítés').map(([item, value]) => [item, value]));
    expect(summary.get('Hónap')).toBe(MONTH);
    expect(summary.get('Bejegyzések')).toBe(json.records);
    expect(summary.get('Sürgős események')).toBe(json.urgent);
    expect(summary.get('Továbbirányítások')).toBe(json.referrals);
    expect(summary.get('Rejtett bűncselekményre utaló jelzések (csak a számuk)')).toBe(json.signals);
    expect(summary.get('A mentor által jóváhagyott bejegyzések')).toBe(json.approved);
    expect(rows('Kategóriák szerint')).toEqual(json.byCategory.map((row) => [row.label, row.code, row.count]));
    expect(rows('Területek szerint')).toEqual(json.byLocality.map((row) => [row.name, row.count]));
    expect(rows('Asszisztensek')).toEqual(json.assistants.map((row) => [row.name, row.shifts, row.workedHours, row.records]));
  });

  it('downloads as a PDF whose text is in the chosen language, Czech and Hungarian letters included', async () => {
    const city = await buildFieldCity(ctx);
    await putRecord(ctx, city.assistant.session, uuidv7(), {
      category: 'hidden_crime_signal',
      occurredAt: '2026-11-05T10:00:00+01:00',
      location: inLocality,
      signal: { kind: 'domestic_violence', contact: 'police' },
    });
    const czech = await statement(city.assistant.session, { month: MONTH, assistantId: city.assistant.user.id, format: 'pdf', lang: 'cs' });
    expect(czech.statusCode).toBe(200);
    expect(czech.headers['content-type']).toBe('application/pdf');
    expect(czech.headers['content-disposition']).toBe('attachment; filename="vykaz-2026-11-asistent-horvath.pdf"');
    expect(czech.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(czech.rawPayload.toString('latin1')).toMatch(/\/FontName \/[A-Z]{6}\+Roboto/);
    const czechText = pdfText(czech.rawPayload);
    for (const phrase of ['Měsíční výkaz činnosti — listopad 2026', 'Asistent: Asistent Horváth', 'Signály skryté trestné činnosti (jen počet)', 'Odpracované hodiny (od příchodu do odchodu)', 'Signál skryté trestné činnosti (lichva, obtěžování, týrání)', 'Strana 1 z 1']) {
      expect(czechText).toContain(phrase);
    }
    // Every letter had a glyph (a missing one would show as .notdef, code 0).
    expect(czechText.includes('\u0000') || czechText.includes('\uFFFD')).toBe(false);
    // The signal is counted, its kind is not shown.
    expect(czechText).not.toMatch(/domestic|domácí/i);

    const hungarian = await statement(city.coordinator.session, { month: MONTH, format: 'pdf', lang: 'hu' });
    const hungarianText = pdfText(hungarian.rawPayload);
    for (const phrase of ['Havi tevékenységi kimutatás — 2026. november', 'Rejtett bűncselekményre utaló jelzések (csak a számuk)', 'Ledolgozott órák (érkezéstől távozásig)', 'Asszisztensek', 'Asistentka Lakatošová']) {
      expect(hungarianText).toContain(phrase);
    }
    expect(hungarianText.includes('\u0000') || hungarianText.includes('\uFFFD')).toBe(false);
  });

  it('lets an assistant read only their own; evaluators, mentors and coordinators read all; others none', async () => {
    const city = await buildFieldCity(ctx);
    const month = { month: MONTH };
    const of = (person: FieldCity['assistant']) => ({ month: MONTH, assistantId: person.user.id });
    expect((await statement(city.assistant.session, of(city.assistant))).statusCode).toBe(200);
    expect((await statement(city.assistant.session, of(city.otherAssistant))).statusCode).toBe(403);
    expect((await statement(city.assistant.session, month)).statusCode).toBe(403);
    for (const person of [city.evaluator, city.mentor, city.coordinator]) {
      expect((await statement(person.session, month)).statusCode).toBe(200);
      expect((await statement(person.session, of(city.otherAssistant))).statusCode).toBe(200);
    }
    expect((await statement(city.socialWorker.session, month)).statusCode).toBe(403);
    expect((await statement(city.socialWorker.session, of(city.assistant))).statusCode).toBe(403);
    // Nobody of this city: as if missing.
    expect((await statement(city.mentor.session, { month: MONTH, assistantId: uuidv7() })).statusCode).toBe(404);
    const stranger = await buildFieldCity(ctx);
    expect((await statement(city.mentor.session, of(stranger.assistant))).statusCode).toBe(404);
  });

  it('refuses a bad month, format or language with a translated 400', async () => {
    const city = await buildFieldCity(ctx);
    for (const query of [{ month: '2026-13' }, { month: '2026-1' }, { month: 'listopad' }]) {
      const answer = await statement(city.mentor.session, query, { 'accept-language': 'cs' });
      expect(answer.statusCode, query.month).toBe(400);
      expect(answer.headers['content-type']).toContain('application/problem+json');
      expect(answer.json()).toMatchObject({ code: 'validation_failed', errors: [{ field: 'month', message: 'Hodnota nemá správný formát.' }] });
    }
    expect((await statement(city.mentor.session, { month: MONTH, format: 'docx' })).statusCode).toBe(400);
    expect((await statement(city.mentor.session, { month: MONTH, lang: 'de' })).statusCode).toBe(400);
    expect((await statement(city.mentor.session, {})).statusCode).toBe(400);
  });
});
