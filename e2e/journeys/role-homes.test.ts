import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { DEMO_PASSWORD, documentLanguage, savedLanguage, hasHorizontalOverflow, signOut, submitSignIn, switchLanguage, waitForHeading } from '../support/app';
import { expectAccessible } from '../support/axe';
import { DESKTOP, launchBrowser, openPage, PHONE, type JourneyPage } from '../support/browser';
import { StepRecorder } from '../support/screenshots';

interface RoleJourney {
  role: string;
  tenant: string;
  email: string;
  name: string;
  /** The role's name and one home card's title, as a Czech and a Hungarian reader see them. */
  cs: { role: string; card: string };
  hu: { role: string; card: string };
  /** Navigation entries this role sees, and ones it must not see (Czech). */
  sees: string[];
  doesNotSee: string[];
}

const ROLES: RoleJourney[] = [
  {
    role: 'coordinator', tenant: 'demo', email: 'coordinator@demo.test', name: 'Jana Nováková',
    cs: { role: 'Koordinátor prevence kriminality', card: 'Mapa lokalit' },
    hu: { role: 'Bűnmegelőzési koordinátor', card: 'A területek térképe' },
    sees: ['Přehled', 'Uživatelé', 'Můj účet'], doesNotSee: ['Auditní záznam', 'Města'],
  },
  {
    role: 'supervisor', tenant: 'demo', email: 'supervisor@demo.test', name: 'Petr Dvořák',
    cs: { role: 'Mentor asistentů', card: 'Záznamy ke schválení' },
    hu: { role: 'Az asszisztensek mentora', card: 'Jóváhagyásra váró bejegyzések' },
    sees: ['Přehled', 'Můj účet'], doesNotSee: ['Uživatelé', 'Auditní záznam', 'Města'],
  },
  {
    role: 'assistant', tenant: 'demo', email: 'assistant@demo.test', name: 'Tomáš Horváth',
    cs: { role: 'Asistent prevence kriminality', card: 'Dnešní služby' },
    hu: { role: 'Bűnmegelőzési asszisztens', card: 'Mai szolgálatok' },
    sees: ['Přehled', 'Můj účet'], doesNotSee: ['Uživatelé', 'Auditní záznam', 'Města'],
  },
  {
    role: 'social_worker', tenant: 'demo', email: 'social@demo.test', name: 'Lucie Černá',
    cs: { role: 'Terénní sociální pracovník', card: 'Moje případy' },
    hu: { role: 'Terepi szociális munkás', card: 'Saját eseteim' },
    sees: ['Přehled', 'Můj účet'], doesNotSee: ['Uživatelé', 'Auditní záznam', 'Města'],
  },
  {
    role: 'team_member', tenant: 'demo', email: 'team@demo.test', name: 'Martin Svoboda',
    cs: { role: 'Člen multidisciplinárního týmu', card: 'Otevřené problémy' },
    hu: { role: 'Multidiszciplináris csoport tagja', card: 'Felvetett problémák' },
    sees: ['Přehled', 'Můj účet'], doesNotSee: ['Uživatelé', 'Auditní záznam', 'Města'],
  },
  {
    role: 'evaluator', tenant: 'demo', email: 'evaluator@demo.test', name: 'Eva Králová',
    cs: { role: 'Hodnotitel', card: 'Indikátory a cíle' },
    hu: { role: 'Értékelő', card: 'Mutatók és célértékek' },
    sees: ['Přehled', 'Můj účet'], doesNotSee: ['Uživatelé', 'Auditní záznam', 'Města'],
  },
  {
    role: 'interviewer', tenant: 'demo', email: 'interviewer@demo.test', name: 'Kateřina Veselá',
    cs: { role: 'Tazatel', card: 'Moje dotazníky' },
    hu: { role: 'Kérdezőbiztos', card: 'Kérdőíveim' },
    sees: ['Přehled', 'Můj účet'], doesNotSee: ['Uživatelé', 'Auditní záznam', 'Města'],
  },
  {
    role: 'admin', tenant: 'demo', email: 'admin@demo.test', name: 'Pavel Novotný',
    cs: { role: 'Správce systému', card: 'Číselníky' },
    hu: { role: 'Rendszergazda', card: 'Kategóriák' },
    sees: ['Přehled', 'Uživatelé', 'Auditní záznam', 'Můj účet'], doesNotSee: ['Města'],
  },
  {
    role: 'operator', tenant: 'platform', email: 'operator@platform.test', name: 'Platform Operator',
    cs: { role: 'Provozovatel platformy', card: 'Využití platformy' },
    hu: { role: 'Platformüzemeltető', card: 'A platform használata' },
    sees: ['Přehled', 'Města', 'Můj účet'], doesNotSee: ['Uživatelé', 'Auditní záznam'],
  },
];

