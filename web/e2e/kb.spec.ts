// The knowledge base ("Help") as alice: the navigation entry, the categories, a category and a keyword in
// the address, an article and its "was this helpful?", what Acme sees and what it must not (Globex's
// article, the draft), accessibility; and in a real browser, an article whose Markdown carries a script,
// an event handler and a javascript: link runs none of them. Votes are once per contact and article, so
// the spec votes only on an article it makes itself (through the staff routes), and deletes what it made.
import { expect, test, type Page } from '@playwright/test';
import { ACME_ID, ALICE_STATE, checkPage, staff } from './support';

test.use({ storageState: ALICE_STATE });
test.describe.configure({ mode: 'serial' });

const GLOBEX_ONLY = 'Connecting to the Globex VPN';
const DRAFT = 'Draft: new emergency call-out charges';
const ACME_ONLY = 'Acme House: out-of-hours access';
const BOILER = 'Resetting a tripped boiler';
const stamp = Date.now().toString(36);

interface StaffArticle {
  id: string;
  title: string;
}

const created: string[] = [];

async function createArticle(input: { title: string; body: string; category: string; audience: unknown }): Promise<StaffArticle> {
  const made = (await staff('POST', '/admin/articles', { ...input, status: 'published' })) as StaffArticle;
  created.push(made.id);
  return made;
}

/** Every article staff have, drafts included (to find the seeded ones' ids by title). */
async function staffArticles(): Promise<StaffArticle[]> {
  const all: StaffArticle[] = [];
  let cursor: string | null | undefined = null;
  do {
    const page = (await staff('GET', `/admin/articles?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`)) as {
      items: StaffArticle[];
      next_cursor?: string | null;
    };
    all.push(...page.items);
    cursor = page.next_cursor;
  } while (cursor);
  return all;
}

test.afterAll(async () => {
  for (const id of created) await staff('DELETE', `/admin/articles/${id}`);
});

const main = (page: Page) => page.getByRole('main');
const categories = (page: Page) => page.getByRole('navigation', { name: 'Categories' });

test('Help from the navigation: categories, a category, a keyword and an article; Acme’s own, not Globex’s nor the draft', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Help', exact: true }).click();
  await expect(page).toHaveURL(/\/help$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Help articles' })).toBeVisible();

  // The categories Acme has articles in, with their counts; none of Globex's, none of the draft's.
  const nav = categories(page);
  for (const name of ['Using the portal', 'Heating', 'Fire safety', 'Sites']) {
    await expect(nav.getByRole('link', { name: new RegExp(`^${name} \\d+ articles?$`) })).toBeVisible();
  }
  await expect(nav.getByRole('link', { name: /^Using the portal \d+ articles$/ })).toBeVisible();
  await expect(nav.getByRole('link', { name: /^IT / })).toHaveCount(0);
  await expect(nav.getByRole('link', { name: /^Billing / })).toHaveCount(0);
  await expect(nav.getByRole('link', { name: /^All articles/ })).toHaveAttribute('aria-current', 'true');

  const list = main(page).getByRole('list', { name: 'All articles' });
  await expect(list.getByRole('link', { name: ACME_ONLY })).toBeVisible();
  await expect(list.getByRole('link', { name: BOILER })).toBeVisible();
  await expect(list.getByRole('link', { name: 'What the priorities mean' })).toBeVisible();
  await expect(main(page).getByText(GLOBEX_ONLY)).toHaveCount(0);
  await expect(main(page).getByText(DRAFT)).toHaveCount(0);
  await checkPage(page, 'help');

  // One category: in the address, marked in the list, only its articles.
  await nav.getByRole('link', { name: /^Heating / }).click();
  await expect(page).toHaveURL(/\/help\?category=Heating$/);
  const heating = main(page).getByRole('list', { name: 'Articles in Heating' });
  await expect(heating.getByRole('link', { name: BOILER })).toBeVisible();
  await expect(heating.getByRole('link', { name: 'How do I raise a ticket?' })).toHaveCount(0);
  await expect(nav.getByRole('link', { name: /^Heating / })).toHaveAttribute('aria-current', 'true');

  // A keyword, within the category: in the address too.
  const box = page.getByRole('searchbox', { name: 'Keyword' });
  await box.fill('boiler');
  await page.getByRole('search', { name: 'Search help articles' }).getByRole('button', { name: 'Search' }).click();
  await expect(page).toHaveURL(/\/help\?category=Heating&q=boiler$/);
  const found = main(page).getByRole('list', { name: 'Articles in Heating matching “boiler”' });
  await expect(found.getByRole('link', { name: BOILER })).toBeVisible();

  // Too short a keyword is said at the box; one that matches nothing says so.
  await box.fill('b');
  await box.press('Enter');
  await expect(page).toHaveURL(/q=b$/);
  await expect(box).toHaveAttribute('aria-invalid', 'true');
  await expect(box).toHaveAccessibleDescription(/Type a keyword of at least two characters\./);
  await expect(main(page).locator('.field-error')).toHaveText('Type a keyword of at least two characters.');
  await box.fill(`nothing${stamp}`);
  await box.press('Enter');
  await expect(main(page).getByText(`No articles match “nothing${stamp}”.`)).toBeVisible();
  await checkPage(page, 'help-no-match');

  // Back to the boiler and open it: its category links back to the category's list.
  await page.goto('/help?q=boiler');
  await main(page).getByRole('link', { name: BOILER }).click();
  await expect(page).toHaveURL(/\/help\/[0-9A-Z]+$/);
  await expect(page.getByRole('heading', { level: 1, name: BOILER })).toBeVisible();
  const body = page.getByRole('article', { name: BOILER });
  await expect(body.getByRole('heading', { level: 3, name: 'Before you call' })).toBeVisible();
  await expect(main(page).getByRole('link', { name: 'Heating', exact: true })).toHaveAttribute('href', '/help?category=Heating');
  await expect(main(page).getByRole('region', { name: 'Was this helpful?' })).toBeVisible();
  await checkPage(page, 'help-article');

  // The Markdown table of the priorities article arrives as a table.
  await page.goto('/help?category=Using+the+portal');
  await main(page).getByRole('link', { name: 'What the priorities mean' }).click();
  await expect(page.getByRole('article', { name: 'What the priorities mean' }).getByRole('table')).toContainText('Urgent');

  // Globex's article and the draft are not found at their addresses either.
  const seeded = await staffArticles();
  for (const title of [GLOBEX_ONLY, DRAFT]) {
    const id = seeded.find((a) => a.title === title)?.id;
    expect(id, title).toBeTruthy();
    await page.goto(`/help/${id}`);
    await expect(page.getByRole('heading', { level: 1, name: 'Article not found' })).toBeVisible();
    await expect(main(page).getByText(title)).toHaveCount(0);
  }
});

