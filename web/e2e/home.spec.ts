// Home, company, contacts and account as alice: what they show, their accessibility, the home page's
// API call budget (its cards, and one call per panel of the field modules Acme has on), the account
// managers' details on hover and on focus, and adding a colleague.
import { expect, test, type Page } from '@playwright/test';
import { ALICE_STATE, checkPage } from './support';

test.use({ storageState: ALICE_STATE });

/** Every `/portal/*` request the page makes, as `METHOD /path?query`. */
function recordApiCalls(page: Page): string[] {
  const calls: string[] = [];
  page.on('request', (r) => {
    const u = new URL(r.url());
    if (u.pathname.startsWith('/portal/')) calls.push(`${r.method()} ${u.pathname}${u.search}`);
  });
  return calls;
}

/** The shell's and the session's calls, which are not the page's own. */
const SESSION_OR_SHELL = ['/portal/auth/refresh', '/portal/news', '/portal/group'];

/** Each panel of the home page (Acme has every module on) and its one API call. */
const PANELS = [
  { region: 'Map of your properties', call: 'GET /portal/sites/map' },
  { region: 'Properties', call: 'GET /portal/sites?limit=10' },
  { region: 'Quotes and invoices', call: 'GET /portal/activity' },
  { region: 'Spend', call: 'GET /portal/spend' },
  { region: 'Defects', call: 'GET /portal/defects/summary' },
  { region: 'Routine activities', call: `GET /portal/routine/summary?year=${new Date().getFullYear()}` },
  { region: 'Service calls', call: 'GET /portal/service-calls/summary' },
];

