// Quotes and invoices in a real browser, as alice of Acme (who holds the quote authority): the quotes
// awaiting a decision with the expired one marked, the decided ones, a quote authorised with a name and
// an order number after the confirmation; the invoices with the overdue ones flagged and a PDF opened; the
// properties page's figures and the home page's activity and spend panels. Without the authority, the quote page says who
// must decide. The demo seed's Q-1002 is authorised on a freshly seeded stack; on a stack an earlier run
// already changed, staff send a copy of it to authorise instead.
import { expect, test, type Page } from '@playwright/test';
import { ACME_ID, ALICE_STATE, BASE_URL, checkPage, portalLocal, staff } from './support';

const stamp = Date.now().toString(36).toUpperCase();
/** Alice's contact id in the demo data (`demo_id("AC1")`). */
const ALICE_ID = '01JD0000000000000000000AC1';

const awaiting = (page: Page) => page.getByRole('table', { name: 'Quotes awaiting a decision, newest first' });
const unpaid = (page: Page) => page.getByRole('table', { name: 'Unpaid invoices, earliest due first' });
const row = (page: Page, table: ReturnType<typeof awaiting>, name: string) => table.locator('tbody tr').filter({ has: page.getByRole('rowheader', { name, exact: true }) });

let staffToken: string | null = null;