test('was this helpful: an answer once, thanked; answered before, it says so, also after a 409 from another tab', async ({ page, context }) => {
  const title = `Bleeding a radiator ${stamp}`;
  const made = await createArticle({
    title,
    category: 'Heating',
    audience: { kind: 'customers', customer_ids: [ACME_ID] },
    body: '## What you need\n\nA radiator key and a cloth.\n\n| Step | What to do |\n|---|---|\n| 1 | Turn the heating off |\n| 2 | Open the valve a quarter turn |',
  });

  await page.goto(`/help?q=${encodeURIComponent(stamp)}`);
  await main(page).getByRole('link', { name: title }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  const vote = main(page).getByRole('region', { name: 'Was this helpful?' });
  await vote.getByRole('button', { name: 'Yes' }).click();
  await expect(vote.getByRole('status')).toHaveText('Thank you for your answer.');
  await expect(vote.getByRole('button')).toHaveCount(0);
  await page.reload();
  await expect(vote).toContainText('You found this helpful.');
  await expect(vote.getByRole('button')).toHaveCount(0);

  // Another article, answered in a second tab while the first still offers the buttons: the API's 409.
  const other = await createArticle({
    title: `Topping up boiler pressure ${stamp}`,
    category: 'Heating',
    audience: { kind: 'all' },
    body: 'Use the filling loop until the gauge reads 1.5 bar.',
  });
  await page.goto(`/help/${other.id}`);
  await expect(vote.getByRole('button', { name: 'No' })).toBeVisible();
  const second = await context.newPage();
  await second.goto(`/help/${other.id}`);
  await second.getByRole('main').getByRole('region', { name: 'Was this helpful?' }).getByRole('button', { name: 'No' }).click();
  await expect(second.getByRole('main').getByText('Thank you for your answer.')).toBeVisible();
  await second.close();
  await vote.getByRole('button', { name: 'Yes' }).click();
  await expect(vote).toContainText('You have already answered for this article.');
  await expect(vote).toContainText('You found this not helpful.');
  await expect(vote.getByRole('button')).toHaveCount(0);
  await checkPage(page, 'help-article-answered');

  // The newest articles are on the home page.
  await page.goto('/');
  const latest = main(page).getByRole('region', { name: 'Latest help articles' });
  await expect(latest.getByRole('link', { name: other.title })).toHaveAttribute('href', `/help/${other.id}`);
  await expect(latest.getByRole('link', { name: title })).toHaveAttribute('href', `/help/${made.id}`);
});

test('an article whose Markdown carries a script, an event handler and a javascript: link runs none of them', async ({ page }) => {
  const title = `Unsafe markup ${stamp}`;
  const made = await createArticle({
    title,
    category: 'Browser tests',
    audience: { kind: 'all' },
    body: 'Before.\n\n<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n\n[click](javascript:alert(1))\n\nAfter.',
  });
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
    throw new Error(`a dialog opened: ${dialog.message()}`);
  });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));

  await page.goto(`/help/${made.id}`);
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  const body = page.getByRole('article', { name: title });
  await expect(body).toContainText('Before.');
  await expect(body).toContainText('After.');
  await expect(body.locator('script')).toHaveCount(0);
  await expect(body.locator('[onerror]')).toHaveCount(0);
  await expect(body.locator('a[href^="javascript" i]')).toHaveCount(0);
  // The link's text stays; clicking it goes nowhere and runs nothing.
  await body.getByText('click', { exact: true }).click();
  await page.waitForTimeout(500);
  await expect(page).toHaveURL(new RegExp(`/help/${made.id}$`));
  expect(dialogs).toEqual([]);
  expect(errors).toEqual([]);
  expect(await page.evaluate(() => document.querySelectorAll('main script').length)).toBe(0);
});