test('home: welcome, company, shortcuts, recent tickets and documents, then the panels, one API call each', async ({ page }) => {
  const calls = recordApiCalls(page);
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Welcome, Alice' })).toBeVisible();
  const main = page.getByRole('main');
  await expect(main.getByRole('heading', { name: 'Your company' })).toBeVisible();
  await expect(main.getByText('Acme Facilities Ltd', { exact: true })).toBeVisible();
  const shortcuts = page.getByRole('navigation', { name: 'Shortcuts' });
  await expect(shortcuts.getByRole('link', { name: 'New ticket' })).toHaveAttribute('href', '/tickets/new');
  await expect(shortcuts.getByRole('link', { name: 'Upload a document' })).toHaveAttribute('href', '/documents?upload=1');
  await expect(shortcuts.getByRole('link', { name: 'Data sheets' })).toHaveAttribute('href', '/data-sheets');

  const tickets = main.getByRole('region', { name: 'Recent tickets' });
  await expect(tickets.getByRole('link', { name: /^#\d+ / }).first()).toBeVisible();
  expect(await tickets.getByRole('link', { name: /^#\d+ / }).count()).toBeLessThanOrEqual(5);
  const documents = main.getByRole('region', { name: 'Recent documents' });
  await expect(documents.getByRole('listitem').first()).toBeVisible();
  expect(await documents.getByRole('listitem').count()).toBeLessThanOrEqual(5);
  const articles = main.getByRole('region', { name: 'Latest help articles' });
  await expect(articles.getByRole('listitem').first()).toBeVisible();
  expect(await articles.getByRole('listitem').count()).toBeLessThanOrEqual(5);
  await expect(articles.getByRole('link', { name: 'All help articles' })).toHaveAttribute('href', '/help');

  // The panels: the map, the first properties with their figures and the way to all of them, the
  // portfolio's and the field service's panels.
  await expect(main.getByRole('region', { name: 'Map of your properties' })).toBeVisible();
  const properties = main.getByRole('region', { name: 'Properties', exact: true });
  const sites = properties.getByRole('table', { name: 'Properties, by name' });
  await expect(sites.locator('tbody tr')).toHaveCount(10);
  // A figure opens the list behind it: the property's quotes or its overdue invoices.
  const figure = sites.getByRole('link', { name: / (quotes? awaits? a decision|overdue invoices?) at / }).first();
  await expect(figure).toHaveAttribute('href', /^\/sites\/[0-9A-Z]+#(quotes|invoices)$/);
  await expect(properties.getByRole('link', { name: 'All properties' })).toHaveAttribute('href', '/sites');
  for (const name of ['Quotes and invoices', 'Spend', 'Defects', 'Routine activities', 'Service calls']) {
    await expect(main.getByRole('region', { name, exact: true }).getByRole('heading', { level: 2, name, exact: true })).toBeVisible();
  }
  await expect(main.locator('.loading')).toHaveCount(0);
  await page.waitForLoadState('networkidle');

  const shell = calls.filter((c) => SESSION_OR_SHELL.some((s) => c.includes(s)));
  const own = calls.filter((c) => !SESSION_OR_SHELL.some((s) => c.includes(s)));
  test.info().annotations.push({ type: 'home page API calls', description: own.join(', ') });
  test.info().annotations.push({ type: 'session and shell calls', description: shell.join(', ') });
  console.log(`home page API calls (${own.length}): ${own.join(', ')}; session/shell: ${shell.join(', ')}`);
  // The cards' four calls (the latest help articles' is the fourth: Acme has the knowledge base on), and
  // each panel's one.
  const cards = ['GET /portal/me', 'GET /portal/tickets?limit=5', 'GET /portal/documents', 'GET /portal/articles?limit=5'];
  for (const call of [...cards, ...PANELS.map((p) => p.call)]) {
    expect(own.filter((c) => c === call), call).toHaveLength(1);
  }
  expect(own).toHaveLength(cards.length + PANELS.length);
  // A document's link is asked for when it is opened, never on load.
  expect(calls.some((c) => c.endsWith('/link'))).toBe(false);
  await checkPage(page, 'home');

  // A recent ticket opens its page.
  const first = tickets.getByRole('link', { name: /^#\d+ / }).first();
  const href = await first.getAttribute('href');
  expect(href).toMatch(/^\/tickets\/[^/]+$/);
  await first.click();
  await expect(page).toHaveURL(new RegExp(`${href}$`));
});

test('company: main information, main contact, and the account managers’ details on hover and on focus', async ({ page }) => {
  await page.goto('/company');
  await expect(page.getByRole('heading', { level: 1, name: 'Company' })).toBeVisible();
  const main = page.getByRole('main');
  await expect(main.getByText('Acme Facilities Ltd', { exact: true })).toBeVisible();
  await expect(main.getByRole('region', { name: 'Main contact' })).toContainText('Alice Archer');

  const sam = main.getByRole('button', { name: 'Sam Seller', exact: true });
  const samEmail = main.getByRole('link', { name: 'sam.seller@portal.example.com' });
  await expect(sam).toHaveAttribute('aria-expanded', 'false');
  await expect(samEmail).toBeHidden();
  await sam.hover();
  await expect(samEmail).toBeVisible();
  await expect(samEmail).toHaveAttribute('href', 'mailto:sam.seller@portal.example.com');
  // The sales rep's own mobile, as it is on file.
  await expect(main.getByRole('link', { name: '+44 7700 900900' })).toBeVisible();
  await checkPage(page, 'company-manager-open');
  await page.mouse.move(0, 0);
  await expect(samEmail).toBeHidden();

  // By keyboard alone: focus reveals, Tab reaches the email link inside, Escape hides.
  const rita = main.getByRole('button', { name: 'Rita Relations', exact: true });
  await rita.focus();
  await expect(rita).toHaveAttribute('aria-expanded', 'true');
  const ritaEmail = main.getByRole('link', { name: 'rita.relations@portal.example.com' });
  await expect(ritaEmail).toBeVisible();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(ritaEmail).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(ritaEmail).toBeHidden();
  await checkPage(page, 'company');
});

test('contacts: the list, and a colleague added with a unique email is listed', async ({ page }) => {
  await page.goto('/contacts');
  await expect(page.getByRole('heading', { level: 1, name: 'Contacts' })).toBeVisible();
  const table = page.getByRole('table', { name: 'Contacts of your company' });
  await expect(table.getByRole('rowheader', { name: 'Alice Archer' })).toBeVisible();
  await checkPage(page, 'contacts');

  const unique = Date.now().toString(36);
  const last = `Colleague${unique}`;
  await page.getByLabel('First name').fill('Cleo');
  await page.getByLabel('Last name').fill(last);
  await page.getByLabel('Title', { exact: true }).fill('Office Manager');
  await page.getByLabel('Email').fill(`cleo.${unique}@acme.example`);
  await page.getByLabel('Phone', { exact: true }).fill('+44 20 7946 0155');
  await page.getByRole('button', { name: 'Add a colleague' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Cleo ${last} has been added.` })).toBeVisible();
  await expect(page.getByLabel('Last name')).toHaveValue('');

  // The refreshed list has them, on whichever page their name sorts to.
  const row = page.getByRole('rowheader', { name: `Cleo ${last}` });
  for (let i = 0; i < 20 && !(await row.isVisible()); i += 1) {
    const next = page.getByRole('button', { name: 'Next page' });
    if (!(await next.isVisible()) || (await next.isDisabled())) break;
    await next.click();
    await expect(page.locator('main .loading')).toHaveCount(0);
  }
  await expect(row).toBeVisible();
  await expect(page.getByRole('row', { name: new RegExp(`Cleo ${last}`) })).toContainText('Office Manager');
});

test('contacts: the API’s validation shows at the field', async ({ page }) => {
  await page.goto('/contacts');
  await page.getByLabel('First name').fill('Bad');
  await page.getByLabel('Last name').fill('Email');
  await page.getByLabel('Email').fill('not-an-email');
  await page.getByRole('button', { name: 'Add a colleague' }).click();
  await expect(page.getByRole('alert')).toContainText('Some fields need attention.');
  await expect(page.getByLabel('Email')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('Email')).toHaveValue('not-an-email');
  await checkPage(page, 'contacts-invalid');
});

test('account: alice’s own details and the change-password form', async ({ page }) => {
  await page.goto('/account');
  await expect(page.getByRole('heading', { level: 1, name: 'Your account' })).toBeVisible();
  const details = page.getByRole('region', { name: 'Your details' });
  await expect(details).toContainText('Alice Archer');
  await expect(details).toContainText('alice.acme');
  await expect(details).toContainText('alice@acme.example');
  await expect(page.getByLabel('Current password')).toBeVisible();
  await expect(page.getByLabel('New password', { exact: true })).toBeVisible();
  await expect(page.getByLabel('Repeat the new password')).toBeVisible();
  await expect(page.getByLabel('Authenticator code')).toBeVisible();
  // The client-side check: nothing is sent while the two new passwords differ.
  await page.getByLabel('Current password').fill('Demo-Portal-2026');
  await page.getByLabel('New password', { exact: true }).fill('Another-Password-1');
  await page.getByLabel('Repeat the new password').fill('Another-Password-2');
  await page.getByLabel('Authenticator code').fill('123456');
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByText('The two passwords are not the same.')).toBeVisible();
  await checkPage(page, 'account');
});

test('at 360 px wide: home, company, contacts and account stay usable', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 780 });
  for (const [path, heading, name] of [
    ['/', 'Welcome, Alice', 'home-360'],
    ['/company', 'Company', 'company-360'],
    ['/contacts', 'Contacts', 'contacts-360'],
    ['/account', 'Your account', 'account-360'],
  ] as const) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
    await expect(page.locator('main .loading')).toHaveCount(0);
    // Nothing wider than the screen but tables, which scroll inside their frame.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `${path} scrolls sideways`).toBeLessThanOrEqual(0);
    await checkPage(page, name);
  }
  await page.goto('/company');
  await page.getByRole('button', { name: 'Sam Seller', exact: true }).click();
  await expect(page.getByRole('link', { name: 'sam.seller@portal.example.com' })).toBeInViewport();
  await checkPage(page, 'company-360-manager-open');
});