/** A staff call on a record read at `version` (`If-Match`), which `staff` cannot send. */
async function staffAt(method: string, path: string, version: number): Promise<unknown> {
  staffToken ??= portalLocal('token', 'supervisor');
  const response = await fetch(`${BASE_URL}${path}`, {
    method,
    headers: { Authorization: `Bearer ${staffToken}`, 'If-Match': `"${version}"` },
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
  return text ? JSON.parse(text) : null;
}

/** A copy of Q-1002 (Riverside Offices), sent by staff now: for a stack where Q-1002 was decided before. */
async function sendCopyOfQ1002(): Promise<string> {
  const sites = (await staff('GET', `/admin/customers/${ACME_ID}/sites?limit=100`)) as { items: { id: string; name: string }[] };
  const riverside = sites.items.find((s) => s.name === 'Riverside Offices');
  if (!riverside) throw new Error('the demo site Riverside Offices');
  const validUntil = new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);
  const number = `Q-E2E-${stamp}`;
  const made = (await staff('POST', `/admin/customers/${ACME_ID}/quotes`, {
    site_id: riverside.id,
    number,
    kind: 'service',
    defect_ids: [],
    title: 'Annual sprinkler inspection',
    description: null,
    lines: [
      { description: 'Sprinkler inspection', quantity: 1, unit_price: 45_000 },
      { description: 'Flow test', quantity: 2, unit_price: 7_500 },
    ],
    tax_rate: 2_000,
    currency: 'GBP',
    valid_until: validUntil,
  })) as { id: string; version: number };
  await staffAt('POST', `/admin/customers/${ACME_ID}/quotes/${made.id}/send`, made.version);
  return number;
}

test.describe('as alice', () => {
  // Reduced motion: the spend chart is drawn at once, so the screenshot shows its final bars.
  test.use({ storageState: ALICE_STATE, reducedMotion: 'reduce' });

  test('quotes: awaiting ones with the expired one marked, then the authorised and the declined', async ({ page }) => {
    await page.goto('/');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Quotes' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Quotes' })).toBeVisible();

    const table = awaiting(page);
    await expect(row(page, table, 'Q-1001')).toContainText('Replace discharged extinguisher');
    await expect(row(page, table, 'Q-1001')).toContainText('Acme House');
    await expect(row(page, table, 'Q-1001')).toContainText('Awaiting decision');
    await expect(row(page, table, 'Q-1003')).toContainText('Fire door glazing replacement');
    await expect(row(page, table, 'Q-1003')).toContainText('Expired');
    await expect(table.getByRole('link', { name: 'Q-1001', exact: true })).toHaveAttribute('href', /^\/quotes\/[0-9A-Z]+$/);
    // Money in pounds with the symbol: Q-1001 is £85 + half an hour at £60, with 20 % VAT.
    await expect(row(page, table, 'Q-1001')).toContainText('£138.00');
    // A draft never reaches the portal; decided quotes are in their own lists.
    for (const number of ['Q-1004', 'Q-1005', 'Q-1006']) await expect(table.getByRole('rowheader', { name: number })).toHaveCount(0);
    await expect(page.getByText('Expired quotes can no longer be authorised.', { exact: false })).toBeVisible();
    await checkPage(page, 'quotes');

    // The defect quote awaiting alice's decision: its lines, totals and the two forms (the README's picture).
    await table.getByRole('link', { name: 'Q-1001', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Q-1001: Replace discharged extinguisher' })).toBeVisible();
    await expect(page.getByRole('main')).toContainText('Defect repair (1 defect)');
    await expect(page.getByRole('form', { name: 'Authorise' })).toBeVisible();
    await checkPage(page, 'quote');
    await page.goBack();

    await page.getByRole('radio', { name: 'Authorised', exact: true }).click();
    await expect(page).toHaveURL(/\/quotes\?status=authorised$/);
    const authorised = page.getByRole('table', { name: 'Authorised quotes, newest first' });
    await expect(row(page, authorised, 'Q-1004')).toContainText('Emergency lighting upgrade');
    await expect(row(page, authorised, 'Q-1004')).toContainText('Camden Depot');

    await page.getByRole('radio', { name: 'Declined', exact: true }).click();
    const declined = page.getByRole('table', { name: 'Declined quotes, newest first' });
    await expect(row(page, declined, 'Q-1005')).toContainText('Additional hydrant test');
    await checkPage(page, 'quotes-declined');

    // The authorised quote shows who decided, with the order number.
    await page.goto('/quotes?status=authorised');
    await page.getByRole('link', { name: 'Q-1004', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Q-1004: Emergency lighting upgrade' })).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: 'Decision', exact: true })).toBeVisible();
    await expect(page.getByRole('main')).toContainText('Alice Archer');
    await expect(page.getByRole('main')).toContainText('PO-7781');
    await expect(page.getByRole('form')).toHaveCount(0);
  });

  test('a quote authorised with a name and an order number, after the confirmation', async ({ page }) => {
    await page.goto('/quotes');
    await expect(awaiting(page)).toBeVisible();
    const fresh = (await awaiting(page).getByRole('link', { name: 'Q-1002', exact: true }).count()) === 1;
    const number = fresh ? 'Q-1002' : await sendCopyOfQ1002();
    if (!fresh) await page.reload();

    await awaiting(page).getByRole('link', { name: number, exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: `${number}: Annual sprinkler inspection` })).toBeVisible();
    await expect(page.getByRole('main').getByRole('link', { name: 'Riverside Offices' })).toHaveAttribute('href', /^\/sites\//);
    const lines = page.getByRole('table', { name: `Lines of quote ${number}` });
    await expect(lines.getByRole('row', { name: /Sprinkler inspection/ })).toContainText('£450.00');
    await expect(lines.getByRole('row', { name: /^Total/ })).toContainText('£720.00');

    const form = page.getByRole('form', { name: 'Authorise' });
    await expect(form.getByRole('textbox', { name: 'Your name' })).toHaveValue('Alice Archer');
    await expect(page.getByRole('form', { name: 'Decline' })).toBeVisible();
    await checkPage(page, 'quote-awaiting');

    // The name is required: cleared, the form says so at the field and asks nothing yet.
    await form.getByRole('textbox', { name: 'Your name' }).fill('');
    await form.getByRole('button', { name: 'Authorise…' }).click();
    await expect(form.getByRole('textbox', { name: 'Your name' })).toBeFocused();
    await expect(form.getByText('Your name is required.')).toBeVisible();
    await expect(page.getByRole('dialog')).toHaveCount(0);

    await form.getByRole('textbox', { name: 'Your name' }).fill('Alice Archer');
    await form.getByRole('textbox', { name: 'Order number' }).fill(`PO-${stamp}`);
    await form.getByRole('button', { name: 'Authorise…' }).click();
    const dialog = page.getByRole('dialog', { name: `Authorise quote ${number}?` });
    await expect(dialog).toContainText('You authorise the work for £720.00, signed as Alice Archer.');
    await expect(dialog).toContainText('This cannot be changed afterwards.');
    await checkPage(page, 'quote-confirm');
    await dialog.getByRole('button', { name: 'Authorise quote' }).click();

    await expect(page.getByRole('status').filter({ hasText: `You authorised quote ${number}.` })).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: 'Decision', exact: true })).toBeVisible();
    await expect(page.getByRole('main')).toContainText(`PO-${stamp}`);
    await expect(page.getByRole('form')).toHaveCount(0);
    await checkPage(page, 'quote-authorised');

    // Decided, it has left the awaiting list for the authorised one.
    await page.getByRole('link', { name: 'All quotes' }).click();
    await expect(awaiting(page).getByRole('link', { name: number, exact: true })).toHaveCount(0);
    await page.getByRole('radio', { name: 'Authorised', exact: true }).click();
    await expect(page.getByRole('table', { name: 'Authorised quotes, newest first' }).getByRole('link', { name: number, exact: true })).toBeVisible();
  });

  test('invoices: the overdue ones flagged, a PDF opened, paid and void lists', async ({ page }) => {
    await page.goto('/');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Invoices' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Invoices' })).toBeVisible();

    const table = unpaid(page);
    // Earliest due first: the two overdue, then the one not yet due.
    await expect(table.getByRole('rowheader')).toHaveText(['INV-1111', 'INV-1112', 'INV-1113']);
    await expect(row(page, table, 'INV-1111')).toContainText('Overdue');
    await expect(row(page, table, 'INV-1111')).toContainText('Acme House');
    await expect(row(page, table, 'INV-1111')).toContainText('£1,500.00');
    await expect(row(page, table, 'INV-1112')).toContainText('Overdue');
    await expect(row(page, table, 'INV-1113')).toContainText('Unpaid');
    await expect(row(page, table, 'INV-1113')).not.toContainText('Overdue');
    await checkPage(page, 'invoices');

    const opened = page.waitForEvent('popup');
    await table.getByRole('button', { name: 'Open the PDF of INV-1111' }).click();
    expect((await opened).url()).toMatch(/^https?:\/\//);

    await page.getByRole('radio', { name: 'Paid', exact: true }).click();
    const paid = page.getByRole('table', { name: 'Paid invoices, newest first' });
    await expect(paid.getByRole('rowheader')).toHaveCount(10);
    await expect(row(page, paid, 'INV-1101')).toContainText('Paid');
    await page.getByRole('radio', { name: 'Void', exact: true }).click();
    await expect(page.getByRole('table', { name: 'Void invoices, newest first' }).getByRole('rowheader')).toHaveText(['INV-1114']);
    await checkPage(page, 'invoices-void');
  });

  test('home and properties: the activity and spend panels, figures that open the lists behind them', async ({ page }) => {
    // The activity and spend panels are on the home page.
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1, name: 'Welcome, Alice' })).toBeVisible();
    const activity = page.getByRole('region', { name: 'Quotes and invoices', exact: true });
    await expect(activity.getByRole('listitem').filter({ hasText: 'Invoices overdue' })).toContainText(/^2 Invoices overdue/);
    await expect(activity.getByRole('link', { name: 'See the invoices' })).toHaveAttribute('href', '/invoices');
    const spend = page.getByRole('region', { name: 'Spend', exact: true });
    await expect(spend.getByRole('table', { name: 'Invoiced per month, last 12 months' }).locator('tbody tr')).toHaveCount(12);
    await expect(spend.getByRole('img', { name: /^Invoiced per month/ })).toBeVisible();
    await checkPage(page, 'home-billing');

    await page.goto('/sites');
    const sites = page.getByRole('table', { name: 'Properties, by name' });
    await expect(sites.getByRole('columnheader', { name: 'Quotes awaiting a decision' })).toBeVisible();
    await expect(sites.getByRole('columnheader', { name: 'Overdue invoices' })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Spend', exact: true })).toHaveCount(0);
    await checkPage(page, 'properties-billing');

    // Acme House's overdue invoice: the figure opens the property's invoices.
    await sites.getByRole('link', { name: '1 overdue invoice at Acme House' }).click();
    await expect(page).toHaveURL(/\/sites\/[0-9A-Z]+#invoices$/);
    await expect(page.getByRole('heading', { level: 2, name: 'Invoices', exact: true })).toBeFocused();
    await expect(unpaid(page).getByRole('rowheader')).toHaveText(['INV-1111']);
    await expect(page.getByRole('region', { name: 'Quotes', exact: true }).getByRole('link', { name: 'Q-1001', exact: true })).toBeVisible();
    await checkPage(page, 'site-billing');

    // And its quote awaiting a decision opens the property's quotes.
    await page.goto('/sites');
    await page.getByRole('table', { name: 'Properties, by name' }).getByRole('link', { name: '1 quote awaits a decision at Acme House' }).click();
    await expect(page).toHaveURL(/\/sites\/[0-9A-Z]+#quotes$/);
    await expect(page.getByRole('heading', { level: 2, name: 'Quotes', exact: true })).toBeFocused();
  });

  test('without the quote authority, the quote page says someone who has it must decide', async ({ page }) => {
    // Bob (who lacks it) has no sign-in in the demo data: alice's authority is withdrawn meanwhile instead.
    await staff('PUT', `/admin/contacts/${ALICE_ID}/quote-authority`, { authorise_quotes: false });
    try {
      await page.goto('/quotes');
      await awaiting(page).getByRole('link', { name: 'Q-1001', exact: true }).click();
      await expect(page.getByRole('heading', { level: 1, name: 'Q-1001: Replace discharged extinguisher' })).toBeVisible();
      await expect(page.getByText('Someone at your company with the authority to authorise quotes must decide this one.', { exact: false })).toBeVisible();
      await expect(page.getByRole('form')).toHaveCount(0);
      await expect(page.getByRole('button', { name: /Authorise/ })).toHaveCount(0);
      await checkPage(page, 'quote-no-authority');
    } finally {
      await staff('PUT', `/admin/contacts/${ALICE_ID}/quote-authority`, { authorise_quotes: true });
    }
  });
});
