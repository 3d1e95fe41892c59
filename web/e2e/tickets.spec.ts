// Tickets in a real browser: the list (open/closed, search, Mine/All, paging through the address), the
// CSV export as a download, raising a ticket, its conversation without internal notes, a note, closing
// it, the dashboard's charts with their tables; and Dan of Globex never sees anything of Acme's.
import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { ACME_ID, ALICE_STATE, checkPage, signIn, staff } from './support';

const ALICE_ID = '01JD0000000000000000000AC1';
const BOB_ID = '01JD0000000000000000000AC2';
const stamp = `${Date.now().toString(36)}`;

interface StaffTicket {
  id: string;
  subject: string;
}

/** A ticket staff raise for Acme about Bob: visible in the portal, raised by nobody in it. */
async function staffTicket(subject: string, status: 'new' | 'closed' = 'new'): Promise<StaffTicket> {
  return (await staff('POST', `/admin/customers/${ACME_ID}/tickets`, {
    subject,
    description: 'Raised by staff for the browser tests.',
    type: 'request',
    priority: 'normal',
    status,
    contact_id: BOB_ID,
    visible_in_portal: true,
  })) as StaffTicket;
}

const ticketRow = (page: Page, subject: string) => page.getByRole('row').filter({ has: page.getByRole('link', { name: subject }) });