/**
 * The assistant and the interviewer work on phones; the supervisor and admin check the phone layout too.
 * On the phone they find the language they saved on the desktop, switch back to Czech, then to Hungarian.
 */
const PHONE_ROLES = new Set(['assistant', 'interviewer', 'supervisor', 'admin']);

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

async function walkRoleHome(journey: RoleJourney, device: 'desktop' | 'phone'): Promise<void> {
  const shots = new StepRecorder(`role-homes/${journey.role}-${device}`);
  const isPhone = device === 'phone';
  const session: JourneyPage = await openPage(browser, baseUrl, { viewport: isPhone ? PHONE : DESKTOP, locale: 'cs-CZ' });
  const { page } = session;
  try {
    // A Czech browser on a new device: the sign-in page is in Czech.
    await page.goto('/sign-in');
    await waitForHeading(page, 'Přihlášení');
    expect(await documentLanguage(page)).toBe('cs');
    await expectAccessible(page, 'sign-in (cs)');
    await shots.shoot(page, 'sign-in-cs');

    await submitSignIn(page, { tenant: journey.tenant, email: journey.email, password: DEMO_PASSWORD });
    await waitForHeading(page, /^(Dobrý den|Üdvözöljük), /);
    // The app comes up in the language the person saved (on any device), else in the browser's: Czech.
    const saved = await savedLanguage(page);
    await waitForHeading(page, saved === 'hu' ? `Üdvözöljük, ${journey.name}!` : `Dobrý den, ${journey.name}`);
    expect(await documentLanguage(page)).toBe(saved ?? 'cs');
    if (saved !== null && saved !== 'cs') {
      await shots.shoot(page, `home-remembered-${saved}`);
      await switchLanguage(page, 'Čeština', { isSignedIn: true });
    }

    await waitForHeading(page, `Dobrý den, ${journey.name}`);
    expect(await documentLanguage(page)).toBe('cs');
    expect(await page.title()).toBe('Přehled · Saferhood');
    await page.getByText(`${journey.cs.role} · `).waitFor();
    await page.getByRole('heading', { level: 2, name: journey.cs.card }).waitFor();
    expect(await hasHorizontalOverflow(page)).toBe(false);
    await expectAccessible(page, `${journey.role} home (cs, ${device})`);
    await shots.shoot(page, 'home-cs');

    // Navigation: on a phone it hides behind the burger.
    if (isPhone) {
      await page.getByRole('button', { name: 'Otevřít navigaci' }).click();
      await page.getByRole('navigation', { name: 'Hlavní navigace' }).getByRole('link', { name: 'Přehled', exact: true }).waitFor();
      await expectAccessible(page, `${journey.role} navigation open (cs, phone)`);
      await shots.shoot(page, 'navigation-open');
    }
    const navigation = page.getByRole('navigation', { name: 'Hlavní navigace' });
    for (const entry of journey.sees) expect(await navigation.getByRole('link', { name: entry, exact: true }).count(), entry).toBe(1);
    for (const entry of journey.doesNotSee) expect(await navigation.getByRole('link', { name: entry, exact: true }).count(), entry).toBe(0);
    if (isPhone) await page.getByRole('button', { name: 'Zavřít navigaci' }).click();

    await switchLanguage(page, 'Magyar', { isSignedIn: true });
    await waitForHeading(page, `Üdvözöljük, ${journey.name}!`);
    expect(await documentLanguage(page)).toBe('hu');
    expect(await page.title()).toBe('Áttekintés · Saferhood');
    await page.getByText(`${journey.hu.role} · `).waitFor();
    await page.getByRole('heading', { level: 2, name: journey.hu.card }).waitFor();
    expect(await hasHorizontalOverflow(page)).toBe(false);
    await expectAccessible(page, `${journey.role} home (hu, ${device})`);
    await shots.shoot(page, 'home-hu');

    await signOut(page, { menu: /^Fiókmenü/, signOut: 'Kijelentkezés' });
    // Back at sign-in, still in the language just chosen.
    await waitForHeading(page, 'Bejelentkezés');
    expect(await documentLanguage(page)).toBe('hu');
    await expectAccessible(page, 'sign-in (hu)');
    await shots.shoot(page, 'signed-out-hu');
  } catch (error) {
    await shots.shoot(page, 'failure').catch(() => undefined);
    if (session.problems.length > 0) console.error(`browser problems:\n${session.problems.join('\n')}`);
    throw error;
  } finally {
    await session.context.close();
  }
}

describe('every role signs in, sees their home in Czech, switches to Hungarian and signs out', () => {
  for (const journey of ROLES) {
    test(`${journey.role} on a desktop`, () => walkRoleHome(journey, 'desktop'));
  }
  for (const journey of ROLES.filter((candidate) => PHONE_ROLES.has(candidate.role))) {
    test(`${journey.role} on a 360 px phone`, () => walkRoleHome(journey, 'phone'));
  }
});
