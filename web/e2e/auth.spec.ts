// The account's life in the browser: alice signs in through the pages and a reload keeps her session;
// a newly invited contact activates from the emailed link (QR code and key, a computed code), resets a
// forgotten password from the emailed link, changes it on the account page, signs out and back in.
// Alice's password is never changed: the other tests sign in with it.
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { ACME_ID, BASE_URL, DEMO_PASSWORD, checkPage, freshCode, linkInEmail, signIn, staff } from './support';

/** The path and query of an emailed link, to open on the gateway under test. */
const local = (link: string) => {
  const u = new URL(link);
  return u.pathname + u.search;
};

test.describe('signed out', () => {
  test('the sign-in and forgot-password pages', async ({ page }) => {
    await page.goto('/sign-in');
    await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
    await expect(page.getByLabel('Username')).toBeVisible();
    await expect(page.getByLabel('Password', { exact: true })).toBeVisible();
    await checkPage(page, 'sign-in');

    await page.getByRole('link', { name: 'Forgot your password?' }).click();
    await expect(page).toHaveURL(/\/forgot-password$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Forgot your password' })).toBeVisible();
    await checkPage(page, 'forgot-password');
  });

  test('a wrong password is refused without saying which part was wrong', async ({ page }) => {
    await page.goto('/sign-in');
    await page.getByLabel('Username').fill('alice.acme');
    await page.getByLabel('Password', { exact: true }).fill('Not-Her-Password-1');
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page.getByRole('alert')).toHaveText('The username, password or code is not right. Check them and try again.');
    await expect(page.getByLabel('Username')).toHaveValue('alice.acme');
    await checkPage(page, 'sign-in-refused');
  });

  test('a signed-out visit to a page asks to sign in, refusing a `next` that leaves the app', async ({ page }) => {
    await page.goto('/contacts');
    await expect(page).toHaveURL(/\/sign-in\?next=%2Fcontacts$/);
    await page.goto('/sign-in?next=//evil.example/');
    await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  });

  test('an activation link that does not work says so', async ({ page }) => {
    await page.goto('/activate?token=not-a-real-token-000000000000');
    await expect(page).toHaveURL(/\/activate$/);
    await page.getByLabel('New password', { exact: true }).fill('Correct-Horse-Battery-9');
    await page.getByLabel('Repeat the password').fill('Correct-Horse-Battery-9');
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page.getByRole('alert')).toContainText('This activation link does not work');
    await expect(page.getByRole('link', { name: 'Go to sign in' })).toBeVisible();
  });
});

test('alice signs in through the pages, lands where she was going, and a reload keeps her signed in', async ({ page }) => {
  test.setTimeout(120_000);
  // The global setup signed alice in from another process: let its step's code go by.
  await freshCode();
  await page.goto('/company');
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fcompany$/);
  await page.getByLabel('Username').fill('alice.acme');
  await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Continue' }).click();
  const code = page.getByLabel('Authenticator code');
  await expect(code).toBeFocused();
  await checkPage(page, 'sign-in-code');
  await code.fill(await freshCode());
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/company$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Company' })).toBeVisible();

  await page.reload();
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  await expect(page).toHaveURL(/\/company$/);
  await page.goto('/sign-in');
  await expect(page).toHaveURL(new RegExp(`^${BASE_URL}/$`));
  await expect(page.getByRole('heading', { level: 1, name: 'Welcome, Alice' })).toBeVisible();
});

