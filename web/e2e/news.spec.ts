// News as alice: the banner over the header (a carousel: dots, chevrons, rotation), the announcements
// button beside the logo, and dismissing. Dismissals are kept for good, so the items this file dismisses
// are its own (made here through the staff routes and deleted at the end); while it dismisses, the seeded
// items are briefly ended and then restored, so alice still sees them in every other test.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { ACME_ID, ALICE_STATE, BASE_URL, checkPage, portalLocal, staff } from './support';

test.use({ storageState: ALICE_STATE });
test.describe.configure({ mode: 'serial' });

const GLOBEX_ONLY = 'Globex: new out-of-hours support number';
const stamp = new Date().toISOString().slice(0, 19);
const MINE = [
  { title: `Test news A ${stamp}`, body: 'First item made by the browser test.\nIt has two lines.' },
  { title: `Test news B ${stamp}`, body: 'Second item made by the browser test.' },
];

interface NewsItem {
  id: string;
  title: string;
  body: string;
  audience: { kind: 'all' } | { kind: 'customers'; customer_ids: string[] };
  starts_at: string;
  ends_at?: string | null;
  version: number;
}

const createdIds: string[] = [];

/** PUT with If-Match, which `staff()` does not send. */
async function staffPut(path: string, version: number, body: unknown): Promise<void> {
  const token = portalLocal('token', 'supervisor');
  const response = await fetch(`${BASE_URL}${path}`, {
    method: 'PUT',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', 'If-Match': `"${version}"` },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`PUT ${path}: ${response.status} ${await response.text()}`);
}

function input(n: NewsItem, endsAt: string | null | undefined) {
  return { title: n.title, body: n.body, audience: n.audience, starts_at: n.starts_at, ends_at: endsAt ?? null };
}

async function allNews(): Promise<NewsItem[]> {
  const page = (await staff('GET', '/admin/news?limit=100')) as { items: NewsItem[] };
  return page.items;
}

/** Items alice sees now, other than this file's own. */
function othersShownToAcme(items: NewsItem[]): NewsItem[] {
  const now = Date.now();
  return items.filter(
    (n) =>
      !createdIds.includes(n.id) &&
      (n.audience.kind === 'all' || n.audience.customer_ids.includes(ACME_ID)) &&
      Date.parse(n.starts_at) <= now &&
      (!n.ends_at || Date.parse(n.ends_at) > now),
  );
}

function banner(page: Page): Locator {
  return page.getByRole('region', { name: 'News' });
}

/** The title of the item the banner shows. */
async function shownTitle(b: Locator): Promise<string> {
  return (await b.getByRole('group', { name: /^\d+ of \d+$/ }).locator('p').first().textContent()) ?? '';
}

test.beforeAll(async () => {
  const startsAt = new Date(Date.now() - 60_000).toISOString();
  const endsAt = new Date(Date.now() + 2 * 3600_000).toISOString();
  for (const item of MINE) {
    const made = (await staff('POST', '/admin/news', {
      ...item,
      audience: { kind: 'customers', customer_ids: [ACME_ID] },
      starts_at: startsAt,
      ends_at: endsAt,
    })) as NewsItem;
    createdIds.push(made.id);
  }
});

test.afterAll(async () => {
  for (const id of createdIds) await staff('DELETE', `/admin/news/${id}`);
});

test('the banner shows the news one item at a time; it rotates, and dots and chevrons switch items', async ({ page }) => {
  await page.goto('/');
  const b = banner(page);
  await expect(b).toBeVisible();
  await expect(b).toHaveAttribute('aria-roledescription', 'carousel');
  const dots = b.getByRole('button', { name: /^Show news item \d+ of \d+$/ });
  const count = await dots.count();
  expect(count).toBeGreaterThanOrEqual(2);

  // Rotation: the next item within a little over 5 s.
  await expect(b.getByRole('group', { name: `1 of ${count}` })).toBeVisible();
  await expect(b.getByRole('group', { name: `2 of ${count}` })).toBeVisible({ timeout: 8_000 });

  // A click on each dot shows that item and marks that dot as the current one.
  const titles: string[] = [];
  for (let i = 1; i <= count; i += 1) {
    const dot = b.getByRole('button', { name: `Show news item ${i} of ${count}` });
    await dot.click();
    await expect(dot).toHaveAttribute('aria-current', 'true');
    await expect(b.getByRole('group', { name: `${i} of ${count}` })).toBeVisible();
    titles.push(await shownTitle(b));
  }
  for (const item of MINE) expect(titles).toContain(item.title);
  expect(titles).not.toContain(GLOBEX_ONLY);

  // Focus is inside the banner now: no rotation while it stays there.
  await page.waitForTimeout(6_000);
  await expect(b.getByRole('group', { name: `${count} of ${count}` })).toBeVisible();

  // Chevrons, wrapping at the ends.
  await b.getByRole('button', { name: 'Next news item' }).click();
  await expect(b.getByRole('group', { name: `1 of ${count}` })).toBeVisible();
  expect(await shownTitle(b)).toBe(titles[0]);
  await b.getByRole('button', { name: 'Previous news item' }).click();
  await expect(b.getByRole('group', { name: `${count} of ${count}` })).toBeVisible();
  expect(await shownTitle(b)).toBe(titles[count - 1]);

  // The pause button stops rotation even once focus and pointer have left.
  await b.getByRole('button', { name: 'Pause news rotation' }).click();
  await expect(b.getByRole('button', { name: 'Resume news rotation' })).toBeVisible();
  await page.getByRole('heading', { level: 1 }).focus();
  await page.mouse.move(5, 600);
  await page.waitForTimeout(6_000);
  await expect(b.getByRole('group', { name: `${count} of ${count}` })).toBeVisible();
  await checkPage(page, 'news-banner');
});

test('the banner stays still under reduced motion', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto('/');
  const b = banner(page);
  await expect(b.getByRole('group', { name: /^1 of \d+$/ })).toBeVisible();
  await expect(b.getByRole('button', { name: 'Pause news rotation' })).toHaveCount(0);
  await page.waitForTimeout(6_000);
  await expect(b.getByRole('group', { name: /^1 of \d+$/ })).toBeVisible();
});

test("the announcements button lists every item; Globex's item never shows for alice", async ({ page }) => {
  await page.goto('/');
  await expect(banner(page)).toBeVisible();
  const button = page.getByRole('banner').getByRole('button', { name: /^Announcements, \d+ new$/ });
  await expect(button).toHaveAttribute('aria-expanded', 'false');
  await button.click();
  await expect(button).toHaveAttribute('aria-expanded', 'true');
  const panel = page.getByRole('region', { name: 'Announcements' });
  for (const item of MINE) await expect(panel.getByRole('heading', { name: item.title })).toBeVisible();
  await expect(panel.getByText('First item made by the browser test.', { exact: false })).toBeVisible();
  await expect(page.getByText(GLOBEX_ONLY)).toHaveCount(0);
  await checkPage(page, 'news-announcements');
  await page.keyboard.press('Escape');
  await expect(panel).toHaveCount(0);
  await expect(button).toBeFocused();
});

test('at 360 px wide the banner and the open announcements fit the screen', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto('/');
  await expect(banner(page)).toBeVisible();
  await expect(banner(page).getByRole('button', { name: 'Dismiss news' })).toBeInViewport();
  await page.getByRole('banner').getByRole('button', { name: /^Announcements/ }).click();
  const panel = page.getByRole('region', { name: 'Announcements' });
  await expect(panel.getByRole('heading', { name: MINE[0]!.title })).toBeVisible();
  const box = await panel.boundingBox();
  expect(box).not.toBeNull();
  expect(box!.x).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width).toBeLessThanOrEqual(360);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await checkPage(page, 'news-narrow');
});

