// Signs alice in once through the pages and keeps the refresh cookie, so each test starts signed in the
// way a reload does (the ID token is in memory only; the page restores it from the cookie).
import { mkdirSync } from 'node:fs';
import { chromium, type FullConfig } from '@playwright/test';
import { ALICE_STATE, signIn } from './support';

export default async function globalSetup(config: FullConfig) {
  const use = config.projects[0]?.use ?? {};
  mkdirSync(new URL('../e2e-output/', import.meta.url).pathname, { recursive: true });
  const browser = await chromium.launch(use.launchOptions ?? {});
  const page = await browser.newPage({ baseURL: use.baseURL ?? 'http://127.0.0.1:3097' });
  await signIn(page, 'alice.acme');
  await page.context().storageState({ path: ALICE_STATE });
  await browser.close();
}