test.describe.serial('a newly invited contact', () => {
  const unique = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
  const email = `nia.${unique}@acme.example`;
  const firstPassword = `First-Password-${unique}1A`;
  const resetPassword = `Reset-Password-${unique}2B`;
  const changedPassword = `Changed-Password-${unique}3C`;
  let username = '';
  // One browser session through the contact's whole life (axe wants a page of a context of its own).
  let context: BrowserContext;
  let page: Page;

  test.beforeAll(async ({ browser }) => {
    context = await browser.newContext({ baseURL: BASE_URL });
    page = await context.newPage();
  });
  test.afterAll(async () => {
    await context.close();
  });

  test('activates from the invitation email: password, QR code and key, then a code', async () => {
    test.setTimeout(120_000);
    const contact = (await staff('POST', `/admin/customers/${ACME_ID}/contacts`, {
      first_name: 'Nia',
      last_name: `Newcomer${unique}`,
      title: 'Office Manager',
      email,
    })) as { id: string };
    await staff('PUT', `/admin/contacts/${contact.id}/portal-access`, {});
    await staff('POST', `/admin/contacts/${contact.id}/portal-access/invitation`);
    const link = await linkInEmail(email, 'activate');

    await page.goto(local(link));
    await expect(page.getByRole('heading', { level: 1, name: 'Activate your account' })).toBeVisible();
    // The token is read, then taken out of the address bar.
    await expect(page).toHaveURL(/\/activate$/);
    await checkPage(page, 'activate-password');
    await page.getByLabel('New password', { exact: true }).fill(firstPassword);
    await page.getByLabel('Repeat the password').fill(`${firstPassword}x`);
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page.getByText('The two passwords are not the same.')).toBeVisible();
    await page.getByLabel('Repeat the password').fill(firstPassword);
    await page.getByRole('button', { name: 'Continue' }).click();

    const qr = page.getByRole('img', { name: 'QR code to scan with your authenticator app' });
    await expect(qr).toBeVisible();
    expect(await qr.locator('rect').count()).toBeGreaterThan(50);
    const secret = page.getByTestId('totp-secret');
    await expect(secret).toBeVisible();
    await expect(secret).toHaveText(/^([A-Z2-7]{4} )*[A-Z2-7]{1,4}$/);
    username = (await page.getByTestId('activation-username').textContent()) ?? '';
    expect(username).not.toBe('');
    await checkPage(page, 'activate-authenticator');

    await page.getByLabel('Authenticator code').fill(await freshCode());
    await page.getByRole('button', { name: 'Activate' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Welcome, Nia' })).toBeVisible();
    await expect(page).toHaveURL(new RegExp(`^${BASE_URL}/$`));
    await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  });

  test('forgot password: the emailed link sets a new one, and signing in still asks for the code', async () => {
    test.setTimeout(120_000);
    await context.clearCookies();
    await page.goto('/forgot-password');
    await page.getByLabel('Username').fill(username);
    await page.getByRole('button', { name: 'Send the link' }).click();
    await expect(page.getByRole('status')).toHaveText(/If the account exists, we have emailed a link valid for one hour/);
    // The email is queued: the outbox drain sends it.
    const link = await linkInEmail(email, 'reset-password', true);

    await page.goto(local(link));
    await expect(page).toHaveURL(/\/reset-password$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Reset your password' })).toBeVisible();
    await checkPage(page, 'reset-password');
    await page.getByLabel('New password', { exact: true }).fill(resetPassword);
    await page.getByLabel('Repeat the password').fill(resetPassword);
    await page.getByRole('button', { name: 'Set the password' }).click();
    await expect(page.getByRole('status')).toContainText('Your new password is set.');
    await expect(page.getByRole('status')).toContainText('never skips');
    await checkPage(page, 'reset-password-done');
    await page.getByRole('link', { name: 'Go to sign in' }).click();

    await page.getByLabel('Username').fill(username);
    await page.getByLabel('Password', { exact: true }).fill(firstPassword);
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page.getByRole('alert')).toContainText('The username, password or code is not right');
    await signIn(page, username, resetPassword);
    await expect(page.getByRole('heading', { level: 1, name: 'Welcome, Nia' })).toBeVisible();
  });

  test('changes the password on the account page, signs out, and signs in with the new one', async () => {
    test.setTimeout(150_000);
    await page.getByRole('link', { name: 'Account' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Your account' })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Your details' })).toContainText(username);

    // A wrong current password is named at its field, and nothing typed is lost.
    await page.getByLabel('Current password').fill('Not-The-Password-1');
    await page.getByLabel('New password', { exact: true }).fill(changedPassword);
    await page.getByLabel('Repeat the new password').fill(changedPassword);
    await page.getByLabel('Authenticator code').fill('000000');
    await page.getByRole('button', { name: 'Change password' }).click();
    await expect(page.getByLabel('Current password')).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByLabel('New password', { exact: true })).toHaveValue(changedPassword);
    await checkPage(page, 'account-invalid');

    await page.getByLabel('Current password').fill(resetPassword);
    await page.getByLabel('Authenticator code').fill(await freshCode());
    await page.getByRole('button', { name: 'Change password' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Your password has been changed.' })).toBeVisible();
    await expect(page.getByLabel('Current password')).toHaveValue('');
    await checkPage(page, 'account-changed');

    // Sign out: back to sign-in, and a reload stays signed out.
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page).toHaveURL(/\/sign-in$/);
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
    await page.goto('/');
    await expect(page).toHaveURL(/\/sign-in\?next=%2F$/);

    await signIn(page, username, changedPassword);
    await expect(page.getByRole('heading', { level: 1, name: 'Welcome, Nia' })).toBeVisible();
  });
});
