import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { json } from '../../../test/fakeNetwork';
import { article, renderWith, signedInAlice } from '../testing';
import ArticlePage from './ArticlePage';

const net = await vi.hoisted(async () => (await import('../../../test/fakeNetwork')).installFakeNetwork());

const ID = '01JARTICLE0000000000000001';
const PATH = `/portal/articles/${ID}`;

function renderArticle(id = ID) {
  return renderWith(<ArticlePage />, { path: '/help/:id', route: `/help/${id}` });
}

declare global {
  interface Window {
    __x?: number;
  }
}

beforeEach(() => {
  signedInAlice();
  delete window.__x;
  net.calls = [];
  net.routes = { [PATH]: json(200, article()) };
});

describe('ArticlePage', () => {
  it('shows the title, the category linking to its articles, the dates and the body', async () => {
    renderArticle();
    expect(await screen.findByRole('heading', { level: 1, name: 'Resetting a tripped boiler' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Heating' })).toHaveAttribute('href', '/help?category=Heating');
    const times = screen.getAllByText((_, el) => el?.tagName === 'TIME');
    expect(times.map((t) => t.getAttribute('datetime'))).toEqual(['2026-11-02T09:00:00Z', '2026-11-20T09:00:00Z']);
    const body = screen.getByRole('article', { name: 'Resetting a tripped boiler' });
    // The article's headings sit under the page's one h1.
    expect(within(body).getByRole('heading', { level: 3, name: 'Before you call' })).toBeInTheDocument();
    expect(within(body).getByRole('listitem')).toHaveTextContent('Check the gas supply.');
    expect(screen.getByRole('link', { name: 'All help articles' })).toHaveAttribute('href', '/help');
  });

  it('sanitises the body before inserting it: no script, no event handler, no javascript: link', async () => {
    net.routes[PATH] = json(
      200,
      article({
        body_html:
          '<p>Read this.</p><script>window.__x=1</script><img src=x onerror="window.__x=1"><a href="javascript:window.__x=1">x</a>',
      }),
    );
    renderArticle();
    const body = await screen.findByRole('article', { name: 'Resetting a tripped boiler' });
    expect(body).toHaveTextContent('Read this.');
    expect(body.querySelector('script')).toBeNull();
    expect(document.querySelector('script')).toBeNull();
    expect(body.querySelector('[onerror]')).toBeNull();
    for (const el of Array.from(body.querySelectorAll('*'))) {
      expect(Array.from(el.attributes).filter((a) => a.name.startsWith('on'))).toEqual([]);
    }
    for (const a of Array.from(body.querySelectorAll('a'))) expect(a.getAttribute('href') ?? '').not.toMatch(/^\s*javascript:/i);
    expect(body.querySelector('a[href^="javascript" i]')).toBeNull();
    // The link's text stays, the link itself does not lead anywhere; nothing ran.
    expect(body).toHaveTextContent('x');
    await new Promise((r) => setTimeout(r, 20));
    expect(window.__x).toBeUndefined();
  });

  it('says an article that is not there, or not for this company, was not found', async () => {
    net.routes[PATH] = json(404, { type: 'https://portal.example.com/problems/not-found', title: 'Not found', status: 404 });
    renderArticle();
    expect(await screen.findByRole('heading', { level: 1, name: 'Article not found' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'All help articles' })).toHaveAttribute('href', '/help');
  });

  it('asks "Was this helpful?", sends the answer and thanks in place of the buttons', async () => {
    const user = userEvent.setup();
    net.routes[`${PATH}/vote`] = json(200, { helpful: true });
    renderArticle();
    const vote = await screen.findByRole('region', { name: 'Was this helpful?' });
    await user.click(within(vote).getByRole('button', { name: 'Yes' }));
    expect(await within(vote).findByRole('status')).toHaveTextContent('Thank you for your answer.');
    expect(within(vote).queryByRole('button')).not.toBeInTheDocument();
    expect(net.calls.filter((c) => c.method === 'POST')).toEqual([
      { method: 'POST', path: `${PATH}/vote`, search: '', body: { helpful: true } },
    ]);
  });

  it('sends No as not helpful', async () => {
    const user = userEvent.setup();
    net.routes[`${PATH}/vote`] = json(200, { helpful: false });
    renderArticle();
    const vote = await screen.findByRole('region', { name: 'Was this helpful?' });
    await user.click(within(vote).getByRole('button', { name: 'No' }));
    expect(await within(vote).findByText('Thank you for your answer.')).toBeInTheDocument();
    expect(net.calls.find((c) => c.method === 'POST')?.body).toEqual({ helpful: false });
  });

  it('shows the answer already given instead of the buttons', async () => {
    net.routes[PATH] = json(200, article({ my_vote: false }));
    renderArticle();
    const vote = await screen.findByRole('region', { name: 'Was this helpful?' });
    expect(vote).toHaveTextContent('You found this not helpful.');
    expect(within(vote).queryByRole('button')).not.toBeInTheDocument();
  });

  it('on a 409 (answered meanwhile, elsewhere) says so, reads the article again and shows that answer', async () => {
    const user = userEvent.setup();
    let answered = false;
    net.routes[PATH] = () => json(200, article({ my_vote: answered ? true : null }))();
    net.routes[`${PATH}/vote`] = () => {
      answered = true;
      return json(409, { type: 'https://portal.example.com/problems/conflict', title: 'Conflict', status: 409, detail: 'you have already answered for this article' })();
    };
    renderArticle();
    const vote = await screen.findByRole('region', { name: 'Was this helpful?' });
    await user.click(within(vote).getByRole('button', { name: 'No' }));
    expect(await within(vote).findByText('You have already answered for this article.')).toBeInTheDocument();
    expect(within(vote).queryByRole('button')).not.toBeInTheDocument();
    expect(within(vote).queryByRole('alert')).not.toBeInTheDocument();
    expect(await within(vote).findByText('You found this helpful.')).toBeInTheDocument();
    await waitFor(() => expect(net.requests().filter((r) => r === `GET ${PATH}`)).toHaveLength(2));
  });

  it('shows another failure of the vote and keeps the buttons to try again', async () => {
    const user = userEvent.setup();
    net.routes[`${PATH}/vote`] = json(503, { title: 'Unavailable', status: 503 });
    renderArticle();
    const vote = await screen.findByRole('region', { name: 'Was this helpful?' });
    await user.click(within(vote).getByRole('button', { name: 'Yes' }));
    expect(await within(vote).findByRole('alert')).toHaveTextContent('The portal is busy');
    expect(within(vote).getByRole('button', { name: 'Yes' })).toBeInTheDocument();
  });
});
