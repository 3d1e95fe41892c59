// Ticket emails in a real browser: the demo contact turns them off and on again on her account page; a
// ticket she raises emails her a one-click unsubscribe link, which, opened signed out, explains and waits
// for the button, stops her ticket emails (her account page then shows them off, and she turns them back
// on), and says so once used. Each state passes the accessibility check.
import { expect, test, type Page } from '@playwright/test';
import { ALICE_STATE, checkPage, unsubscribeTokenEmailedTo } from './support';

const stamp = `${Date.now().toString(36)}`;
const ALICE_EMAIL = 'alice@acme.example';

/** The account page's checkbox, once it shows the saved setting. */
async function ticketEmails(page: Page) {
  await page.goto('/account');
  const region = page.getByRole('region', { name: 'Email notifications' });
  const box = region.getByRole('checkbox', { name: 'Ticket emails' });
  await expect(box).toBeVisible();
  return { region, box };
}

test.describe('as alice', () => {
  test.use({ storageState: ALICE_STATE });

  test('turns ticket emails off and on again on the account page', async ({ page }) => {
    const { region, box } = await ticketEmails(page);
    if (!(await box.isChecked())) {
      await box.check();
      await expect(region.getByRole('status')).toHaveText('Saved: ticket emails are on.');
    }
    await box.uncheck();
    await expect(region.getByRole('status')).toHaveText('Saved: ticket emails are off.');
    await checkPage(page, 'account-ticket-emails-off');
    await page.reload();
    await expect(page.getByRole('checkbox', { name: 'Ticket emails' })).not.toBeChecked();

    await page.getByRole('checkbox', { name: 'Ticket emails' }).check();
    await expect(page.getByRole('region', { name: 'Email notifications' }).getByRole('status')).toHaveText('Saved: ticket emails are on.');
    await page.reload();
    await expect(page.getByRole('checkbox', { name: 'Ticket emails' })).toBeChecked();
    await checkPage(page, 'account-ticket-emails-on');
  });

  test('unsubscribes with the emailed link, signed out, once', async ({ page, browser }) => {
    // A ticket of hers: its notice carries the link.
    await page.goto('/tickets/new');
    await page.getByLabel('Subject').fill(`Lift inspection ${stamp}`);
    await page.getByLabel('Description').fill('Please book the yearly inspection.');
    await page.getByRole('button', { name: 'Raise ticket' }).click();
    await expect(page).toHaveURL(/\/tickets\/[0-9A-Z]+$/);
    const token = await unsubscribeTokenEmailedTo(ALICE_EMAIL);

    const outside = await browser.newContext();
    try {
      const anon = await outside.newPage();
      await anon.goto(`/unsubscribe/${token}`);
      await expect(anon.getByRole('heading', { level: 1, name: 'Unsubscribe from emails' })).toBeVisible();
      // The token leaves the address bar; nothing is sent until the button.
      await expect(anon).toHaveURL(/\/unsubscribe$/);
      await checkPage(anon, 'unsubscribe');
      await anon.getByRole('button', { name: 'Unsubscribe' }).click();
      await expect(anon.getByRole('status')).toHaveText('Done: ticket emails to you have stopped.');
      await expect(anon.getByText('You can turn ticket emails back on in your account settings.')).toBeVisible();
      await checkPage(anon, 'unsubscribed-tickets');

      // Her account says so; she turns them back on.
      const { region, box } = await ticketEmails(page);
      await expect(box).not.toBeChecked();
      await box.check();
      await expect(region.getByRole('status')).toHaveText('Saved: ticket emails are on.');

      // The link works once.
      await anon.goto(`/unsubscribe/${token}`);
      await anon.getByRole('button', { name: 'Unsubscribe' }).click();
      await expect(anon.getByRole('alert')).toContainText('This link has already been used or has expired');
      await expect(anon.getByRole('button', { name: 'Unsubscribe' })).toHaveCount(0);
      await checkPage(anon, 'unsubscribe-used');
    } finally {
      await outside.close();
    }
  });

  test('a made-up link says it was used or has expired', async ({ browser }) => {
    const outside = await browser.newContext();
    try {
      const anon = await outside.newPage();
      await anon.goto(`/unsubscribe/${'Z'.repeat(43)}`);
      await anon.getByRole('button', { name: 'Unsubscribe' }).click();
      await expect(anon.getByRole('alert')).toContainText('This link has already been used or has expired, so nothing was changed.');
      await expect(anon.getByRole('link', { name: 'Go to sign in' })).toBeVisible();
      await checkPage(anon, 'unsubscribe-unknown');
    } finally {
      await outside.close();
    }
  });
});
