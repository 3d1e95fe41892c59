import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Link } from 'react-router';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { expectLocation, json, Where } from '../../../test/fakeNetwork';
import { ONE_OF_EACH, renderWith, result, signedInAlice, SITE_ID } from '../testing';
import SearchPage from './SearchPage';

const net = await vi.hoisted(async () => (await import('../../../test/fakeNetwork')).installFakeNetwork());

function renderAt(route: string) {
  return renderWith(
    <>
      <SearchPage />
      <Where />
    </>,
    { path: '/search', route },
  );
}

const searches = () => net.requests().filter((r) => r.startsWith('GET /portal/search'));
const box = () => screen.getByRole('searchbox', { name: 'Search' });

beforeEach(() => {
  signedInAlice();
  net.calls = [];
  net.routes = { '/portal/search': json(200, { items: ONE_OF_EACH, partial: false }) };
});

describe('SearchPage', () => {
  it('lists the results of the words in the address, each a link to its page with its kind and detail', async () => {
    renderAt('/search?q=ext');
    const list = await screen.findByRole('list', { name: 'Results' });
    expect(box()).toHaveValue('ext');
    expect(searches()).toEqual(['GET /portal/search?q=ext']);
    expect(screen.getByRole('status')).toHaveTextContent('10 results for “ext”');

    const href = (name: string) => within(list).getByRole('link', { name }).getAttribute('href');
    expect(href('Acme House')).toBe(`/sites/${SITE_ID}`);
    // Assets and defects have no page of their own: their property's.
    expect(href('Extinguisher EXT-001')).toBe(`/sites/${SITE_ID}`);
    expect(href('Extinguisher pressure low')).toBe(`/sites/${SITE_ID}`);
    expect(href('Annual extinguisher service')).toBe('/quotes/01JQUOTE000000000000000001');
    expect(href('Extinguisher refills')).toBe('/invoices');
    expect(href('Extinguisher inspection')).toBe('/jobs/01JJOB00000000000000000001');
    expect(href('Extinguisher missing')).toBe('/tickets/01JTICKET00000000000000001');
    // A document opens the documents with its folder (the result's detail) open.
    expect(href('Extinguisher certificate.pdf')).toBe('/documents?folder=Certificates%2F2026');
    expect(href('Checking an extinguisher')).toBe('/help/01JARTICLE0000000000000001');
    expect(href('Extinguisher survey')).toBe('/data-sheets/01JSHEET000000000000000001');

    const items = within(list).getAllByRole('listitem');
    expect(items.map((li) => li.textContent)).toEqual([
      'PropertyAcme House1 Example Street, London',
      'AssetExtinguisher EXT-001Ground floor, reception',
      'DefectExtinguisher pressure low',
      'QuoteAnnual extinguisher serviceQ-1001',
      'InvoiceExtinguisher refillsINV-1111',
      'JobExtinguisher inspectionJ-2001',
      'TicketExtinguisher missing#1042',
      'DocumentExtinguisher certificate.pdfCertificates/2026',
      'Help articleChecking an extinguisherLook at the gauge.',
      'Data sheetExtinguisher surveyAlice Archer',
    ]);
  });

  it('follows the typing into the address and the request, after a pause', async () => {
    const user = userEvent.setup();
    renderAt('/search');
    expect(searches()).toEqual([]);
    await user.type(box(), 'acme house');
    await expectLocation('/search?q=acme+house');
    expect(await screen.findByRole('list', { name: 'Results' })).toBeInTheDocument();
    // One request for the words as they stood when typing paused, none per key.
    expect(searches()).toEqual(['GET /portal/search?q=acme%20house']);
  });

  it('asks nothing for a query without a word of two letters or a number, and says what is needed', async () => {
    const user = userEvent.setup();
    renderAt('/search');
    await user.type(box(), 'a');
    await expectLocation('/search?q=a');
    expect(await screen.findByText('Type a word of at least two letters, or a number.')).toBeInTheDocument();
    await new Promise((r) => setTimeout(r, 300));
    expect(searches()).toEqual([]);
    expect(screen.queryByRole('list', { name: 'Results' })).not.toBeInTheDocument();

    // A single digit is a number: that is searched.
    await user.clear(box());
    await user.type(box(), '7');
    await waitFor(() => expect(searches()).toEqual(['GET /portal/search?q=7']));
  });

  it('puts the kind chosen in the address and the request, and All takes it out again', async () => {
    const user = userEvent.setup();
    renderAt('/search?q=ext');
    await screen.findByRole('list', { name: 'Results' });
    await user.selectOptions(screen.getByRole('combobox', { name: 'Show' }), 'Quotes');
    await expectLocation('/search?q=ext&kind=quote');
    await waitFor(() => expect(searches()).toContain('GET /portal/search?q=ext&kind=quote'));

    await user.selectOptions(screen.getByRole('combobox', { name: 'Show' }), 'All');
    await expectLocation('/search?q=ext');
  });

  it('reads the kind and the property from the address, and can drop the property', async () => {
    const user = userEvent.setup();
    renderAt(`/search?q=ext&kind=asset&site=${SITE_ID}`);
    await screen.findByRole('list', { name: 'Results' });
    expect(screen.getByRole('combobox', { name: 'Show' })).toHaveValue('asset');
    expect(searches()).toEqual([`GET /portal/search?q=ext&kind=asset&site_id=${SITE_ID}`]);
    expect(screen.getByText('Only results on one property are shown.')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Search all properties' }));
    await expectLocation('/search?q=ext&kind=asset');
    await waitFor(() => expect(searches()).toContain('GET /portal/search?q=ext&kind=asset'));
  });

  it('says when nothing matched', async () => {
    net.routes['/portal/search'] = json(200, { items: [], partial: false });
    renderAt('/search?q=zzz');
    expect(await screen.findByText('No results for “zzz”.')).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('No results for “zzz”.');
    expect(screen.queryByRole('list', { name: 'Results' })).not.toBeInTheDocument();
  });

  it('asks for more words when some matches may be missing', async () => {
    net.routes['/portal/search'] = json(200, { items: [result()], partial: true });
    renderAt('/search?q=ac');
    await screen.findByRole('list', { name: 'Results' });
    expect(screen.getByText(/^Some matches may be missing/)).toHaveTextContent('Add a word or type more of one to narrow the search.');
  });

  it('shows the problem when the API refuses the words', async () => {
    net.routes['/portal/search'] = json(400, {
      type: 'https://portal.example/problems/bad-request',
      title: 'Bad Request',
      status: 400,
      detail: 'q: must have at most 8 words',
      errors: [{ field: 'q', message: 'must have at most 8 words' }],
    });
    renderAt('/search?q=one+two+three+four+five+six+seven+eight+nine');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Search: must have at most 8 words');
    // Asking again would not help.
    expect(within(alert).queryByRole('button', { name: 'Try again' })).not.toBeInTheDocument();
    expect(searches()).toHaveLength(1);
  });

  it('searches at once on Enter', async () => {
    const user = userEvent.setup();
    renderAt('/search?q=ext');
    await screen.findByRole('list', { name: 'Results' });
    await user.clear(box());
    await user.type(box(), 'acme{Enter}');
    await expectLocation('/search?q=acme');
    await waitFor(() => expect(searches()).toEqual(['GET /portal/search?q=ext', 'GET /portal/search?q=acme']));
  });

  it('takes new words arriving in the address from elsewhere (the header’s box, Back) into the box', async () => {
    const user = userEvent.setup();
    renderWith(
      <>
        <SearchPage />
        <Link to="/search?q=riverside">elsewhere</Link>
        <Where />
      </>,
      { path: '/search', route: '/search?q=ext' },
    );
    await screen.findByRole('list', { name: 'Results' });
    await user.click(screen.getByRole('link', { name: 'elsewhere' }));
    await expectLocation('/search?q=riverside');
    expect(box()).toHaveValue('riverside');
    await waitFor(() => expect(searches()).toEqual(['GET /portal/search?q=ext', 'GET /portal/search?q=riverside']));
  });
});
