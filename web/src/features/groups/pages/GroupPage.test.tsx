import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { clearViewedCustomer, getViewedCustomer, setViewedCustomer, VIEW_HEADER } from '../../../lib/portalView';
import { resetSession, signedIn } from '../../../lib/session';
import { json, Where } from '../../../test/fakeNetwork';
import { renderWith } from '../../../test/render';
import { site } from '../../sites/testing';
import { GROUP, NORTHERN_ID } from '../testing';
import GroupPage from './GroupPage';

const net = await vi.hoisted(async () => (await import('../../../test/fakeNetwork')).installFakeNetwork());

const HOME_ID = GROUP.customers[0]!.id;
const feature = (id: string, name: string, lng: number, lat: number) => ({
  type: 'Feature',
  id,
  geometry: { type: 'Point', coordinates: [lng, lat] },
  properties: { name, open_defects: 1, worst_severity: 'critical' },
});

/** What each company answers: its map (null: 404, the module is off) and its first page of sites. */
const ANSWERS: Record<string, { map: unknown[] | null; sites: { items: unknown[]; next_cursor: string | null } }> = {
  [HOME_ID]: {
    map: [feature('S-HOUSE', 'Acme House', -0.0982, 51.5203)],
    sites: { items: [site({ id: 'S-HOUSE', name: 'Acme House' })], next_cursor: 'more' },
  },
  [NORTHERN_ID]: {
    map: [feature('S-LEEDS', 'Leeds Office', -1.5491, 53.8008)],
    sites: {
      items: [
        site({
          id: 'S-LEEDS',
          name: 'Leeds Office',
          attention: { open_defects: 4, overdue_invoices: 2, quotes_awaiting: 5, worst_severity: 'non_conformance', by_severity: {} },
        }),
      ],
      next_cursor: null,
    },
  },
};

/** Answers by the company the request names; a request naming none (or another) gets 404. */
const byCompany = (pick: (a: (typeof ANSWERS)[string]) => unknown) => (request: Request) => {
  const answers = ANSWERS[request.headers.get(VIEW_HEADER) ?? ''];
  const body = answers ? pick(answers) : null;
  return body === null ? json(404, { title: 'Not Found' })() : json(200, body)();
};

function renderPage() {
  return renderWith(
    <>
      <GroupPage />
      <Where />
    </>,
    { path: '/*', route: '/group' },
  );
}

const rows = (table: HTMLElement) =>
  within(table)
    .getAllByRole('row')
    .map((r) => [...r.querySelectorAll('th, td')].map((c) => c.textContent));

beforeEach(() => {
  sessionStorage.clear();
  clearViewedCustomer();
  resetSession();
  signedIn({ id_token: `x.${btoa(JSON.stringify({ sub: 'c1', exp: 4102444800 }))}.y`, expires_in: 3600 });
  net.calls = [];
  net.routes = {
    '/portal/group': json(200, GROUP),
    '/portal/sites/map': byCompany((a) => (a.map ? { type: 'FeatureCollection', features: a.map, next_cursor: null } : null)),
    '/portal/sites': byCompany((a) => a.sites),
  };
});

afterEach(() => {
  cleanup();
  clearViewedCustomer();
});

