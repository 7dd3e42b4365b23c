import type { Browser, Page } from 'playwright-core';
import { documentLanguage, submitSignIn, switchLanguage, waitForHeading, type Credentials } from './app';
import { openPage } from './browser';
import type { StepRecorder } from './screenshots';

/**
 * Runs `steps` on a fresh device (no cookies, no storage, a Czech browser). On failure it leaves a
 * screenshot and prints what the browser complained about.
 */
export async function onDevice(
  browser: Browser,
  baseUrl: string,
  shots: StepRecorder,
  viewport: { width: number; height: number },
  steps: (page: Page) => Promise<void>,
): Promise<void> {
  const session = await openPage(browser, baseUrl, { viewport, locale: 'cs-CZ' });
  try {
    await steps(session.page);
  } catch (error) {
    await shots.shoot(session.page, 'failure').catch(() => undefined);
    if (session.problems.length > 0) console.error(`browser problems:\n${session.problems.join('\n')}`);
    throw error;
  } finally {
    await session.context.close();
  }
}

/** Opens the sign-in page of a Czech browser and signs in. */
export async function signInAs(page: Page, credentials: Credentials): Promise<void> {
  await page.goto('/sign-in');
  await waitForHeading(page, 'Přihlášení');
  await submitSignIn(page, credentials);
}

/**
 * Signs in and makes sure the app speaks Czech: a person's saved language follows them from device to
 * device, and other journeys may have switched it to Hungarian.
 */
export async function signInInCzech(page: Page, credentials: Credentials, name: string): Promise<void> {
  await signInAs(page, credentials);
  await waitForHeading(page, new RegExp(`^(Dobrý den|Üdvözöljük|Hello), ${name}`));
  if ((await documentLanguage(page)) !== 'cs') await switchLanguage(page, 'Čeština', { isSignedIn: true });
  await waitForHeading(page, `Dobrý den, ${name}`);
}
