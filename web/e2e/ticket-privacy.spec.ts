// A confidential ticket and its service levels in a real browser: the demo contact raises a ticket marked
// confidential (the business has response and resolution targets for its priority), sees the badge and the
// "Service levels" panel, shares it with colleagues and marks it confidential again; the list marks it.
// Each state passes the accessibility check.
import { expect, test } from '@playwright/test';
import { ALICE_STATE, checkPage, staff } from './support';

const stamp = `${Date.now().toString(36)}`;

test.describe('as alice', () => {
  test.use({ storageState: ALICE_STATE });

  test('raises a confidential ticket with service levels, shares it and makes it confidential again', async ({ page }) => {
    const subject = `Staff grievance ${stamp}`;
    // Targets for urgent tickets while this test runs; the business's own are put back after.
    const before = (await staff('GET', '/admin/settings/sla')) as { targets: Record<string, unknown> };
    await staff('PUT', '/admin/settings/sla', {
      targets: { ...before.targets, urgent: { respond_minutes: 60, resolve_minutes: 480 } },
    });
    try {
      await page.goto('/tickets/new');
      await page.getByLabel('Subject').fill(subject);
      await page.getByLabel('Description').fill('A private matter about a colleague.');
      await page.getByLabel('Priority').selectOption('Urgent');
      const box = page.getByRole('checkbox', { name: 'Confidential' });
      await expect(box).toHaveAccessibleDescription('Only you and our staff will see this ticket, not your colleagues.');
      await box.check();
      await checkPage(page, 'ticket-new-confidential');
      await page.getByRole('button', { name: 'Raise ticket' }).click();
      await expect(page).toHaveURL(/\/tickets\/[0-9A-Z]+$/);
      await expect(page.getByRole('heading', { level: 1 })).toContainText(subject);
    } finally {
      await staff('PUT', '/admin/settings/sla', before);
    }

    // Confidential, and hers to share.
    await expect(page.getByText('Confidential', { exact: true })).toBeVisible();
    const who = page.getByRole('region', { name: 'Who can see it' });
    await expect(who).toContainText('only you and our staff can see it');

    // Just raised: both targets pending, each said in words.
    const sla = page.getByRole('region', { name: 'Service levels' });
    await expect(sla.getByRole('row', { name: /First response/ })).toContainText(/Due by /);
    await expect(sla.getByRole('row', { name: /Resolution/ })).toContainText(/Due by /);
    await checkPage(page, 'ticket-confidential');

    await who.getByRole('button', { name: 'Share with colleagues' }).click();
    await expect(who.getByRole('button', { name: 'Mark confidential' })).toBeVisible();
    await expect(who).toContainText('can see this ticket too');
    await expect(page.getByText('Confidential', { exact: true })).toHaveCount(0);
    await expect(page.getByRole('status').filter({ hasText: 'shared with your colleagues again' })).toBeAttached();
    await page.reload();
    await expect(who.getByRole('button', { name: 'Mark confidential' })).toBeVisible();
    await checkPage(page, 'ticket-shared');

    await who.getByRole('button', { name: 'Mark confidential' }).click();
    await expect(who.getByRole('button', { name: 'Share with colleagues' })).toBeVisible();
    await expect(page.getByText('Confidential', { exact: true })).toBeVisible();

    // The list marks it in words.
    await page.goto('/tickets?scope=mine');
    const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: subject }) });
    await expect(row).toContainText('Confidential');
    await checkPage(page, 'tickets-confidential-row');
  });
});
