// Each company sees its own records only: Dan (Globex) walks every page and meets nothing of Acme's, and
// alice meets nothing of Globex's, whatever the page.
import { expect, test, type Page } from '@playwright/test';
import { ALICE_STATE, checkPage, signIn } from './support';

/** Words only Acme's demo data carries, and only Globex's. */
const ACME = ['Acme', 'Riverside Offices', 'Air conditioning not cooling', 'Service agreement 2026', 'J-24031', 'Planned maintenance at Acme House', 'Equipment inspection report'];
const GLOBEX = ['Globex', 'Printer fleet service visit', 'Globex support contract', 'G-1107', 'new out-of-hours support number'];

const PAGES = ['/', '/company', '/contacts', '/tickets', '/tickets?status=closed', '/jobs', '/workflows', '/data-sheets', '/documents', '/sites'];

async function visitAll(page: Page, mustNotSee: string[]) {
  for (const path of PAGES) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.locator('main [role=status] .spinner')).toHaveCount(0);
    // Expand every folder so nothing is hidden from the check.
    const showAll = page.getByRole('button', { name: 'Show all' });
    if (await showAll.count()) await showAll.click();
    const text = await page.locator('body').innerText();
    for (const word of mustNotSee) expect(text, `${path} shows "${word}"`).not.toContain(word);
  }
  await page.getByRole('button', { name: /^Announcements/ }).click();
  const announcements = await page.locator('body').innerText();
  for (const word of mustNotSee) expect(announcements, `announcements show "${word}"`).not.toContain(word);
}

test('Dan never sees anything of Acme\'s, on any page', async ({ page }) => {
  await signIn(page, 'dan.globex');
  await expect(page.getByText('Globex IT Services').first()).toBeVisible();
  await visitAll(page, ACME);
  await page.goto('/documents');
  await page.getByRole('button', { name: 'Show all' }).click();
  await expect(page.getByRole('button', { name: /Globex support contract/ })).toBeVisible();
  await checkPage(page, 'dan-documents');
});

test.describe('alice', () => {
  test.use({ storageState: ALICE_STATE });

  test('alice never sees anything of Globex\'s, on any page', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByText('Acme Facilities Ltd').first()).toBeVisible();
    await visitAll(page, GLOBEX);
  });
});