describe('GroupPage’s properties', () => {
  it('asks each company once for its map and its sites, naming it in the header whatever is in view', async () => {
    setViewedCustomer(NORTHERN_ID);
    const headers: string[] = [];
    const answer = net.routes['/portal/sites/map']!;
    net.routes['/portal/sites/map'] = (request) => {
      headers.push(`map ${request.headers.get(VIEW_HEADER)}`);
      return answer(request);
    };
    const sites = net.routes['/portal/sites']!;
    net.routes['/portal/sites'] = (request) => {
      headers.push(`sites ${request.headers.get(VIEW_HEADER)}`);
      return sites(request);
    };
    renderPage();
    await screen.findByRole('table', { name: 'Properties of Acme Group' });
    expect(headers.sort()).toEqual([`map ${HOME_ID}`, `map ${NORTHERN_ID}`, `sites ${HOME_ID}`, `sites ${NORTHERN_ID}`].sort());
    expect(net.requests().filter((r) => r.startsWith('GET /portal/sites?'))).toEqual([
      'GET /portal/sites?limit=100',
      'GET /portal/sites?limit=100',
    ]);
  });

  it('lists both companies’ properties with their company, and says when a company has more', async () => {
    renderPage();
    const table = await screen.findByRole('table', { name: 'Properties of Acme Group' });
    expect(rows(table)).toEqual([
      ['Company', 'Property', 'Open defects needing attention', 'Worst open defect', 'Quotes awaiting', 'Overdue invoices'],
      ['Acme Facilities Ltd', 'Acme House', '3', 'Critical', '2', '1'],
      ['Acme Northern Ltd', 'Leeds Office', '4', 'Non-conformance', '5', '2'],
    ]);
    expect(screen.getByText(/Only the first 100 of Acme Facilities Ltd’s properties are listed here/)).toBeInTheDocument();
    expect(screen.queryByText(/of Acme Northern Ltd’s properties are listed/)).not.toBeInTheDocument();
  });

  it('puts both companies’ pins on the map', async () => {
    renderPage();
    const map = await screen.findByRole('region', { name: 'Map of the group’s properties' });
    expect(map).toHaveAttribute('data-pins', '2');
  });

  it('leaves out a company that answers 404, without an error', async () => {
    ANSWERS[NORTHERN_ID]!.map = null;
    const saved = ANSWERS[NORTHERN_ID]!.sites;
    net.routes['/portal/sites'] = byCompany((a) => (a === ANSWERS[NORTHERN_ID] ? null : a.sites));
    try {
      renderPage();
      const table = await screen.findByRole('table', { name: 'Properties of Acme Group' });
      expect(rows(table).map((r) => r[1])).toEqual(['Property', 'Acme House']);
      const map = await screen.findByRole('region', { name: 'Map of the group’s properties' });
      expect(map).toHaveAttribute('data-pins', '1');
      expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    } finally {
      ANSWERS[NORTHERN_ID]!.map = [feature('S-LEEDS', 'Leeds Office', -1.5491, 53.8008)];
      ANSWERS[NORTHERN_ID]!.sites = saved;
    }
  });

  it('opens a property from the table in its company’s portal', async () => {
    const user = userEvent.setup();
    renderPage();
    const table = await screen.findByRole('table', { name: 'Properties of Acme Group' });
    await user.click(within(table).getByRole('link', { name: 'Leeds Office' }));
    expect(getViewedCustomer()).toBe(NORTHERN_ID);
    expect(screen.getByTestId('where')).toHaveTextContent('/sites/S-LEEDS');
  });

  it('opens one’s own company’s list of properties from its note, back in one’s own portal', async () => {
    setViewedCustomer(NORTHERN_ID);
    const user = userEvent.setup();
    renderPage();
    await user.click(await screen.findByRole('link', { name: 'Open Acme Facilities Ltd’s properties' }));
    expect(getViewedCustomer()).toBeNull();
    expect(screen.getByTestId('where')).toHaveTextContent(/^\/sites$/);
  });

  it('names the company in a pin’s popup, whose link opens the site in that company’s portal', async () => {
    renderPage();
    const map = await screen.findByRole('region', { name: 'Map of the group’s properties' });
    await waitFor(() => expect(map.querySelector('[data-site="S-LEEDS"]')).not.toBeNull());
    fireEvent.click(map.querySelector('[data-site="S-LEEDS"]')!);
    const popup = await waitFor(() => {
      const p = map.querySelector<HTMLElement>('.site-pin-popup');
      expect(p).not.toBeNull();
      return p!;
    });
    expect(popup).toHaveTextContent('Acme Northern Ltd');
    fireEvent.click(within(popup).getByRole('link', { name: 'Leeds Office' }));
    expect(getViewedCustomer()).toBe(NORTHERN_ID);
    expect(screen.getByTestId('where')).toHaveTextContent('/sites/S-LEEDS');
  });
});

describe('GroupPage’s activity report link', () => {
  it('links to the whole group’s activity report', async () => {
    const user = userEvent.setup();
    renderPage();
    const link = await screen.findByRole('link', { name: 'Group activity report' });
    expect(link).toHaveAttribute('href', '/reports?group=1');
    await user.click(link);
    expect(getViewedCustomer()).toBeNull();
    expect(screen.getByTestId('where')).toHaveTextContent('/reports?group=1');
  });

  it('opens the group’s report back in one’s own portal when another company’s is in view', async () => {
    setViewedCustomer(NORTHERN_ID);
    const user = userEvent.setup();
    renderPage();
    await user.click(await screen.findByRole('link', { name: 'Group activity report' }));
    expect(getViewedCustomer()).toBeNull();
    expect(screen.getByTestId('where')).toHaveTextContent('/reports?group=1');
  });

  it('is not offered without a group', async () => {
    net.routes['/portal/group'] = json(404, { title: 'Not Found' });
    renderPage();
    expect(await screen.findByText(/./, { selector: 'p.empty' })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Group activity report' })).not.toBeInTheDocument();
  });
});
