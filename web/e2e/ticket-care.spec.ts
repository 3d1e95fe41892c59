// Looking after one's own ticket in a real browser: the demo contact raises a ticket, changes its subject and
// description while it is new, closes it, rates how it was handled (5, with a comment) and reopens it; the
// dashboard counts the rating. Each state passes the accessibility check.
import { expect, test } from '@playwright/test';
import { ALICE_STATE, checkPage } from './support';

const stamp = `${Date.now().toString(36)}`;

test.describe('as alice', () => {
  test.use({ storageState: ALICE_STATE });

  test('raises a ticket, edits it, closes it, rates it 5 with a comment and reopens it', async ({ page }) => {
    const subject = `Door badge ${stamp}`;
    const edited = `Door badge reader broken ${stamp}`;
    const comment = `Fixed within the hour, thank you ${stamp}`;

    await page.goto('/tickets/new');
    await page.getByLabel('Subject').fill(subject);
    await page.getByLabel('Description').fill('My badge does not open the door.');
    await page.getByRole('button', { name: 'Raise ticket' }).click();
    await expect(page).toHaveURL(/\/tickets\/[0-9A-Z]+$/);
    await expect(page.getByRole('heading', { level: 1 })).toContainText(subject);
    const facts = page.getByRole('region', { name: 'Details' });
    await expect(facts).toContainText('New');

    // New, and raised by her: the subject and description can still change.
    await page.getByRole('button', { name: 'Edit', exact: true }).click();
    const form = page.getByRole('form', { name: 'Edit ticket' });
    await expect(form.getByLabel('Subject')).toBeFocused();
    await expect(form.getByLabel('Subject')).toHaveValue(subject);
    await form.getByLabel('Subject').fill('');
    await form.getByRole('button', { name: 'Save' }).click();
    await expect(form.getByLabel('Subject')).toHaveAccessibleDescription('Enter a subject.');
    await checkPage(page, 'ticket-edit');

    await form.getByLabel('Subject').fill(edited);
    await form.getByLabel('Description').fill('The reader by the main door stays red for every badge.');
    await form.getByRole('button', { name: 'Save' }).click();
    await expect(form).toBeHidden();
    await expect(page.getByRole('heading', { level: 1 })).toContainText(edited);
    await expect(page.getByRole('region', { name: 'Description' })).toContainText('stays red for every badge');
    await expect(page.getByRole('button', { name: 'Edit', exact: true })).toBeFocused();
    await page.reload();
    await expect(page.getByRole('heading', { level: 1 })).toContainText(edited);
    await checkPage(page, 'ticket-edited');

    // Closed by her: no more editing; she may rate it, and reopen it for a while.
    await page.getByRole('button', { name: 'Close ticket' }).click();
    const dialog = page.getByRole('dialog', { name: 'Close this ticket?' });
    await dialog.getByRole('button', { name: 'Close ticket' }).click();
    await expect(dialog).toBeHidden();
    await expect(facts).toContainText('Closed');
    await expect(page.getByRole('button', { name: 'Edit', exact: true })).toHaveCount(0);
    await expect(page.getByText(/^You can reopen this ticket until .+\.$/)).toBeVisible();
    const rate = page.getByRole('form', { name: 'Rate this ticket' });
    await expect(rate.getByRole('group', { name: 'Your satisfaction' })).toBeVisible();
    await expect(rate.getByRole('radio')).toHaveCount(5);
    await checkPage(page, 'ticket-closed');

    // A score is needed; then 5 with a comment.
    await rate.getByRole('button', { name: 'Submit rating' }).click();
    await expect(rate.getByRole('group', { name: 'Your satisfaction' })).toHaveAccessibleDescription('Choose how satisfied you are.');
    await rate.getByRole('radio', { name: '5 – Very satisfied' }).check();
    await rate.getByLabel('Comment (optional)').fill(comment);
    await rate.getByRole('button', { name: 'Submit rating' }).click();
    const rating = page.getByRole('region', { name: 'Your rating' });
    await expect(rating).toContainText('You rated this ticket 5 out of 5');
    await expect(rating).toContainText(comment);
    await expect(rate).toHaveCount(0);
    await page.reload();
    await expect(rating).toContainText('You rated this ticket 5 out of 5');
    await checkPage(page, 'ticket-rated');

    // Reopened: new again, so editable again; the rating stays.
    await page.getByRole('button', { name: 'Reopen ticket' }).click();
    await expect(facts).toContainText('New');
    await expect(page.getByRole('button', { name: 'Reopen ticket' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Close ticket' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Edit', exact: true })).toBeVisible();
    await expect(page.getByLabel('Your note')).toBeVisible();
    await checkPage(page, 'ticket-reopened');

    // It is open again in the list.
    await page.goto('/tickets?status=open&scope=mine');
    await expect(page.getByRole('link', { name: edited })).toBeVisible();
  });

  test('the dashboard shows how contacts rated their closed tickets', async ({ page }) => {
    await page.goto('/dashboard');
    const satisfaction = page.getByRole('region', { name: 'Customer satisfaction' });
    await expect(satisfaction).toBeVisible();
    await expect(satisfaction).toContainText(/Ratings\s*\d+|No closed tickets have been rated yet\./);
    await checkPage(page, 'ticket-dashboard-satisfaction');
  });
});
