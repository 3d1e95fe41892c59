// Jobs and workflows as alice: the lists, one of each in full, an inactive workflow that never shows, and
// a module staff switch off that leaves the navigation and says "Not available" at its address.
import { expect, test, type Page } from '@playwright/test';
import { ACME_ID, ALICE_STATE, checkPage, GLOBEX_ID, staff } from './support';

test.use({ storageState: ALICE_STATE });

const JOB_REF = 'E2E-OPS-1';
const GLOBEX_JOB_REF = 'E2E-OPS-GX';
const ACTIVE_WF = 'E2E site access review';
const INACTIVE_WF = 'E2E finished handover';

interface Page_<T> {
  items: T[];
  next_cursor?: string | null;
}

async function all<T>(path: string): Promise<T[]> {
  const out: T[] = [];
  let cursor: string | null | undefined = null;
  do {
    const sep = path.includes('?') ? '&' : '?';
    const page = (await staff('GET', `${path}${sep}limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`)) as Page_<T>;
    out.push(...page.items);
    cursor = page.next_cursor;
  } while (cursor);
  return out;
}

/** Staff records the tests read, made once per stack (jobs and workflows cannot be deleted). */
async function ensure<T extends Record<string, unknown>>(path: string, key: string, value: string, body: Record<string, unknown>): Promise<T> {
  const found = (await all<T>(path)).find((r) => r[key] === value);
  return found ?? ((await staff('POST', path, body)) as T);
}

const days = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
const hoursAgo = (n: number) => new Date(Date.now() - n * 3_600_000).toISOString();

let activeWorkflowId = '';
let inactiveWorkflowId = '';

test.beforeAll(async () => {
  await ensure(`/admin/customers/${ACME_ID}/jobs`, 'reference', JOB_REF, {
    reference: JOB_REF,
    description: 'Service the rooftop air handling units',
    job_type: 'Planned maintenance',
    taken_by: 'Sam Seller',
    order_number: 'PO-E2E-77',
    booked_dates: [days(3), days(4)],
    scheduled_at: `${days(3)}T08:00:00Z`,
    days_allocated: 2,
    technicians: ['Tess Turner', 'Omar Okafor'],
    estimated_hours: 14.5,
    actual_hours: null,
    status: 'booked',
    finished_at: null,
    closed_at: null,
  });
  await ensure(`/admin/customers/${GLOBEX_ID}/jobs`, 'reference', GLOBEX_JOB_REF, {
    reference: GLOBEX_JOB_REF,
    description: 'A Globex job alice must never see',
    job_type: 'Repair',
    status: 'booked',
  });
  const uri = `/admin/customers/${ACME_ID}/workflows`;
  const active = await ensure<{ id: string }>(uri, 'workflow_type', ACTIVE_WF, {
    workflow_type: ACTIVE_WF,
    instigator: 'Alice Archer',
    active: true,
    tasks: [
      { name: 'Collect the access list', status: 'done', done_by: 'Priya Patel', done_at: hoursAgo(50) },
      { name: 'Check the badges', status: 'in_progress', done_by: null, done_at: null },
      { name: 'Renew the expired passes', status: 'blocked', done_by: null, done_at: null },
      { name: 'Send the report', status: 'not_started', done_by: null, done_at: null },
    ],
  });
  const inactive = await ensure<{ id: string }>(uri, 'workflow_type', INACTIVE_WF, {
    workflow_type: INACTIVE_WF,
    instigator: 'Rita Relations',
    active: false,
    tasks: [{ name: 'Hand over the keys', status: 'done', done_by: 'Rita Relations', done_at: hoursAgo(400) }],
  });
  activeWorkflowId = active.id;
  inactiveWorkflowId = inactive.id;
});

/** The value beside a term of the page's facts list. */
function fact(page: Page, term: string) {
  return page.locator('dl.facts dt', { hasText: new RegExp(`^${term}$`) }).locator('xpath=following-sibling::dd[1]');
}