test.describe('as alice', () => {
  test.use({ storageState: ALICE_STATE });

  test.beforeAll(async () => {
    // The see-all grant (the demo seed gives it too): Mine/All appears only with it.
    await staff('PUT', `/admin/contacts/${ALICE_ID}/ticket-visibility`, { see_all_tickets: true });
  });

  test('the list: open and closed, a subject search, Mine and All, all kept in the address', async ({ page }) => {
    const open = await staffTicket(`Colleague boiler ${stamp}`);
    const closed = await staffTicket(`Colleague window ${stamp}`, 'closed');

    await page.goto('/tickets');
    await expect(page.getByRole('heading', { level: 1, name: 'Tickets' })).toBeVisible();
    await expect(page.getByRole('radio', { name: 'Open' })).toBeChecked();
    await expect(ticketRow(page, open.subject)).toContainText('New');
    await expect(ticketRow(page, open.subject)).toContainText('Bob');
    await expect(page.getByRole('link', { name: closed.subject })).toHaveCount(0);
    await checkPage(page, 'tickets-list');

    // These radios follow the address, which changes a moment after the click: click, then expect.
    await page.getByRole('radio', { name: 'Closed' }).click();
    await expect(page).toHaveURL(/[?&]status=closed/);
    await expect(ticketRow(page, closed.subject)).toContainText('Closed');
    await expect(page.getByRole('link', { name: open.subject })).toHaveCount(0);

    // The search applies when submitted, and keeps the status.
    await page.getByRole('searchbox', { name: 'Search subjects' }).fill(`window ${stamp}`);
    await page.getByRole('searchbox', { name: 'Search subjects' }).press('Enter');
    await expect(page).toHaveURL(/status=closed.*q=window/);
    await expect(page.getByRole('link', { name: closed.subject })).toBeVisible();
    await expect(page.locator('tbody tr')).toHaveCount(1);

    // A reload keeps the filters.
    await page.reload();
    await expect(page.getByRole('radio', { name: 'Closed' })).toBeChecked();
    await expect(page.getByRole('searchbox', { name: 'Search subjects' })).toHaveValue(`window ${stamp}`);
    await expect(page.getByRole('link', { name: closed.subject })).toBeVisible();

    // Mine: only what alice raised herself, so not staff's ticket about Bob.
    await page.getByRole('button', { name: 'Clear search' }).click();
    await page.getByRole('radio', { name: 'Open' }).click();
    await expect(page.getByRole('group', { name: 'Whose tickets' })).toBeVisible();
    await expect(page.getByRole('radio', { name: 'All' })).toBeChecked();
    await expect(page.getByRole('link', { name: open.subject })).toBeVisible();
    await page.getByRole('radio', { name: 'Mine' }).click();
    await expect(page).toHaveURL(/scope=mine/);
    await expect(page.getByRole('radio', { name: 'Mine' })).toBeChecked();
    await expect(page.getByRole('link', { name: open.subject })).toHaveCount(0);
    await page.goBack();
    await expect(page.getByRole('radio', { name: 'All' })).toBeChecked();
    await expect(page.getByRole('link', { name: open.subject })).toBeVisible();
  });

  test('exports the list as a CSV download', async ({ page }) => {
    const open = await staffTicket(`Export me ${stamp}`);
    await page.goto('/tickets');
    await expect(page.getByRole('link', { name: open.subject })).toBeVisible();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^tickets-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = await readFile((await download.path())!, 'utf8');
    const [header] = csv.split(/\r?\n/);
    expect(header).toContain('number');
    expect(header).toContain('subject');
    expect(csv).toContain(open.subject);
    await expect(page.getByRole('status').filter({ hasText: download.suggestedFilename() })).toBeAttached();
  });

  test('raises a ticket, sees its conversation without internal notes, adds a note and closes it', async ({ page }) => {
    const subject = `Printer on floor 3 ${stamp}`;
    await page.goto('/tickets');
    await page.getByRole('link', { name: 'New ticket' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'New ticket' })).toBeVisible();

    // Nothing typed yet: the fields say what is missing.
    await page.getByRole('button', { name: 'Raise ticket' }).click();
    await expect(page.getByLabel('Subject')).toHaveAccessibleDescription('Enter a subject.');
    await expect(page.getByLabel('Subject')).toBeFocused();
    await expect(page.getByRole('alert')).toContainText('Description: Describe the problem or request.');
    await checkPage(page, 'ticket-new');

    await page.getByLabel('Subject').fill(subject);
    await page.getByLabel('Description').fill('It prints blank pages.\nSince Monday.');
    await page.getByLabel('Type').selectOption({ label: 'Fault' });
    await page.getByLabel('Priority').selectOption({ label: 'High' });
    await page.getByRole('button', { name: 'Raise ticket' }).click();

    await expect(page).toHaveURL(/\/tickets\/[0-9A-Z]+$/);
    await expect(page.getByRole('heading', { level: 1 })).toContainText(subject);
    const id = page.url().split('/').pop()!;
    const facts = page.getByRole('region', { name: 'Details' });
    await expect(facts).toContainText('Fault');
    await expect(facts).toContainText('High');
    await expect(facts).toContainText('New');
    await expect(page.getByText('Since Monday.')).toBeVisible();

    // Staff answer in public, and write an internal note that must never reach the portal.
    const internal = `Internal only ${stamp}: customer is on the watch list`;
    await staff('POST', `/admin/customers/${ACME_ID}/tickets/${id}/notes`, { body: internal, internal: true });
    const reply = `<b>Bold?</b> Try the other tray ${stamp}`;
    await staff('POST', `/admin/customers/${ACME_ID}/tickets/${id}/notes`, { body: reply, internal: false });
    await page.reload();
    const conversation = page.getByRole('region', { name: 'Conversation' });
    await expect(conversation.getByRole('heading', { name: 'Reply from support' })).toBeVisible();
    await expect(conversation.getByText(reply)).toBeVisible();
    await expect(conversation.locator('b')).toHaveCount(0);
    await expect(page.getByText(internal)).toHaveCount(0);
    expect(await page.content()).not.toContain(`Internal only ${stamp}`);

    await page.getByLabel('Your note').fill(`The other tray works ${stamp}`);
    await page.getByRole('button', { name: 'Add note' }).click();
    await expect(conversation.getByText(`The other tray works ${stamp}`)).toBeVisible();
    await expect(conversation.getByRole('heading', { name: 'Note from you' })).toBeVisible();
    await expect(page.getByLabel('Your note')).toHaveValue('');
    await checkPage(page, 'ticket-detail');

    await page.getByRole('button', { name: 'Close ticket' }).click();
    const dialog = page.getByRole('dialog', { name: 'Close this ticket?' });
    await expect(dialog).toBeVisible();
    await dialog.getByRole('button', { name: 'Close ticket' }).click();
    await expect(dialog).toBeHidden();
    await expect(facts).toContainText('Closed');
    await expect(page.getByRole('button', { name: 'Close ticket' })).toHaveCount(0);
    await expect(page.getByLabel('Your note')).toHaveCount(0);
    await expect(page.getByText('This ticket is closed, so notes can no longer be added.', { exact: false })).toBeVisible();
    await expect(conversation.getByText(`The other tray works ${stamp}`)).toBeVisible();

    // It has moved to the closed list.
    await page.goto('/tickets?status=closed&scope=mine');
    await expect(ticketRow(page, subject)).toContainText('Closed');
  });

  test('the dashboard shows its charts, each with a table of the same figures', async ({ page }) => {
    await page.goto('/dashboard');
    await expect(page.getByRole('heading', { level: 1, name: 'Ticket dashboard' })).toBeVisible();
    for (const name of [
      'Open tickets by status',
      'Open tickets by priority',
      'Tickets opened and closed per month',
      'Mean resolution time by priority',
    ]) {
      await expect(page.getByRole('table', { name })).toBeVisible();
      await expect(page.getByRole('img', { name: new RegExp(`^${name}`) })).toBeVisible();
    }
    await expect(page.getByRole('table', { name: 'Tickets opened and closed per month' }).locator('tbody tr')).toHaveCount(12);
    await expect(page.locator('canvas')).toHaveCount(4);
    await checkPage(page, 'ticket-dashboard');
  });

  test('usable 360 px wide: the page never scrolls sideways, tables scroll inside their box', async ({ page }) => {
    const t = await staffTicket(`Narrow screen ${stamp}`);
    await page.setViewportSize({ width: 360, height: 740 });
    for (const [path, ready] of [
      ['/tickets', page.getByRole('link', { name: t.subject })],
      ['/tickets/new', page.getByRole('button', { name: 'Raise ticket' })],
      [`/tickets/${t.id}`, page.getByRole('heading', { level: 1, name: new RegExp(t.subject) })],
      ['/dashboard', page.getByRole('table', { name: 'Mean resolution time by priority' })],
    ] as const) {
      await page.goto(path);
      await expect(ready).toBeVisible();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `${path} scrolls sideways`).toBeLessThanOrEqual(0);
    }
    await page.goto('/tickets');
    await checkPage(page, 'tickets-list-360');
  });
});

test.describe('as dan of Globex', () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test('never sees a ticket of Acme’s', async ({ page }) => {
    await staffTicket(`Acme only ${stamp}`);
    const acme = (await staff('GET', `/admin/customers/${ACME_ID}/tickets?limit=100`)) as { items: StaffTicket[] };
    const first = acme.items[0];
    expect(first).toBeDefined();

    await signIn(page, 'dan.globex');
    await page.goto(`/tickets/${first!.id}`);
    await expect(page.getByRole('heading', { level: 1, name: 'Ticket not found' })).toBeVisible();
    await expect(page.getByText(first!.subject)).toHaveCount(0);

    for (const status of ['open', 'closed']) {
      await page.goto(`/tickets?status=${status}`);
      await expect(page.getByRole('heading', { level: 1, name: 'Tickets' })).toBeVisible();
      await expect(page.getByRole('status').filter({ hasText: /shown/ })).toBeAttached();
      const text = await page.locator('main').innerText();
      for (const t of acme.items) expect(text, `Dan's ${status} list`).not.toContain(t.subject);
    }
  });
});
