// Files on a ticket in a real browser: the demo contact raises a ticket, attaches a small text file (sent
// straight to storage with a progress bar), sees it listed with who attached it, and opens it through its
// five-minute link; a type tickets may not have is refused at the file field. Each state passes the
// accessibility check.
import { expect, test } from '@playwright/test';
import { ALICE_STATE, checkPage, EMULATOR } from './support';

const stamp = `${Date.now().toString(36)}`;

test.describe('as alice', () => {
  test.use({ storageState: ALICE_STATE });

  test('attaches a text file to her ticket, sees it listed and opens it', async ({ page, context }) => {
    const requests: string[] = [];
    page.on('request', (r) => requests.push(`${r.method()} ${r.url()}`));
    const subject = `Printer jam ${stamp}`;
    const name = `Printer log ${stamp}.txt`;

    await page.goto('/tickets/new');
    await page.getByLabel('Subject').fill(subject);
    await page.getByLabel('Description').fill('The printer on floor 2 jams on every page.');
    await page.getByRole('button', { name: 'Raise ticket' }).click();
    await expect(page).toHaveURL(/\/tickets\/[0-9A-Z]+$/);
    const files = page.getByRole('region', { name: 'Files' });
    await expect(files).toContainText('No files attached yet.');

    // A type tickets may not have: refused here, before anything is sent.
    const input = files.getByLabel('Attach a file');
    await input.setInputFiles({ name: 'setup.exe', mimeType: 'application/x-msdownload', buffer: Buffer.from('MZ') });
    await expect(input).toHaveAccessibleDescription(/This type of file cannot be attached/);
    await files.getByRole('button', { name: 'Attach', exact: true }).click();
    await expect(input).toBeFocused();
    await checkPage(page, 'ticket-attachment-refused');

    await input.setInputFiles({ name, mimeType: 'text/plain', buffer: Buffer.from('10:02 paper jam tray 2\n10:05 paper jam tray 2\n') });
    await files.getByRole('button', { name: 'Attach', exact: true }).click();
    const bar = files.getByRole('progressbar', { name: 'Upload progress' });
    await expect(bar).toBeVisible();
    await expect(files.getByRole('status').filter({ hasText: `${name} was attached.` })).toBeVisible();
    await expect(bar).toHaveAttribute('aria-valuenow', '100');
    // The bytes went straight to storage.
    expect(requests.some((r) => r.startsWith(`PUT ${EMULATOR}/`))).toBe(true);
    const list = files.getByRole('list', { name: 'Files attached to this ticket' });
    await expect(list.getByRole('button', { name })).toBeVisible();
    await expect(list.getByRole('button', { name })).toHaveAccessibleDescription(/by .+, /);
    await checkPage(page, 'ticket-attached');

    // Still there after a reload, and it opens in a new tab at its presigned link.
    await page.reload();
    const opening = context.waitForEvent('page');
    await list.getByRole('button', { name }).click();
    const tab = await opening;
    await expect.poll(() => tab.url()).toMatch(new RegExp(`^${EMULATOR.replace(/[.]/g, '\\.')}/.+X-Amz-Signature=`));
    await expect(page.getByText(`${name} opened in a new tab.`)).toBeAttached();
    await tab.close();
    await checkPage(page, 'ticket-attachment-opened');
  });
});
