// The monthly activity report in a real browser, as alice of Acme: opened from the menu for the current
// month, with its sections, chart and per-property table; another month picked, kept in the address; the
// PDF opened at its five-minute link and the CSV downloaded; a future month refused at the picker.
import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { ALICE_STATE, checkPage } from './support';

// Reduced motion: the chart is drawn at once, so the screenshot shows its final bars.
test.use({ storageState: ALICE_STATE, reducedMotion: 'reduce' });

const picker = (page: Page) => page.getByRole('main').getByLabel('Month', { exact: true });

/** `YYYY-MM` moved back one month. */
function previousMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

const monthWords = (month: string) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Intl.DateTimeFormat('en-US', { month: 'long', year: 'numeric' }).format(new Date(y, m - 1, 1));
};

test('reports: the current month from the menu, another month by the picker, the PDF and the CSV', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Reports' }).click();
  await expect(page).toHaveURL(/\/reports$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Activity report' })).toBeVisible();

  // The current month (the API's default): the company, the month in words and how it is counted.
  const main = page.getByRole('main');
  await expect(main.getByText(/^Acme Facilities Ltd · [A-Z][a-z]+ \d{4}$/)).toBeVisible();
  await expect(main.getByText(/^Months in \S+, figures as of /)).toBeVisible();
  const current = await picker(page).inputValue();
  expect(current).toMatch(/^\d{4}-\d{2}$/);
  await expect(main.getByText(`Acme Facilities Ltd · ${monthWords(current)}`)).toBeVisible();

  // Tickets and invoices, each a card with a table of figures; the six months as a chart and a table.
  const tickets = main.getByRole('region', { name: 'Tickets', exact: true });
  await expect(tickets.getByRole('rowheader', { name: 'Opened' })).toBeVisible();
  await expect(main.getByRole('region', { name: 'Invoices', exact: true }).getByRole('rowheader', { name: 'Issued' })).toBeVisible();
  const trend = main.getByRole('region', { name: 'Six months', exact: true });
  await expect(trend.getByRole('img', { name: /^Bar chart of activity per month/ })).toBeVisible();
  await expect(trend.getByRole('table', { name: /^Activity per month/ }).locator('tbody tr')).toHaveCount(6);
  // Per property: a table of the properties with activity, or that none had any; and how many were quiet.
  const perProperty = main.getByRole('region', { name: 'Per property', exact: true });
  await expect(perProperty.getByRole('table').or(perProperty.getByText('No property had any activity this month.'))).toBeVisible();
  await checkPage(page, 'reports');

  // Another month, picked: into the address, and the report follows.
  const earlier = previousMonth(current);
  await picker(page).fill(earlier);
  await expect(page).toHaveURL(new RegExp(`/reports\\?month=${earlier}$`));
  await expect(main.getByText(`Acme Facilities Ltd · ${monthWords(earlier)}`)).toBeVisible();
  await expect(main.getByRole('region', { name: 'Tickets', exact: true }).getByRole('table')).toBeVisible();
  await expect(picker(page)).toHaveValue(earlier);

  // The PDF: its link asked for on click (200, a presigned URL), then opened in a new tab.
  const asked = page.waitForResponse((r) => new URL(r.url()).pathname === '/portal/reports/activity/pdf');
  const opened = page.waitForEvent('popup');
  await main.getByRole('button', { name: 'Open PDF' }).click();
  const answer = await asked;
  expect(answer.status()).toBe(200);
  expect(new URL(answer.url()).searchParams.get('month')).toBe(earlier);
  const link = (await answer.json()) as { url: string; expires_at: string; rendered: boolean };
  expect(link.url).toMatch(/^https?:\/\/.+X-Amz-Signature=/);
  const tab = await opened;
  await expect.poll(() => tab.url()).toMatch(/^https?:\/\//);
  await tab.close();
  // What the link serves is the PDF itself.
  const pdf = await page.request.get(link.url);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()['content-type']).toBe('application/pdf');
  expect((await pdf.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');

  // The CSV of the same month, downloaded.
  const downloading = page.waitForEvent('download');
  await main.getByRole('button', { name: 'Download CSV' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`activity-${earlier}.csv`);
  const csv = await readFile((await download.path()) ?? '', 'utf8');
  expect(csv.length).toBeGreaterThan(0);
  await expect(page.getByText(`Downloaded activity-${earlier}.csv.`)).toBeAttached();
  await checkPage(page, 'reports-earlier');
});

test('reports: a month still to come is refused at the picker', async ({ page }) => {
  await page.goto('/reports?month=2099-01');
  await expect(page.getByRole('heading', { level: 1, name: 'Activity report' })).toBeVisible();
  await expect(picker(page)).toHaveAttribute('aria-invalid', 'true');
  await expect(picker(page)).toHaveAccessibleDescription(/future/);
  await expect(page.getByRole('main').getByRole('button', { name: 'Open PDF' })).toHaveCount(0);
  await checkPage(page, 'reports-future');
});

test('reports: the routine activity report from the Reports page, another range by its From month, the CSV', async ({ page }) => {
  await page.goto('/reports');
  const main = page.getByRole('main');
  await main.getByRole('link', { name: 'Routine activity report' }).click();
  await expect(page).toHaveURL(/\/reports\/routine$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Routine activity report' })).toBeVisible();

  // The twelve months to this one: a year of routine work on the demo's properties, a row per job.
  const from = main.getByLabel('From', { exact: true });
  const to = main.getByLabel('To', { exact: true });
  const last = await to.inputValue();
  expect(last).toMatch(/^\d{4}-\d{2}$/);
  const first = await from.inputValue();
  const table = main.getByRole('table', { name: /^Routine maintenance due/ });
  await expect(table).toBeVisible();
  expect(await table.locator('tbody tr').count()).toBeGreaterThan(0);
  await expect(table.locator('tbody tr').first().getByRole('link')).toHaveAttribute('href', /^\/sites\//);
  await checkPage(page, 'reports-routine');

  // A later first month: into the address, and the table follows.
  const later = previousMonth(last);
  await from.fill(later);
  await expect(page).toHaveURL(new RegExp(`/reports/routine\\?from=${later}&to=${last}$`));
  await expect(from).toHaveValue(later);
  await expect(table.or(main.getByText('No routine maintenance was due in this range.'))).toBeVisible();
  expect(first).not.toBe(later);

  // The CSV of the whole range, downloaded.
  const downloading = page.waitForEvent('download');
  await main.getByRole('button', { name: 'Download CSV' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`routine-${later}-to-${last}.csv`);
  const csv = await readFile((await download.path()) ?? '', 'utf8');
  expect(csv.length).toBeGreaterThan(0);
  await expect(page.getByText(`Downloaded routine-${later}-to-${last}.csv.`)).toBeAttached();
  await checkPage(page, 'reports-routine-later');
});

test('reports: the whole group’s activity report from the group page', async ({ page }) => {
  await page.goto('/group');
  const main = page.getByRole('main');
  await expect(page.getByRole('heading', { level: 1, name: /Acme Group/ })).toBeVisible();
  const asked = page.waitForResponse((r) => new URL(r.url()).pathname === '/portal/reports/activity');
  await main.getByRole('link', { name: 'Group activity report' }).click();
  await expect(page).toHaveURL(/\/reports\?group=1$/);
  const answer = await asked;
  expect(new URL(answer.url()).searchParams.get('group')).toBe('true');
  expect(answer.request().headers()['x-portal-customer']).toBeUndefined();
  expect(answer.status()).toBe(200);
  await expect(page.getByRole('heading', { level: 1, name: 'Group activity report' })).toBeVisible();
  await expect(main.getByText(/\(group\) · [A-Z][a-z]+ \d{4}$/)).toBeVisible();
  await expect(main.getByText(/The whole group’s report/)).toBeVisible();
  await checkPage(page, 'reports-group');
});
