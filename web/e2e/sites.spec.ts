// Properties in a real browser: the list of Acme's twelve sites, the map's pins coloured by their worst
// open defect (drawn without tiles: no map server here), the defects panel (on home), a site with its assets and
// published defects only, editing an asset field staff opened; and Dan of Globex sees his two sites only.
import { expect, test, type Page } from '@playwright/test';
import { ACME_ID, ALICE_STATE, checkPage, signIn, staff } from './support';

/** Acme's one unpublished critical defect (at Stratford Training Centre): never shown to a contact. */
const UNPUBLISHED = ['Fire door glazing cracked', 'Emergency light relabelled after rewiring', 'Exit light test switch broken'];
const stamp = Date.now().toString(36);

const sitesTable = (page: Page) => page.getByRole('table', { name: 'Properties, by name' });
const map = (page: Page) => page.getByRole('region', { name: 'Map of your properties' });
const pins = (page: Page) => map(page).locator('path[data-severity]');

async function expectNothingUnpublished(page: Page) {
  const text = await page.locator('body').innerText();
  for (const words of UNPUBLISHED) expect(text, `shows "${words}"`).not.toContain(words);
}

test.describe('as alice', () => {
  // Reduced motion: the chart is drawn at once, so the screenshot shows its final bars.
  test.use({ storageState: ALICE_STATE, reducedMotion: 'reduce' });

  test('properties: the twelve sites, the map with a pin each, the defects panel', async ({ page }) => {
    await page.goto('/');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Properties' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Properties' })).toBeVisible();

    const rows = sitesTable(page).locator('tbody tr');
    await expect(rows).toHaveCount(12);
    await expect(sitesTable(page).getByRole('link', { name: 'Acme House', exact: true })).toHaveAttribute('href', /^\/sites\/[0-9A-Z]+$/);
    const acmeHouse = rows.filter({ has: page.getByRole('link', { name: 'Acme House' }) });
    await expect(acmeHouse).toContainText('1 Example Street');
    await expect(acmeHouse).toContainText('Critical');

    // A pin per site, coloured by its worst open defect, at least one of them critical.
    await expect(pins(page)).toHaveCount(12);
    expect(await map(page).locator('path[data-severity="critical"]').count()).toBeGreaterThanOrEqual(1);
    await expect(map(page).locator('path[data-severity="critical"]').first()).toHaveAttribute('fill', '#b42318');
    // The legend says what each colour means, in words.
    await expect(page.getByRole('list', { name: 'Key to the pins' }).getByRole('listitem')).toHaveText([
      'Critical',
      'Non-critical',
      'Non-conformance',
      'Recommendation',
      'Information',
      'No open defects',
    ]);
    // The analytics panels are on the home page now, not here.
    await expect(page.getByRole('region', { name: 'Defects', exact: true })).toHaveCount(0);

    await expectNothingUnpublished(page);
    await checkPage(page, 'properties');

    // A pin's popup names the site, says its worst defect in words and links to its page.
    const pin = map(page).locator('path[data-severity="critical"]').first();
    const siteId = await pin.getAttribute('data-site');
    // Dispatched rather than clicked: at this zoom London's pins overlap, and the click must reach this one.
    await pin.dispatchEvent('click');
    const popup = map(page).locator('.leaflet-popup');
    await expect(popup).toContainText('Worst open defect: Critical');
    await expect(popup.getByRole('link')).toHaveAttribute('href', `/sites/${siteId}`);
    await popup.getByRole('button', { name: /close/i }).click();
    await expect(popup).toHaveCount(0);
    // Its link opens the site's page inside the app.
    await pin.dispatchEvent('click');
    const name = (await popup.getByRole('link').textContent()) ?? '';
    await popup.getByRole('link').click();
    await expect(page).toHaveURL(new RegExp(`/sites/${siteId}$`));
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();

    // The defects panel, on the home page: the tally, the year's chart with its table, the assets by type.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Home', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Welcome, Alice' })).toBeVisible();
    const panel = page.getByRole('region', { name: 'Defects', exact: true });
    await expect(panel.getByRole('list', { name: 'Open defects by severity' })).toContainText('Critical');
    await expect(panel.getByRole('table', { name: 'Defects raised in the last 12 months' }).locator('tbody tr')).toHaveCount(12);
    await expect(panel.getByRole('img', { name: /^Defects raised per month/ })).toBeVisible();
    await expect(panel.getByRole('table', { name: 'Assets by type and worst open defect' })).toContainText('Fire door');
    await expectNothingUnpublished(page);
    await checkPage(page, 'home-defects-panel');
  });

  test('a site: its details, assets and published defects; an editable asset saved', async ({ page }) => {
    await page.goto('/sites');
    await sitesTable(page).getByRole('link', { name: 'Acme House', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Acme House' })).toBeVisible();
    await expect(page.getByRole('main')).toContainText('1 Example Street');
    await expect(page.getByRole('main')).toContainText('Keys with the Acme House front desk.');

    const assets = page.getByRole('table', { name: 'Assets, by type and identifier' });
    await expect(assets.getByRole('rowheader')).toHaveText(['FAP-005', 'EML-003', 'EXL-002', 'EXT-001', 'FDR-004']);
    // Only the assets staff opened to contacts have an Edit button.
    await expect(assets.getByRole('button', { name: /^Edit / })).toHaveText(['Edit', 'Edit', 'Edit']);
    for (const id of ['FAP-005', 'EML-003', 'EXT-001']) await expect(assets.getByRole('button', { name: `Edit ${id}` })).toBeVisible();
    for (const id of ['EXL-002', 'FDR-004']) await expect(assets.getByRole('button', { name: `Edit ${id}` })).toHaveCount(0);
    await expect(assets.locator('tr', { hasText: 'EXT-001' })).toContainText('Critical');

    const defects = page.getByRole('table', { name: 'Open defects, newest first' });
    await expect(defects).toContainText('Extinguisher discharged and not replaced');
    await expect(defects).toContainText('Exit sign lamp flickering');
    await expect(defects).toContainText('Fire evacuation plan out of date');
    await expectNothingUnpublished(page);
    // The file staff filed under the site, opened as any shared document is.
    const files = page.getByRole('region', { name: 'Files' });
    await expect(files.getByRole('button', { name: 'Fire risk assessment.pdf' })).toBeVisible();
    const opened = page.waitForEvent('popup');
    await files.getByRole('button', { name: 'Fire risk assessment.pdf' }).click();
    expect((await opened).url()).toContain('/documents/');
    await checkPage(page, 'site-acme-house');

    await page.getByRole('radio', { name: 'Resolved' }).check();
    await expect(page.getByText('No defects at this property have been resolved yet.')).toBeVisible();
    await page.getByRole('radio', { name: 'Open' }).check();
    await expect(page.getByRole('table', { name: 'Open defects, newest first' })).toBeVisible();

    // Edit the location of EXT-001, then put it back.
    const row = assets.locator('tr', { hasText: 'EXT-001' });
    const original = 'Ground floor lobby';
    const moved = `Rear lobby ${stamp}`;
    await assets.getByRole('button', { name: 'Edit EXT-001' }).click();
    const form = page.getByRole('region', { name: 'Edit EXT-001' });
    await expect(form.getByRole('textbox', { name: 'Location' })).toBeFocused();
    await expect(form.getByRole('textbox', { name: 'Identifier' })).toHaveCount(0);
    await form.getByRole('textbox', { name: 'Location' }).fill(moved);
    await form.getByRole('button', { name: 'Save changes' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'EXT-001 was saved.' })).toBeVisible();
    await expect(row).toContainText(moved);
    await expect(assets.getByRole('button', { name: 'Edit EXT-001' })).toBeFocused();
    await page.reload();
    await expect(page.getByRole('table', { name: 'Assets, by type and identifier' }).locator('tr', { hasText: 'EXT-001' })).toContainText(moved);

    await page.getByRole('button', { name: 'Edit EXT-001' }).click();
    await page.getByRole('textbox', { name: 'Location' }).fill(original);
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'EXT-001 was saved.' })).toBeVisible();
    await expect(page.getByRole('table', { name: 'Assets, by type and identifier' }).locator('tr', { hasText: 'EXT-001' })).toContainText(original);
  });

  test('the site with the unpublished defect shows none of it, open or resolved', async ({ page }) => {
    await page.goto('/sites');
    await sitesTable(page).getByRole('link', { name: 'Stratford Training Centre', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Stratford Training Centre' })).toBeVisible();
    await expect(page.getByText('There are no open defects at this property.')).toBeVisible();
    await expectNothingUnpublished(page);
    await page.getByRole('radio', { name: 'Resolved' }).check();
    await expect(page.getByText('No defects at this property have been resolved yet.')).toBeVisible();
    await expectNothingUnpublished(page);
  });
});

test.describe('as dan of Globex', () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test('sees his two sites only, and Acme’s as not found', async ({ page }) => {
    const acme = (await staff('GET', `/admin/customers/${ACME_ID}/sites?limit=100`)) as { items: { id: string; name: string }[] };
    const acmeHouse = acme.items.find((s) => s.name === 'Acme House');
    expect(acmeHouse).toBeDefined();

    await signIn(page, 'dan.globex');
    await page.goto('/sites');
    await expect(page.getByRole('heading', { level: 1, name: 'Properties' })).toBeVisible();
    await expect(sitesTable(page).getByRole('rowheader')).toHaveText(['Globex Data Centre', 'Globex Tower']);
    await expect(pins(page)).toHaveCount(2);
    expect(await page.locator('body').innerText()).not.toContain('Acme');

    await page.goto(`/sites/${acmeHouse!.id}`);
    await expect(page.getByRole('heading', { level: 1, name: 'Property not found' })).toBeVisible();
    await expect(page.getByText('Acme House')).toHaveCount(0);
  });
});
