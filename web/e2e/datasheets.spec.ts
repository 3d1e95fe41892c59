// Data sheets in a real browser, as alice: start a sheet from a seeded template, fill it in, save,
// reload, see the API's validation at the fields, submit with a confirmation and follow the ticket it
// raised; the layout template's sheet edited, saved and submitted in its own window; and the proof that
// a hostile staff layout runs nothing and loads nothing.
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { ACME_ID, ALICE_STATE, BASE_URL, checkPage, portalLocal, staff } from './support';

const SITE_ACCESS = 'Site access request';
const INSPECTION = 'Equipment inspection report';
const HOSTILE_NAME = 'Hostile layout (browser test)';
const stamp = Date.now().toString(36);

/** Starts a sheet of a template from the list page; resolves on the new sheet's page. */
async function startSheet(page: Page, template: string) {
  await page.goto('/data-sheets');
  await page.getByRole('combobox', { name: 'Template' }).selectOption({ label: template });
  await page.getByRole('button', { name: 'Start' }).click();
  await expect(page).toHaveURL(/\/data-sheets\/[0-9A-Z]{26}$/);
  await expect(page.getByRole('heading', { level: 1, name: template })).toBeVisible();
}

async function confirmSubmit(page: Page, screenshot?: string) {
  await page.getByRole('button', { name: 'Submit', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Submit this data sheet?' });
  await expect(dialog).toContainText('Once submitted the sheet is locked');
  if (screenshot) await checkPage(page, screenshot);
  await dialog.getByRole('button', { name: 'Submit the sheet' }).click();
}

test.describe('as alice', () => {
  test.use({ storageState: ALICE_STATE });

  test('a sheet from a template: fill in, save, reload, validation at the fields, submit, locked, its ticket', async ({ page }) => {
    await page.goto('/data-sheets');
    await expect(page.getByRole('heading', { level: 1, name: 'Data sheets' })).toBeVisible();
    await expect(page.getByRole('combobox', { name: 'Template' })).toBeVisible();
    await expect(page.getByRole('table')).toBeVisible();
    await expect(page.getByRole('columnheader', { name: 'Ticket' })).toBeVisible();
    await checkPage(page, 'datasheets-list');

    await startSheet(page, SITE_ACCESS);
    await expect(page.getByText('Draft', { exact: true })).toBeVisible();
    await checkPage(page, 'datasheet-new');

    const purpose = `Annual lift inspection with two engineers ${stamp}`;
    await page.getByRole('group', { name: /^Site\b/ }).getByRole('radio', { name: 'Riverside Depot' }).check();
    await page.getByLabel(/^Date of visit/).fill('2026-12-01');
    const visitors = page.getByRole('spinbutton', { name: /Number of visitors/ });
    await expect(visitors).toHaveAccessibleDescription(/Including the person in charge.*whole number from 1 to 20/);
    await visitors.fill('25');
    await page.getByRole('group', { name: /^Out of hours/ }).getByRole('radio', { name: 'Yes' }).check();
    await page.getByRole('checkbox', { name: 'Hard hat' }).check();
    await page.getByRole('checkbox', { name: 'Safety boots' }).check();

    // Out of range: refused by the API, said at the field, nothing typed is lost.
    await page.getByRole('button', { name: 'Save draft' }).click();
    await expect(page.getByRole('alert')).toContainText('Number of visitors: must be between 1 and 20');
    await expect(visitors).toHaveAccessibleDescription(/must be between 1 and 20/);
    await expect(visitors).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByRole('checkbox', { name: 'Hard hat' })).toBeChecked();
    await checkPage(page, 'datasheet-invalid');
    await page.setViewportSize({ width: 360, height: 800 });
    await checkPage(page, 'datasheet-narrow');
    await page.setViewportSize({ width: 1280, height: 720 });

    await visitors.fill('3');
    await page.getByRole('button', { name: 'Save draft' }).click();
    await expect(page.getByText('Draft saved.')).toBeVisible();

    await page.reload();
    await expect(page.getByRole('radio', { name: 'Riverside Depot' })).toBeChecked();
    await expect(page.getByLabel(/^Date of visit/)).toHaveValue('2026-12-01');
    await expect(page.getByRole('spinbutton', { name: /Number of visitors/ })).toHaveValue('3');
    await expect(page.getByRole('group', { name: /^Out of hours/ }).getByRole('radio', { name: 'Yes' })).toBeChecked();
    await expect(page.getByRole('checkbox', { name: 'Hard hat' })).toBeChecked();
    await expect(page.getByRole('checkbox', { name: 'Safety boots' })).toBeChecked();
    await expect(page.getByRole('checkbox', { name: 'Gloves' })).not.toBeChecked();

    // Submitting checks the required fields: the purpose is missing.
    await confirmSubmit(page);
    await expect(page.getByRole('alert')).toContainText('Purpose of the visit is required');
    await expect(page.getByRole('textbox', { name: /Purpose of the visit/ })).toHaveAccessibleDescription(/Purpose of the visit is required/);

    await page.getByRole('textbox', { name: /Purpose of the visit/ }).fill(purpose);
    await confirmSubmit(page, 'datasheet-confirm');
    await expect(page.getByText(/The sheet was submitted and ticket #\d+ was raised\./)).toBeVisible();
    await expect(page.getByText(/has been submitted and is locked/)).toBeVisible();
    await expect(page.getByRole('button', { name: 'Save draft' })).toHaveCount(0);
    await expect(page.getByRole('textbox')).toHaveCount(0);
    await expect(page.getByText(purpose)).toBeVisible();
    await checkPage(page, 'datasheet-submitted');

    // Locked after a reload too, and the list shows the ticket.
    await page.reload();
    await expect(page.getByText(/has been submitted and is locked/)).toBeVisible();
    await expect(page.getByRole('button', { name: 'Submit', exact: true })).toHaveCount(0);
    const ticket = page.getByRole('link', { name: /^Ticket #\d+$/ }).first();
    const label = (await ticket.textContent()) ?? '';
    const number = /#(\d+)/.exec(label)?.[1] ?? '';

    // The list, newest first: this sheet, submitted, with its ticket.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Data sheets' }).click();
    const row = page.getByRole('row').nth(1);
    await expect(row.getByRole('rowheader')).toHaveText(SITE_ACCESS);
    await expect(row).toContainText('Submitted');
    await expect(row.getByRole('link', { name: `Ticket #${number}` })).toBeVisible();
    await checkPage(page, 'datasheets-list-submitted');
    await page.goBack();

    await ticket.click();
    await expect(page).toHaveURL(/\/tickets\/[0-9A-Z]{26}$/);
    await expect(page.getByRole('heading', { level: 1 })).toContainText(`Ticket ${number}: Data sheet: ${SITE_ACCESS}`);
    await expect(page.getByText(`Purpose of the visit: ${purpose}`)).toBeVisible();
  });

  test('the layout template’s sheet in its own window: edit, save, submit there', async ({ page, context }) => {
    await startSheet(page, INSPECTION);
    const opening = context.waitForEvent('page');
    await page.getByRole('button', { name: 'Open in layout view' }).click();
    const layout = await opening;
    await layout.waitForLoadState();
    await expect(layout).toHaveURL(/\/data-sheets\/[0-9A-Z]{26}\/layout$/);
    await expect(layout.getByRole('heading', { level: 1, name: INSPECTION })).toBeVisible();
    // The layout's own structure, with the fields in its table cells.
    await expect(layout.getByRole('heading', { level: 3, name: 'Asset' })).toBeVisible();
    const tag = layout.getByRole('textbox', { name: /Asset tag/ });
    await expect(tag.locator('xpath=ancestor::td')).toHaveCount(1);
    await checkPage(layout, 'datasheet-layout-empty');
    await layout.setViewportSize({ width: 360, height: 800 });
    await checkPage(layout, 'datasheet-layout-narrow');
    await layout.setViewportSize({ width: 1280, height: 720 });

    const asset = `AC-PMP-${stamp.slice(-4).toUpperCase()}`;
    await tag.fill(asset);
    await layout.getByRole('textbox', { name: /Location/ }).fill('Roof plant room, Riverside Depot');
    await layout.getByLabel(/Inspection date/).fill('2026-11-24');
    await layout.getByRole('spinbutton', { name: /Running hours/ }).fill('420');
    await layout.getByRole('radiogroup', { name: /Overall condition/ }).getByRole('radio', { name: 'Good' }).check();
    await layout.getByRole('checkbox', { name: 'Electrical test' }).check();
    await layout.getByRole('textbox', { name: /Defects and actions/ }).fill('None found.');
    await layout.getByRole('button', { name: 'Save draft' }).click();
    await expect(layout.getByText('Draft saved.')).toBeVisible();
    await checkPage(layout, 'datasheet-layout-saved');

    // The sheet's own page hears of the save and shows the values.
    await expect(page.getByRole('textbox', { name: /Asset tag/ })).toHaveValue(asset);
    await expect(page.getByRole('radio', { name: 'Good' })).toBeChecked();

    // A reload of the layout window keeps the session and the values.
    await layout.reload();
    await expect(layout.getByRole('textbox', { name: /Asset tag/ })).toHaveValue(asset);

    await confirmSubmit(layout, 'datasheet-layout-confirm');
    await expect(layout.getByText(/The sheet was submitted and ticket #\d+ was raised\./)).toBeVisible();
    await expect(layout.getByRole('textbox')).toHaveCount(0);
    await expect(layout.getByRole('cell', { name: asset })).toBeVisible();
    await expect(layout.getByRole('link', { name: /^Ticket #\d+$/ })).toBeVisible();
    await checkPage(layout, 'datasheet-layout-submitted');
    await expect(page.getByText(/has been submitted and is locked/)).toBeVisible();
  });
});

const HOSTILE_LAYOUT = `<h1>Hostile</h1>
<script>window.__pwned=1</script>
<img src=x onerror="window.__pwned=1">
<iframe src="https://evil.example/"></iframe>
<a href="javascript:alert(1)">Click me</a>
<div style="background:url(https://evil.example/x)">Styled</div>
<p onclick="window.__pwned=1">Name: {{ name }}</p>
<img src="https://evil.example/pixel.png" alt="">
<link rel="stylesheet" href="https://evil.example/s.css">
<style>@import url(https://evil.example/i.css); body{background:url(https://evil.example/bg)}</style>
<svg><image href="https://evil.example/s.svg"/><script>alert(1)</script></svg>
<object data="https://evil.example/o"></object><embed src="https://evil.example/e">
<video src="https://evil.example/v.mp4" autoplay poster="https://evil.example/p.png"></video>
<form action="https://evil.example/f"><input name="q" autofocus onfocus="alert(1)"><button>Go</button></form>
<meta http-equiv="refresh" content="0;url=https://evil.example/">
<base href="https://evil.example/">
<details open ontoggle="alert(1)"><summary>More</summary></details>
<table background="https://evil.example/t.png"><tr><td>{{ notes }}</td></tr></table>`;

interface TemplateRow {
  id: string;
  name: string;
  version: number;
  layout_html?: string | null;
}

/** The hostile template (made once, its layout kept current) and Acme's assignment as it was before. */
async function hostileTemplate(): Promise<{ id: string; before: { template_ids: string[]; tickets_from_email: string | null } }> {
  const body = {
    name: HOSTILE_NAME,
    description: 'A layout carrying script, handlers, frames and outside loads: it must run and load nothing.',
    layout_html: HOSTILE_LAYOUT,
    fields: [
      { key: 'name', label: 'Name', type: 'text', max_length: 80, required: false, help: null },
      { key: 'notes', label: 'Notes', type: 'multi_line_text', required: false, help: null },
    ],
  };
  let found: TemplateRow | undefined;
  let cursor: string | null = null;
  do {
    const page = (await staff('GET', `/admin/datasheet-templates?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`)) as { items: TemplateRow[]; next_cursor?: string | null };
    found = page.items.find((t) => t.name === HOSTILE_NAME);
    cursor = page.next_cursor ?? null;
  } while (!found && cursor);
  let id: string;
  if (!found) id = ((await staff('POST', '/admin/datasheet-templates', body)) as TemplateRow).id;
  else {
    id = found.id;
    if (found.layout_html !== HOSTILE_LAYOUT) {
      await staffPutVersioned(`/admin/datasheet-templates/${id}`, found.version, body);
    }
  }
  const uri = `/admin/customers/${ACME_ID}/portal-templates`;
  const before = (await staff('GET', uri)) as { template_ids: string[]; tickets_from_email: string | null };
  if (!before.template_ids.includes(id)) {
    await staff('PUT', uri, { template_ids: [...before.template_ids, id], tickets_from_email: before.tickets_from_email ?? 'datasheets@portal.example.com' });
  }
  return { id, before: { ...before, template_ids: before.template_ids.filter((t) => t !== id) } };
}

/** A staff PUT with If-Match (staff() sends no headers of its own). */
async function staffPutVersioned(path: string, version: number, body: unknown) {
  const token = portalLocal('token', 'supervisor');
  const r = await fetch(`${BASE_URL}${path}`, {
    method: 'PUT',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', 'If-Match': `"${version}"` },
    body: JSON.stringify(body),
  });
  if (!r.ok) throw new Error(`PUT ${path}: ${r.status} ${await r.text()}`);
}

/** Every request and dialog of every page of the context, from the start. */
function watch(context: BrowserContext) {
  const requests: string[] = [];
  const dialogs: string[] = [];
  context.on('request', (r) => requests.push(r.url()));
  const onPage = (p: Page) => p.on('dialog', (d) => {
    dialogs.push(`${d.type()}: ${d.message()}`);
    void d.dismiss();
  });
  context.pages().forEach(onPage);
  context.on('page', onPage);
  return { requests, dialogs };
}

test.describe('a hostile layout', () => {
  test.use({ storageState: ALICE_STATE });
  let restore: (() => Promise<void>) | null = null;

  test.afterAll(async () => {
    await restore?.();
  });

  test('runs nothing and loads nothing from anywhere else', async ({ page, context }) => {
    const { before } = await hostileTemplate();
    const uri = `/admin/customers/${ACME_ID}/portal-templates`;
    restore = async () => {
      await staff('PUT', uri, { template_ids: before.template_ids, tickets_from_email: before.tickets_from_email });
    };
    const seen = watch(context);

    await startSheet(page, HOSTILE_NAME);
    const opening = context.waitForEvent('page');
    await page.getByRole('button', { name: 'Open in layout view' }).click();
    const layout = await opening;
    await layout.waitForLoadState('load');
    await expect(layout.getByRole('heading', { level: 1, name: HOSTILE_NAME })).toBeVisible();
    await expect(layout.getByRole('textbox', { name: 'Name' })).toBeVisible();
    await expect(layout.getByText('Styled')).toBeVisible();
    await layout.waitForLoadState('networkidle');

    for (const p of [page, layout]) {
      expect(await p.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
    }
    const main = layout.getByRole('main');
    for (const selector of ['script', 'iframe', 'img', 'object', 'embed', 'video', 'svg', 'style', 'link', 'meta', 'base', 'details', '[style]', '[onerror]', '[onclick]', '[ontoggle]', '[onfocus]', '[background]', '[poster]', 'a[href^="javascript:"]']) {
      await expect(main.locator(selector), selector).toHaveCount(0);
    }
    expect(await layout.locator('body script').count()).toBe(0);
    // Still a usable sheet: the field is a real control and saves.
    await layout.getByRole('textbox', { name: 'Name' }).fill('Mallory');
    await layout.getByRole('button', { name: 'Save draft' }).click();
    await expect(layout.getByText('Draft saved.')).toBeVisible();
    await checkPage(layout, 'datasheet-hostile-layout');

    const origin = new URL(BASE_URL).origin;
    expect(seen.dialogs).toEqual([]);
    expect(seen.requests.filter((u) => new URL(u).origin !== origin)).toEqual([]);
    expect(seen.requests.some((u) => u.includes('/layout'))).toBe(true);
  });
});
