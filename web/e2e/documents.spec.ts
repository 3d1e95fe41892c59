// Documents in a real browser, as alice: the folder tree collapsed then "Show all", a PDF opened in a
// new tab at its presigned link, the spreadsheet downloaded, an upload into Uploads with its progress
// bar, a refused type at the file field, and the upload shortcut focusing the file field.
import { expect, test } from '@playwright/test';
import { ALICE_STATE, BASE_URL, checkPage, EMULATOR } from './support';

const AGREEMENT = 'Service agreement 2026.pdf';
const LOG = 'Maintenance log.csv';
const CERTIFICATE = 'Fire safety certificate.png';

test.describe('as alice', () => {
  test.use({ storageState: ALICE_STATE });

  test('the tree starts collapsed; "Show all" opens every folder, "Collapse all" closes them', async ({ page }) => {
    await page.goto('/documents');
    await expect(page.getByRole('heading', { level: 1, name: 'Documents' })).toBeVisible();
    const tree = page.getByRole('list', { name: 'Folders and documents' });
    await expect(tree.getByRole('button', { name: 'Contracts', exact: true })).toHaveAttribute('aria-expanded', 'false');
    await expect(tree.getByRole('button', { name: 'Reports', exact: true })).toHaveAttribute('aria-expanded', 'false');
    await expect(tree.getByRole('button', { name: AGREEMENT })).toBeHidden();
    await checkPage(page, 'documents-collapsed');

    // One folder by keyboard.
    await tree.getByRole('button', { name: 'Certificates', exact: true }).focus();
    await page.keyboard.press('Enter');
    await expect(tree.getByRole('button', { name: CERTIFICATE })).toBeVisible();
    await page.keyboard.press('Space');
    await expect(tree.getByRole('button', { name: CERTIFICATE })).toBeHidden();

    await page.getByRole('button', { name: 'Show all' }).click();
    for (const name of ['Contracts', '2026', 'Reports', 'Monthly', 'Certificates']) {
      await expect(tree.getByRole('button', { name, exact: true })).toHaveAttribute('aria-expanded', 'true');
    }
    for (const name of [AGREEMENT, LOG, CERTIFICATE]) await expect(tree.getByRole('button', { name })).toBeVisible();
    await expect(tree.getByRole('button', { name: AGREEMENT })).toHaveAccessibleDescription(/PDF/);
    // Only what staff shared, and only Acme's.
    await expect(page.getByText('Draft price list 2027.pdf')).toHaveCount(0);
    await expect(page.getByText('Globex support contract.pdf')).toHaveCount(0);
    await checkPage(page, 'documents-all');
    await page.setViewportSize({ width: 360, height: 800 });
    await checkPage(page, 'documents-narrow');
    await page.setViewportSize({ width: 1280, height: 720 });

    await page.getByRole('button', { name: 'Collapse all' }).click();
    await expect(tree.getByRole('button', { name: 'Contracts', exact: true })).toHaveAttribute('aria-expanded', 'false');
    await expect(tree.getByRole('button', { name: AGREEMENT })).toBeHidden();
  });

  test('a PDF opens in a new tab at its presigned link; the spreadsheet downloads', async ({ page, context }) => {
    await page.goto('/documents');
    await page.getByRole('button', { name: 'Show all' }).click();

    const opening = context.waitForEvent('page');
    await page.getByRole('button', { name: AGREEMENT }).click();
    const tab = await opening;
    await expect.poll(() => tab.url()).toMatch(new RegExp(`^${EMULATOR.replace(/[.]/g, '\\.')}/.+X-Amz-Signature=`));
    await expect(page.getByText(`${AGREEMENT} opened in a new tab.`)).toBeAttached();
    await tab.close();

    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: LOG }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe(LOG);
    expect(download.url()).toContain('X-Amz-Signature=');
    await expect(page.getByText(`${LOG} is downloading.`)).toBeAttached();
    await checkPage(page, 'documents-opened');
  });

  test('an upload into Uploads with a progress bar, listed when done', async ({ page }) => {
    const requests: string[] = [];
    page.on('request', (r) => requests.push(`${r.method()} ${r.url()}`));
    const name = `Meter readings ${Date.now().toString(36)}.txt`;
    await page.goto('/documents');
    await page.getByLabel('Choose a file').setInputFiles({ name, mimeType: 'text/plain', buffer: Buffer.from('Meter 1: 20412 kWh\nMeter 2: 8812 kWh\n') });
    await page.getByRole('button', { name: 'Upload', exact: true }).click();
    const bar = page.getByRole('progressbar', { name: 'Upload progress' });
    await expect(bar).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: `${name} was uploaded into Uploads.` })).toBeVisible();
    await expect(bar).toHaveAttribute('aria-valuenow', '100');
    // The bytes went straight to storage.
    expect(requests.some((r) => r.startsWith(`PUT ${EMULATOR}/`))).toBe(true);
    const tree = page.getByRole('list', { name: 'Folders and documents' });
    await expect(tree.getByRole('button', { name: 'Uploads', exact: true })).toHaveAttribute('aria-expanded', 'true');
    await expect(tree.getByRole('button', { name })).toBeVisible();
    await expect(tree.getByRole('button', { name })).toHaveAccessibleDescription(/Text/);
    await checkPage(page, 'documents-uploaded');

    // Still there after a reload, and it opens.
    await page.reload();
    await page.getByRole('button', { name: 'Show all' }).click();
    await expect(page.getByRole('button', { name })).toBeVisible();
  });

  test('a type documents may not have is refused at the file field', async ({ page }) => {
    await page.goto('/documents');
    const input = page.getByLabel('Choose a file');
    await input.setInputFiles({ name: 'setup.exe', mimeType: 'application/x-msdownload', buffer: Buffer.from('MZ') });
    await page.getByRole('button', { name: 'Upload', exact: true }).click();
    await expect(input).toHaveAccessibleDescription(/is not a type documents may have/);
    await expect(input).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByRole('alert')).toContainText('Choose a file: is not a type documents may have');
    await checkPage(page, 'documents-refused');
  });

  test('the upload shortcut focuses the file field', async ({ page }) => {
    await page.goto(`${BASE_URL}/documents?upload=1`);
    await expect(page.getByLabel('Choose a file')).toBeFocused();
  });
});
