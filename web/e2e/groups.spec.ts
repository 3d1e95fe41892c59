// Client groups: alice's Acme Group holds her own Acme Facilities Ltd and Acme Northern Ltd. The shell's
// switcher opens the whole-group page and each company's portal; in Acme Northern's she sees its
// properties only and its menu (no ticket dashboard there), may not start a data sheet, and back in her
// own, Acme's. The whole-group page maps and lists every company's properties, each opening in its
// company's portal. Dan (Globex) has no group and so no switcher.
import { expect, test, type Page } from '@playwright/test';
import { ALICE_STATE, checkPage, signIn } from './support';

const switcher = (page: Page) => page.getByRole('button', { name: /^Switch portal/ });

async function choose(page: Page, item: string) {
  await switcher(page).click();
  await page.getByRole('list', { name: 'Portals of your group' }).getByRole('button', { name: item, exact: true }).click();
}

test.describe('alice', () => {
  test.use({ storageState: ALICE_STATE });

  test('the whole group, Acme Northern’s portal and back to her own company', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1, name: 'Welcome, Alice' })).toBeVisible();
    await expect(switcher(page)).toHaveText('Portal: Acme Facilities Ltd');
    await expect(page.getByRole('region', { name: 'Portal in view' })).toHaveCount(0);
    // Acme has the ticket dashboard on; Acme Northern (the default modules) does not.
    const nav = page.getByRole('navigation', { name: 'Main' });
    await expect(nav.getByRole('link', { name: 'Dashboard', exact: true })).toBeVisible();

    // The whole group: both companies, each with its counts; Acme Northern has a critical defect open.
    await choose(page, 'Whole group (Acme Group)');
    await expect(page).toHaveURL(/\/group$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Whole group: Acme Group' })).toBeVisible();
    const table = page.getByRole('table', { name: 'Companies of Acme Group' });
    await expect(table.getByRole('rowheader', { name: /Acme Facilities Ltd/ })).toContainText('Your company');
    const northern = table.getByRole('row', { name: /Acme Northern Ltd/ });
    await expect(northern).toBeVisible();
    const cells = northern.getByRole('cell');
    await expect(cells.nth(0)).toHaveText(/^[1-9]\d*$/);
    await expect(cells.nth(1)).toHaveText(/^\d+$/);
    await expect(cells.nth(2)).toHaveText(/^\d+$/);
    await checkPage(page, 'group');

    // Into Acme Northern's portal: the banner says so, and its properties are listed, not Acme's.
    await northern.getByRole('button', { name: 'View Acme Northern Ltd’s portal' }).click();
    await expect(page).toHaveURL(/\/$/);
    const banner = page.getByRole('region', { name: 'Portal in view' });
    await expect(banner).toContainText('Viewing Acme Northern Ltd — part of Acme Group');
    await expect(banner.getByRole('button', { name: 'Back to Acme Facilities Ltd' })).toBeVisible();
    await expect(switcher(page)).toHaveText('Portal: Acme Northern Ltd');
    // Raising tickets and uploading belong to a company's own portal.
    await expect(page.getByRole('main').getByText('Your customer portal for Acme Northern Ltd.')).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Shortcuts' }).getByRole('link', { name: 'New ticket' })).toHaveCount(0);
    // The menu offers what Acme Northern's portal offers (/portal/me follows the view), and the home page's
    // properties panel lists its sites.
    await expect(nav.getByRole('link', { name: 'Data sheets', exact: true })).toBeVisible();
    await expect(nav.getByRole('link', { name: 'Dashboard', exact: true })).toHaveCount(0);
    const properties = page.getByRole('main').getByRole('region', { name: 'Properties', exact: true });
    await expect(properties.getByRole('link', { name: 'Leeds Office', exact: true })).toBeVisible();
    await expect(properties.getByRole('link', { name: 'Acme House', exact: true })).toHaveCount(0);
    await checkPage(page, 'group-viewing-northern');

    // Data sheets are started, saved and submitted in a company's own portal: here it says so instead.
    await nav.getByRole('link', { name: 'Data sheets', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Data sheets' })).toBeVisible();
    await expect(page.getByRole('main').getByText('You are viewing Acme Northern Ltd’s portal: this can only be done in a company’s own portal.')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Start', exact: true })).toHaveCount(0);
    await checkPage(page, 'group-northern-datasheets');

    // A reload keeps the view (it is kept for the tab).
    await page.goto('/sites');
    const main = page.getByRole('main');
    await expect(main.getByText('Leeds Office').first()).toBeVisible();
    await expect(main.getByText('Northern Depot').first()).toBeVisible();
    await expect(main.getByText('Acme House')).toHaveCount(0);
    await expect(banner).toContainText('Viewing Acme Northern Ltd');

    // Back to her own company: Acme's properties again, and no banner.
    await choose(page, 'Acme Facilities Ltd (your company)');
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByRole('region', { name: 'Portal in view' })).toHaveCount(0);
    await expect(nav.getByRole('link', { name: 'Dashboard', exact: true })).toBeVisible();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Properties', exact: true }).click();
    await expect(main.getByText('Acme House').first()).toBeVisible();
    await expect(main.getByText('Leeds Office')).toHaveCount(0);
    await expect(main.getByText('Northern Depot')).toHaveCount(0);
  });

  test('the whole group’s properties: every company’s pins on one map, and one table', async ({ page }) => {
    await page.goto('/group');
    await expect(page.getByRole('heading', { level: 1, name: 'Whole group: Acme Group' })).toBeVisible();
    // Each company's properties, named with their company, each a link into its company's portal.
    const table = page.getByRole('table', { name: 'Properties of Acme Group' });
    const leeds = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Leeds Office', exact: true }) });
    await expect(leeds.getByRole('cell').first()).toHaveText('Acme Northern Ltd');
    const house = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Acme House', exact: true }) });
    await expect(house.getByRole('cell').first()).toHaveText('Acme Facilities Ltd');
    await expect(table.getByRole('rowheader', { name: 'Northern Depot', exact: true })).toBeVisible();

    // The map: Acme's dozen London sites and Acme Northern's two, one pin each.
    const map = page.getByRole('region', { name: 'Map of the group’s properties' });
    const pins = map.locator('path[data-severity]');
    await expect.poll(() => pins.count()).toBeGreaterThanOrEqual(14);
    const leedsHref = await leeds.getByRole('link', { name: 'Leeds Office' }).getAttribute('href');
    const leedsId = leedsHref?.split('/').at(-1) ?? '';
    const houseId = (await house.getByRole('link', { name: 'Acme House' }).getAttribute('href'))?.split('/').at(-1) ?? '';
    await expect(map.locator(`path[data-site="${houseId}"]`)).toHaveCount(1);
    await checkPage(page, 'group-properties');

    // A pin's popup names its company; its link opens the site in that company's portal.
    await map.locator(`path[data-site="${leedsId}"]`).dispatchEvent('click');
    const popup = map.locator('.leaflet-popup');
    await expect(popup).toContainText('Acme Northern Ltd');
    await popup.getByRole('link', { name: 'Leeds Office' }).click();
    await expect(page).toHaveURL(new RegExp(`${leedsHref}$`));
    await expect(page.getByRole('heading', { level: 1, name: 'Leeds Office' })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Portal in view' })).toContainText('Viewing Acme Northern Ltd');
  });

  test('the banner’s button goes back to her own company', async ({ page }) => {
    await page.goto('/group');
    await page.getByRole('button', { name: 'View Acme Northern Ltd’s portal' }).click();
    const banner = page.getByRole('region', { name: 'Portal in view' });
    await banner.getByRole('button', { name: 'Back to Acme Facilities Ltd' }).click();
    await expect(banner).toHaveCount(0);
    await expect(switcher(page)).toHaveText('Portal: Acme Facilities Ltd');
    await expect(page.getByRole('main').getByText('Your customer portal for Acme Facilities Ltd.')).toBeVisible();
  });
});

test('Dan, without a group, has no switcher and no group page', async ({ page }) => {
  await signIn(page, 'dan.globex');
  await expect(page.getByText('Globex IT Services').first()).toBeVisible();
  await expect(switcher(page)).toHaveCount(0);
  await page.goto('/group');
  await expect(page.getByText('You do not belong to a client group.')).toBeVisible();
});