// Last in the file: dismissing is for good.
test('× dismisses the banner, the announcements list the items again, and a reload keeps it dismissed', async ({ page }) => {
  const others = othersShownToAcme(await allNews());
  try {
    // End the other items for a moment, so only this file's own are in alice's banner.
    for (const n of others) await staffPut(`/admin/news/${n.id}`, n.version, input(n, new Date(Date.parse(n.starts_at) + 1000).toISOString()));

    await page.goto('/');
    const b = banner(page);
    await expect(b.getByRole('button', { name: /^Show news item \d+ of 2$/ })).toHaveCount(2);
    await b.getByRole('button', { name: 'Dismiss news' }).click();
    await expect(b).toHaveCount(0);
    const button = page.getByRole('banner').getByRole('button', { name: /^Announcements/ });
    await expect(button).toBeFocused();
    await expect(button).toHaveAccessibleName('Announcements');

    await button.click();
    const panel = page.getByRole('region', { name: 'Announcements' });
    for (const item of MINE) await expect(panel.getByRole('heading', { name: item.title })).toBeVisible();
    await expect(panel.getByText('Dismissed')).toHaveCount(2);
    await checkPage(page, 'news-announcements-dismissed');

    await page.reload();
    await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
    await expect(banner(page)).toHaveCount(0);
    await page.getByRole('banner').getByRole('button', { name: /^Announcements/ }).click();
    for (const item of MINE) await expect(page.getByRole('region', { name: 'Announcements' }).getByRole('heading', { name: item.title })).toBeVisible();
  } finally {
    const now = await allNews();
    for (const n of others) {
      const current = now.find((x) => x.id === n.id);
      if (current) await staffPut(`/admin/news/${n.id}`, current.version, input(current, n.ends_at));
    }
  }
});
