// The activity report by email, in a real browser as alice of Acme: subscribing and unsubscribing on the
// reports page (each kept across a reload); the emailed link's page for a link that is not hers; and the
// link opened signed out, which asks to sign in first and then comes back to it.
import { randomBytes } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { ALICE_STATE, DEMO_PASSWORD, checkPage, freshCode } from './support';

test.use({ storageState: ALICE_STATE, reducedMotion: 'reduce' });

/** A link id shaped like the email's (43 url-safe base64 characters) that was never mailed to anyone. */
const strayLink = () => randomBytes(32).toString('base64url');

const panel = (page: Page) => page.getByRole('main').getByRole('region', { name: 'Monthly email', exact: true });

/** Presses the panel's button and waits for the API to accept the change. */
async function press(page: Page, name: 'Subscribe' | 'Unsubscribe') {
  const answered = page.waitForResponse((r) => new URL(r.url()).pathname === '/portal/reports/subscription' && r.request().method() === 'PUT');
  await panel(page).getByRole('button', { name, exact: true }).click();
  const answer = await answered;
  expect(answer.status()).toBe(200);
  expect(answer.request().postDataJSON()).toEqual({ subscribed: name === 'Subscribe' });
  expect(answer.request().headers()['x-portal-customer']).toBeUndefined();
}

test('report mail: alice subscribes to the monthly email, then unsubscribes; each survives a reload', async ({ page }) => {
  await page.goto('/reports');
  await expect(page.getByRole('heading', { level: 1, name: 'Activity report' })).toBeVisible();
  const box = panel(page);
  await expect(box.getByRole('heading', { level: 2, name: 'Monthly email' })).toBeVisible();
  const subscribe = box.getByRole('button', { name: 'Subscribe', exact: true });
  const unsubscribe = box.getByRole('button', { name: 'Unsubscribe', exact: true });
  await expect(subscribe.or(unsubscribe)).toBeVisible();
  // Left subscribed by an earlier run: start from not subscribed.
  if (await unsubscribe.isVisible()) {
    await press(page, 'Unsubscribe');
    await expect(subscribe).toBeVisible();
  }
  await expect(box.getByText(/^Subscribe to receive this report by email at \S+@\S+ on the 1st of each month, for the month before\.$/)).toBeVisible();
  await checkPage(page, 'reports-mail-off');

  await press(page, 'Subscribe');
  await expect(unsubscribe).toBeVisible();
  // Where it goes, and since when.
  await expect(box.getByText(/^You receive this report by email at \S+@\S+ on the 1st of each month, for the month before\. Since .+\.$/)).toBeVisible();
  await expect(box.getByRole('status')).toHaveText(/^Subscribed: the report will be emailed to \S+@\S+ on the 1st of each month\.$/);
  await expect(unsubscribe).toBeFocused();
  await checkPage(page, 'reports-mail-on');

  await page.reload();
  await expect(unsubscribe).toBeVisible();
  await expect(box.getByText(/^You receive this report by email at /)).toBeVisible();

  await press(page, 'Unsubscribe');
  await expect(subscribe).toBeVisible();
  await expect(box.getByRole('status')).toHaveText('Unsubscribed: the report will no longer be emailed to you.');
  await page.reload();
  await expect(subscribe).toBeVisible();
  await expect(unsubscribe).toHaveCount(0);
});

test('report mail: an emailed link that is not alice’s says so, with the reports page', async ({ page }) => {
  const link = strayLink();
  expect(link).toMatch(/^[A-Za-z0-9_-]{43}$/);
  const asked = page.waitForResponse((r) => new URL(r.url()).pathname === `/portal/reports/mailed/${link}`);
  await page.goto(`/reports/mailed/${link}`);
  expect((await asked).status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1, name: 'Emailed activity report' })).toBeVisible();
  await expect(page.getByRole('main').getByRole('alert')).toHaveText('This link is not for the account you are signed in with.');
  await expect(page).toHaveURL(new RegExp(`/reports/mailed/${link}$`));
  await checkPage(page, 'reports-mailed-not-yours');

  await page.getByRole('main').getByRole('link', { name: 'Go to the activity report' }).click();
  await expect(page).toHaveURL(/\/reports$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Activity report' })).toBeVisible();
});

test.describe('signed out', () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test('report mail: an emailed link opened signed out asks to sign in, then comes back to it', async ({ page }) => {
    test.setTimeout(120_000);
    // The global setup signed alice in from another process: let its step's code go by.
    await freshCode();
    const link = strayLink();
    await page.goto(`/reports/mailed/${link}`);
    await expect(page).toHaveURL(new RegExp(`/sign-in\\?next=%2Freports%2Fmailed%2F${link}$`));
    await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
    await page.getByLabel('Username').fill('alice.acme');
    await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByLabel('Authenticator code').fill(await freshCode());
    await page.getByRole('button', { name: 'Sign in' }).click();

    await expect(page).toHaveURL(new RegExp(`/reports/mailed/${link}$`));
    await expect(page.getByRole('main').getByRole('alert')).toHaveText('This link is not for the account you are signed in with.');
    await checkPage(page, 'reports-mailed-after-sign-in');
  });
});
