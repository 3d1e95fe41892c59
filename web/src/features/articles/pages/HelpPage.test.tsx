import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { expectLocation, json, Where } from '../../../test/fakeNetwork';
import { CATEGORIES, renderWith, signedInAlice, summary, SUMMARIES } from '../testing';
import HelpPage from './HelpPage';

const net = await vi.hoisted(async () => (await import('../../../test/fakeNetwork')).installFakeNetwork());

function renderAt(route: string) {
  return renderWith(
    <>
      <HelpPage />
      <Where />
    </>,
    { path: '/help', route },
  );
}

const lists = () => net.requests().filter((r) => r.startsWith('GET /portal/articles?'));
const box = () => screen.getByRole('searchbox', { name: 'Keyword' });
const categories = () => screen.getByRole('navigation', { name: 'Categories' });

beforeEach(() => {
  signedInAlice();
  net.calls = [];
  net.routes = {
    '/portal/articles/categories': json(200, CATEGORIES),
    '/portal/articles': (request) => {
      const url = new URL(request.url);
      const category = url.searchParams.get('category');
      const q = url.searchParams.get('q')?.toLowerCase();
      const items = SUMMARIES.filter(
        (a) => (!category || a.category === category) && (!q || `${a.title} ${a.summary}`.toLowerCase().includes(q)),
      );
      return json(200, { items, next_cursor: null })();
    },
  };
});

describe('HelpPage', () => {
  it('lists the categories with their counts and the newest articles, each a link with its category, date and summary', async () => {
    renderAt('/help');
    expect(screen.getByRole('heading', { level: 1, name: 'Help articles' })).toBeInTheDocument();
    const list = await screen.findByRole('list', { name: 'All articles' });
    const items = within(list).getAllByRole('listitem');
    expect(items).toHaveLength(3);
    expect(within(items[0]!).getByRole('link', { name: 'Resetting a tripped boiler' })).toHaveAttribute('href', '/help/01JARTICLE0000000000000001');
    expect(items[0]).toHaveTextContent('Heating');
    expect(items[0]).toHaveTextContent('Before you call Check the gas supply and the thermostat.');
    expect(within(items[0]!).getByText((_, el) => el?.tagName === 'TIME')).toHaveAttribute('datetime', '2026-11-02T09:00:00Z');

    const nav = categories();
    expect(await within(nav).findByRole('link', { name: 'Heating 1 article' })).toHaveAttribute('href', '/help?category=Heating');
    expect(within(nav).getByRole('link', { name: 'Using the portal 2 articles' })).toHaveAttribute('href', '/help?category=Using+the+portal');
    // All: the sum of the categories, and the one shown.
    expect(within(nav).getByRole('link', { name: 'All articles 5 articles' })).toHaveAttribute('aria-current', 'true');
    expect(lists()).toEqual(['GET /portal/articles?limit=20']);
    // No "More" on the last page.
    expect(screen.queryByRole('button', { name: 'More articles' })).not.toBeInTheDocument();
  });

  it('filters by the category chosen, kept in the address', async () => {
    const user = userEvent.setup();
    renderAt('/help');
    await user.click(await within(categories()).findByRole('link', { name: /^Heating/ }));
    await expectLocation('/help?category=Heating');
    const list = await screen.findByRole('list', { name: 'Articles in Heating' });
    expect(within(list).getAllByRole('listitem')).toHaveLength(1);
    expect(within(categories()).getByRole('link', { name: /^Heating/ })).toHaveAttribute('aria-current', 'true');
    expect(within(categories()).getByRole('link', { name: /^All articles/ })).not.toHaveAttribute('aria-current');
    expect(lists()).toContain('GET /portal/articles?category=Heating&limit=20');
  });

  it('searches the keyword submitted, keeps it in the address with the category, and says when nothing matches', async () => {
    const user = userEvent.setup();
    renderAt('/help?category=Heating');
    await screen.findByRole('list', { name: 'Articles in Heating' });
    await user.type(box(), 'boiler');
    // Nothing is asked until the keyword is submitted.
    expect(lists().some((r) => r.includes('q='))).toBe(false);
    await user.click(screen.getByRole('button', { name: 'Search' }));
    await expectLocation('/help?category=Heating&q=boiler');
    const list = await screen.findByRole('list', { name: 'Articles in Heating matching “boiler”' });
    expect(within(list).getByRole('link', { name: 'Resetting a tripped boiler' })).toBeInTheDocument();
    expect(lists()).toContain('GET /portal/articles?category=Heating&q=boiler&limit=20');
    // The category links keep the keyword.
    expect(within(categories()).getByRole('link', { name: /^Sites/ })).toHaveAttribute('href', '/help?category=Sites&q=boiler');

    await user.clear(box());
    await user.type(box(), 'zebra{Enter}');
    await expectLocation('/help?category=Heating&q=zebra');
    // Said in a live region, so it is heard from the box.
    expect((await screen.findByText('No articles match “zebra”.')).closest('[role="status"]')).not.toBeNull();
    expect(screen.getByRole('link', { name: 'Clear the search' })).toHaveAttribute('href', '/help?category=Heating');
    expect(screen.getByRole('link', { name: 'Show all categories' })).toHaveAttribute('href', '/help?q=zebra');
  });

  it('says a keyword is too short at the box, and asks nothing for it', async () => {
    const user = userEvent.setup();
    renderAt('/help');
    await screen.findByRole('list', { name: 'All articles' });
    net.calls = [];
    await user.type(box(), 'a{Enter}');
    await expectLocation('/help?q=a');
    expect(box()).toHaveAttribute('aria-invalid', 'true');
    expect(box()).toHaveAccessibleDescription(expect.stringContaining('Type a keyword of at least two characters.'));
    expect(screen.queryByRole('list', { name: /^Articles/ })).not.toBeInTheDocument();
    await new Promise((r) => setTimeout(r, 50));
    expect(lists()).toEqual([]);
  });

  it('shows the API’s refusal of a keyword', async () => {
    net.routes['/portal/articles'] = json(400, {
      type: 'https://portal.example.com/problems/validation', title: 'Bad request', status: 400,
      errors: [{ field: 'q', message: 'must be 2 to 100 characters' }],
    });
    renderAt('/help?q=xy');
    expect(await screen.findByRole('alert')).toHaveTextContent('Keyword: must be 2 to 100 characters');
  });

  it('adds the next page under the first with "More", asking with the cursor', async () => {
    const user = userEvent.setup();
    net.routes['/portal/articles'] = (request) => {
      const cursor = new URL(request.url).searchParams.get('cursor');
      return cursor === 'p2'
        ? json(200, { items: [summary({ id: 'A4', title: 'Testing emergency lighting monthly', category: 'Fire safety' })], next_cursor: null })()
        : json(200, { items: SUMMARIES, next_cursor: 'p2' })();
    };
    renderAt('/help');
    const list = await screen.findByRole('list', { name: 'All articles' });
    await user.click(screen.getByRole('button', { name: 'More articles' }));
    expect(await within(list).findByRole('link', { name: 'Testing emergency lighting monthly' })).toBeInTheDocument();
    expect(within(list).getAllByRole('listitem')).toHaveLength(4);
    expect(lists()).toEqual(['GET /portal/articles?limit=20', 'GET /portal/articles?limit=20&cursor=p2']);
    expect(screen.queryByRole('button', { name: 'More articles' })).not.toBeInTheDocument();
  });
});