test('the job list shows CommTrak’s columns and leads to a job with every field', async ({ page }) => {
  await page.goto('/jobs');
  await expect(page.getByRole('heading', { level: 1, name: 'Jobs' })).toBeVisible();
  const table = page.getByRole('table', { name: /^Jobs/ });
  await expect(table.getByRole('columnheader')).toHaveText(['Dates booked', 'Reference', 'Description', 'Status', 'Closed']);
  const row = table.getByRole('row').filter({ has: page.getByRole('link', { name: JOB_REF }) });
  await expect(row).toContainText('Service the rooftop air handling units');
  await expect(row).toContainText('Booked');
  await expect(row.locator('time')).toHaveCount(2);
  await expect(page.getByText(GLOBEX_JOB_REF)).toHaveCount(0);
  await checkPage(page, 'jobs');

  await row.getByRole('link', { name: JOB_REF }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Job ${JOB_REF}` })).toBeVisible();
  await expect(fact(page, 'Type')).toHaveText('Planned maintenance');
  await expect(fact(page, 'Taken by')).toHaveText('Sam Seller');
  await expect(fact(page, 'Order number')).toHaveText('PO-E2E-77');
  await expect(fact(page, 'Status')).toHaveText('Booked');
  await expect(fact(page, 'Technicians').getByRole('listitem')).toHaveText(['Tess Turner', 'Omar Okafor']);
  await expect(fact(page, 'Dates booked').locator('time')).toHaveCount(2);
  await expect(fact(page, 'Days allocated')).toHaveText('2');
  await expect(fact(page, 'Estimated hours')).toHaveText(/^14[.,]5$/);
  await expect(fact(page, 'Actual hours')).toHaveText('Not recorded');
  await expect(fact(page, 'Closed')).toHaveText('Not recorded');
  await checkPage(page, 'job');

  await page.getByRole('link', { name: 'All jobs' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Jobs' })).toBeVisible();
});

test('a job of another company, or none, is not found', async ({ page }) => {
  const globexJob = (await all<{ id: string; reference: string }>(`/admin/customers/${GLOBEX_ID}/jobs`)).find((j) => j.reference === GLOBEX_JOB_REF);
  await page.goto(`/jobs/${globexJob?.id ?? '01JD0000000000000000000000'}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Job not found' })).toBeVisible();
  await expect(page.getByText('A Globex job alice must never see')).toHaveCount(0);
  await checkPage(page, 'job-not-found');
});

test('the workflow list shows active workflows only, each task with its status in words', async ({ page }) => {
  await page.goto('/workflows');
  await expect(page.getByRole('heading', { level: 1, name: 'Workflows' })).toBeVisible();
  const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 2, name: ACTIVE_WF }) });
  await expect(card).toContainText('Alice Archer');
  await expect(card.getByRole('list', { name: /^Tasks/ }).getByRole('listitem')).toHaveText([
    /Collect the access list\s*Done/,
    /Check the badges\s*In progress/,
    /Renew the expired passes\s*Blocked/,
    /Send the report\s*Not started/,
  ]);
  await expect(card).toContainText('1 of 4 tasks done');
  await expect(page.getByText(INACTIVE_WF)).toHaveCount(0);
  await checkPage(page, 'workflows');

  await card.getByRole('link', { name: ACTIVE_WF }).click();
  await expect(page.getByRole('heading', { level: 1, name: ACTIVE_WF })).toBeVisible();
  const rows = page.getByRole('table', { name: 'Tasks' }).getByRole('row');
  await expect(rows).toHaveCount(5);
  await expect(rows.nth(1)).toContainText('Collect the access list');
  await expect(rows.nth(1)).toContainText('Done');
  await expect(rows.nth(1)).toContainText('Priya Patel');
  await expect(rows.nth(1).locator('time')).toHaveCount(1);
  await expect(rows.nth(3)).toContainText('Blocked');
  await expect(rows.nth(4)).toContainText('Not started');
  await checkPage(page, 'workflow');
  expect(activeWorkflowId).not.toBe('');
});

test('an inactive workflow is not found at its address', async ({ page }) => {
  await page.goto(`/workflows/${inactiveWorkflowId}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Workflow not found' })).toBeVisible();
  await expect(page.getByText('Hand over the keys')).toHaveCount(0);
  await checkPage(page, 'workflow-not-found');
});

test('jobs and workflows are usable 360 px wide: tables scroll inside their frame, not the page', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  for (const [path, name] of [
    ['/jobs', 'jobs-narrow'],
    ['/workflows', 'workflows-narrow'],
  ] as const) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.getByRole('link', { name: path === '/jobs' ? JOB_REF : ACTIVE_WF })).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await checkPage(page, name);
  }
});

test('a module switched off by staff leaves the navigation and is "Not available" at its address', async ({ page }) => {
  const uri = `/admin/customers/${ACME_ID}/portal-modules`;
  const before = (await staff('GET', uri)) as { modules: string[]; source: 'global' | 'customer' };
  expect(before.modules).toContain('jobs');
  try {
    await staff('PUT', uri, { modules: before.modules.filter((m) => m !== 'jobs') });
    await page.goto('/');
    const nav = page.getByRole('navigation', { name: 'Main' });
    await expect(nav.getByRole('link', { name: 'Workflows' })).toBeVisible();
    await expect(nav.getByRole('link', { name: 'Jobs' })).toHaveCount(0);
    await page.goto('/jobs');
    await expect(page.getByRole('heading', { level: 1, name: 'Not available' })).toBeVisible();
    await expect(page.getByRole('alert')).toHaveCount(0);
    await checkPage(page, 'module-off');
  } finally {
    // Put back exactly what was there: the demo seed gives Acme its own set (the dashboard included).
    if (before.source === 'customer') await staff('PUT', uri, { modules: before.modules });
    else await staff('DELETE', uri);
  }
  await page.goto('/jobs');
  await expect(page.getByRole('heading', { level: 1, name: 'Jobs' })).toBeVisible();
});
