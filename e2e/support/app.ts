import type { Page } from 'playwright-core';

export const DEMO_PASSWORD = 'demo-password';

export interface Credentials {
  tenant: string;
  email: string;
  password: string;
}

/** The page's one h1, once it says `text`. */
export async function waitForHeading(page: Page, text: string | RegExp): Promise<void> {
  await page.getByRole('heading', { level: 1, name: text }).waitFor();
}

/** Fills the sign-in form, in Czech, and submits it. */
export async function submitSignIn(page: Page, credentials: Credentials): Promise<void> {
  await page.getByLabel('Město', { exact: true }).fill(credentials.tenant);
  await page.getByLabel('E-mail', { exact: true }).fill(credentials.email);
  await page.getByLabel('Heslo', { exact: true }).fill(credentials.password);
  await page.getByRole('button', { name: 'Přihlásit se' }).click();
}

/** Opens the language menu (its button says "Jazyk: …", "Nyelv: …" or "Language: …") and picks one. */
export async function switchLanguage(page: Page, languageName: string, options: { isSignedIn: boolean }): Promise<void> {
  await page.getByRole('button', { name: /^(Jazyk|Nyelv|Language): / }).click();
  const pick = page.getByRole('menuitem', { name: languageName }).click();
  if (options.isSignedIn) {
    // Signed in, the choice is saved to the profile: wait until the server has it.
    await Promise.all([page.waitForResponse((response) => response.url().endsWith('/api/v1/me') && response.request().method() === 'PATCH'), pick]);
  } else {
    await pick;
  }
  await page.getByRole('menu').waitFor({ state: 'detached' });
}

/** Signs out through the user menu; `labels` are the menu's words in the current language. */
export async function signOut(page: Page, labels: { menu: RegExp; signOut: string }): Promise<void> {
  await page.getByRole('button', { name: labels.menu }).click();
  await page.getByRole('menuitem', { name: labels.signOut }).click();
  await page.getByRole('menu').waitFor({ state: 'detached' });
}

/** Nothing may stick out sideways: the page must not scroll horizontally. */
export async function hasHorizontalOverflow(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
}

export async function documentLanguage(page: Page): Promise<string> {
  return page.evaluate(() => document.documentElement.lang);
}

/** The language saved to the signed-in person's profile, as the API reports it. */
export async function savedLanguage(page: Page): Promise<string | null> {
  const response = await page.request.get('/api/v1/me');
  const me = (await response.json()) as { user: { language: string | null } };
  return me.user.language;
}
