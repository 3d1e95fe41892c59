// Field service in a real browser, as alice of Acme: the routine activities and service calls panels on
// the home page (the year switched), a month's routine work opened from its panel with outcome badges,
// a month's service calls in one stage opened from theirs, a property's jobs and a job's field side; axe on
// each. The demo seed gives Acme routine work due every month of the last 12 on four sites (one missed two
// months ago, this month's mostly pending) and two or three service calls a month (this month's on hold and
// ready).
import { expect, test, type Page } from '@playwright/test';
import { ALICE_STATE, checkPage } from './support';

/** `YYYY-MM` of the month `back` months before this one. */
function monthBack(back: number): string {
  const now = new Date();
  const d = new Date(now.getFullYear(), now.getMonth() - back, 1);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
}

const thisYear = new Date().getFullYear();
const routinePanel = (page: Page) => page.getByRole('region', { name: 'Routine activities' });
const callsPanel = (page: Page) => page.getByRole('region', { name: 'Service calls' });
const routineTable = (page: Page, year: number) => routinePanel(page).getByRole('table', { name: `Routine work due each month of ${year}, by outcome` });

test.describe('as alice', () => {
  // Reduced motion: the charts are drawn at once, so the screenshots show their final bars.
  test.use({ storageState: ALICE_STATE, reducedMotion: 'reduce' });

  test('the home page: both panels, the routine year switched, a month’s routine work opened', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1, name: 'Welcome, Alice' })).toBeVisible();

    // Routine activities: this year's twelve months, a chart and its table.
    await expect(routinePanel(page).getByText(`Showing ${thisYear}`)).toBeVisible();
    await expect(routineTable(page, thisYear).locator('tbody tr')).toHaveCount(12);
    await expect(routinePanel(page).getByRole('img', { name: new RegExp(`^Routine work due each month of ${thisYear}`) })).toBeVisible();
    // Service calls: the last twelve months by stage, this month's on hold among them.
    const calls = callsPanel(page).getByRole('table', { name: 'Service calls logged in the last 12 months, by stage' });
    await expect(calls.locator('tbody tr')).toHaveCount(12);
    await expect(callsPanel(page).getByRole('img', { name: /^Service calls logged per month/ })).toBeVisible();
    await expect(calls.locator(`a[href="/service-calls?month=${monthBack(0)}&stage=on_hold"]`)).toBeVisible();
    await checkPage(page, 'home-field-panels');

    // The year switched back and forth; the address keeps it.
    await routinePanel(page).getByRole('button', { name: `Previous year (${thisYear - 1})` }).click();
    await expect(routinePanel(page).getByText(`Showing ${thisYear - 1}`)).toBeVisible();
    await expect(page).toHaveURL(new RegExp(`routine_year=${thisYear - 1}`));
    await expect(routineTable(page, thisYear - 1).or(routinePanel(page).getByText(`No routine work is due in ${thisYear - 1}.`))).toBeVisible();
    await routinePanel(page).getByRole('button', { name: `Next year (${thisYear})` }).click();
    await expect(routineTable(page, thisYear)).toBeVisible();
    await expect(page).toHaveURL(/\/$/);

    // Two months ago (this year's panel or last year's), one job missed: its list from the panel's table.
    const month = monthBack(2);
    const year = Number(month.slice(0, 4));
    if (year !== thisYear) await routinePanel(page).getByRole('button', { name: `Previous year (${year})` }).click();
    await routineTable(page, year).locator(`a[href="/routine?month=${month}"]`).click();
    await expect(page).toHaveURL(new RegExp(`/routine\\?month=${month}$`));
    await expect(page.getByRole('heading', { level: 1, name: /^Routine work due in / })).toBeVisible();
    const list = page.getByRole('table', { name: 'Routine work, by property' });
    await expect(list.locator('tbody tr')).toHaveCount(4);
    // Each job with its property (linked), outcome in words, and the day done or "Not yet".
    await expect(list.locator('tbody [data-outcome]')).toHaveCount(4);
    await expect(list.locator('[data-outcome="missed"]')).toHaveText(['Missed']);
    await expect(list.locator('[data-outcome="on_time"]').first()).toHaveText('On time');
    for (const site of ['Acme House', 'Riverside Offices', 'Camden Depot', 'Stratford Training Centre']) {
      await expect(list.getByRole('link', { name: site, exact: true })).toHaveAttribute('href', /^\/sites\/[0-9A-Z]+$/);
    }
    await expect(list.locator('tbody tr').filter({ has: page.locator('[data-outcome="missed"]') })).toContainText('Not yet');
    await checkPage(page, 'routine-month');

    // The month before, by the page's own link.
    await page.getByRole('navigation', { name: 'Other months' }).getByRole('link', { name: /^Previous month/ }).click();
    await expect(page).toHaveURL(new RegExp(`/routine\\?month=${monthBack(3)}$`));
    await expect(list.locator('tbody [data-outcome]')).toHaveCount(4);
  });

  test('this month’s service calls on hold, opened from the panel; then every stage of the month', async ({ page }) => {
    await page.goto('/');
    const month = monthBack(0);
    await callsPanel(page).locator(`a[href="/service-calls?month=${month}&stage=on_hold"]`).click();
    await expect(page).toHaveURL(new RegExp(`/service-calls\\?month=${month}&stage=on_hold$`));
    await expect(page.getByRole('heading', { level: 1, name: /^Service calls logged in .+: on hold$/ })).toBeVisible();
    const list = page.getByRole('table', { name: 'Service calls, newest first' });
    await expect(list.locator('tbody tr').first()).toBeVisible();
    await expect(list.locator('tbody [data-stage]')).toHaveText(Array((await list.locator('tbody tr').count())).fill('On hold'));
    await expect(page.getByRole('radio', { name: 'On hold' })).toBeChecked();
    await checkPage(page, 'service-calls-on-hold');

    // The list works from its address alone: reloaded, the same; all stages of the month include the ready one.
    await page.reload();
    await expect(list.locator('tbody [data-stage="on_hold"]').first()).toBeVisible();
    // The filter follows the address, which changes a moment after the click: click, then wait for both.
    const allStages = page.getByRole('radio', { name: 'All stages' });
    await allStages.click();
    await expect(page).toHaveURL(new RegExp(`/service-calls\\?month=${month}$`));
    await expect(allStages).toBeChecked();
    await expect(list.locator('tbody [data-stage="ready"]').first()).toBeVisible();
    await expect(list.locator('tbody [data-stage="on_hold"]').first()).toBeVisible();
  });

  test('a property’s jobs, and a job’s field side', async ({ page }) => {
    await page.goto('/sites');
    await page.getByRole('table', { name: 'Properties, by name' }).getByRole('link', { name: 'Acme House', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Acme House' })).toBeVisible();
    const jobs = page.getByRole('region', { name: 'Jobs' });
    const table = jobs.getByRole('table', { name: 'Jobs at this property, newest first' });
    await expect(table.locator('tbody tr').first()).toBeVisible();
    await expect(table).toContainText('Routine');
    await expect(table.getByRole('link', { name: /^R-\d{4}-1$/ }).first()).toBeVisible();
    await expect(table.locator('tbody [data-stage]').first()).toBeVisible();
    await expect(table.locator('tbody [data-outcome]').first()).toBeVisible();
    await checkPage(page, 'site-acme-house-jobs');

    // A routine job's page shows its field side, the property linked back.
    const reference = (await table.getByRole('link', { name: /^R-\d{4}-1$/ }).first().textContent()) ?? '';
    await table.getByRole('link', { name: reference, exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: `Job ${reference}` })).toBeVisible();
    const field = page.getByRole('region', { name: 'Field service' });
    await expect(field.getByRole('link', { name: 'Acme House' })).toHaveAttribute('href', /^\/sites\/[0-9A-Z]+$/);
    await expect(field).toContainText('Routine');
    await expect(field).toContainText('14 days after the month ends');
    await expect(field.locator('[data-outcome]')).toBeVisible();
    await checkPage(page, 'job-field-side');
  });
});
