import { QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { makeQueryClient } from '../../../lib/queryClient';
import { resetSession, signedIn } from '../../../lib/session';
import HomePage from './HomePage';
import { json } from '../../../test/fakeNetwork';

const net = await vi.hoisted(async () => (await import('../../../test/fakeNetwork')).installFakeNetwork());

// The panels' charts need a canvas (not in jsdom); their tables carry the same figures.
vi.mock('../../sites/components/DefectsChart', () => ({ default: () => <p>defects chart</p> }));
vi.mock('../../billing/components/SpendChart', () => ({ default: () => <p>spend chart</p> }));
vi.mock('../../../components/MonthBarsChart', () => ({ default: () => <p>months chart</p> }));

const ALL = ['main_info', 'contacts', 'tickets', 'ticket_dashboard', 'jobs', 'workflows', 'data_sheets', 'documents', 'news'];

function me(modules: string[]) {
  return {
    contact: { id: 'c1', first_name: 'Alice', last_name: 'Archer', username: 'alice.acme', email: 'alice@acme.example' },
    company: {
      id: 'AC', name: 'Acme Facilities Ltd', phone: '+44 20 7946 0100', email: 'office@ac.example',
      address: { line1: '1 Example Street', city: 'London', postcode: 'EX1 1AA', country: 'United Kingdom' },
    },
    account_managers: [],
    modules,
  };
}

const doc = (id: string, name: string, created_at: string) => ({ id, name, content_type: 'application/pdf', size: 2048, created_at });
const TREE = {
  name: '', path: '/', documents: [doc('d1', 'Old contract.pdf', '2025-01-01T00:00:00Z')],
  folders: [
    { name: 'Reports', path: '/Reports', documents: [doc('d2', 'March report.pdf', '2026-03-01T00:00:00Z')],
      folders: [{ name: '2026', path: '/Reports/2026', folders: [], documents: [
        doc('d3', 'April report.pdf', '2026-04-01T00:00:00Z'), doc('d4', 'May report.pdf', '2026-05-01T00:00:00Z'),
        doc('d5', 'June report.pdf', '2026-06-01T00:00:00Z'), doc('d6', 'July report.pdf', '2026-07-01T00:00:00Z'),
      ] }] },
  ],
};
const TICKETS = {
  items: [
    { id: 't1', number: 1042, subject: 'Boiler pressure low', status: 'waiting_on_customer', created_at: '2026-07-02T09:00:00Z' },
    { id: 't2', number: 1041, subject: 'Door access card', status: 'new', created_at: '2026-07-01T09:00:00Z' },
  ],
};

function renderHome() {
  return render(
    <QueryClientProvider client={makeQueryClient()}>
      <MemoryRouter>
        <HomePage />
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

beforeEach(() => {
  resetSession();
  signedIn({ id_token: `x.${btoa(JSON.stringify({ sub: 'c1', exp: 4102444800 }))}.y`, expires_in: 3600 });
  net.calls = [];
  net.routes = {
    '/portal/me': json(200, me(ALL)),
    '/portal/tickets': json(200, TICKETS),
    '/portal/documents': json(200, TREE),
    '/portal/documents/d6/link': json(200, { url: 'https://files.example/d6', expires_at: '2026-07-02T10:05:00Z', disposition: 'inline' }),
  };
});

/** The field service and portfolio modules, each with its panel's heading and its one request. */
const PANELS: { module: string; heading: string; request: string }[] = [
  { module: 'site_map', heading: 'Map of your properties', request: 'GET /portal/sites/map' },
  { module: 'sites', heading: 'Properties', request: 'GET /portal/sites?limit=10' },
  { module: 'activity', heading: 'Quotes and invoices', request: 'GET /portal/activity' },
  { module: 'spend', heading: 'Spend', request: 'GET /portal/spend' },
  { module: 'defect_analytics', heading: 'Defects', request: 'GET /portal/defects/summary' },
  { module: 'routine', heading: 'Routine activities', request: `GET /portal/routine/summary?year=${new Date().getFullYear()}` },
  { module: 'service_calls', heading: 'Service calls', request: 'GET /portal/service-calls/summary' },
];
const FIELD = PANELS.map((p) => p.module);
const SITE = {
  id: '01JSITE0000000000000000001',
  name: 'Acme House',
  address: { line1: '1 Example Street', city: 'London', postcode: 'EC1A 1AA', country: 'United Kingdom' },
  attention: {
    open_defects: 3, overdue_invoices: 1, quotes_awaiting: 2, worst_severity: 'critical',
    by_severity: { critical: 1, non_critical: 1, non_conformance: 1, recommendation: 0, information: 0 },
  },
  latitude: null, longitude: null, notes: null, updated_at: '2026-11-01T10:00:00Z', version: 1,
};
const noStages = { on_hold: 0, ready: 0, in_progress: 0, performed: 0, complete: 0 };

function answerPanels() {
  Object.assign(net.routes, {
    '/portal/sites/map': json(200, { type: 'FeatureCollection', features: [], next_cursor: null }),
    '/portal/sites': json(200, { items: [SITE], next_cursor: 'next' }),
    '/portal/activity': json(200, { quotes_awaiting: 2, quotes_expired: 0, invoices_overdue: 1, invoices_due: 0, quote_value: {}, owed: {} }),
    '/portal/spend': json(200, { months: [] }),
    '/portal/defects/summary': json(200, { open_by_severity: {}, months: [{ month: '2026-11', open: 1, resolved: 0 }], assets_by_type: [] }),
    '/portal/routine/summary': json(200, { year: new Date().getFullYear(), months: [] }),
    '/portal/service-calls/summary': json(200, { months: [{ month: '2026-11', by_stage: { ...noStages, complete: 2 } }] }),
  });
}

/** Waits until every shown panel has its answer (no loading message left). */
async function panelsSettled() {
  await waitFor(() => expect(screen.queryAllByText(/Loading/)).toHaveLength(0));
  await new Promise((r) => setTimeout(r, 50));
}

describe('HomePage', () => {
  it('shows everything with at most three API requests', async () => {
    renderHome();
    expect(await screen.findByRole('heading', { level: 1, name: 'Welcome, Alice' })).toBeInTheDocument();
    expect(await screen.findByRole('link', { name: '#1042 Boiler pressure low' })).toHaveAttribute('href', '/tickets/t1');
    expect(screen.getByText('Waiting on you')).toHaveClass('badge');
    expect(await screen.findByRole('button', { name: 'July report.pdf' })).toBeInTheDocument();

    // The five newest documents of the whole tree, newest first; the oldest is left out.
    const names = screen.getAllByRole('button', { name: /\.pdf$/ }).map((b) => b.textContent);
    expect(names).toEqual(['July report.pdf', 'June report.pdf', 'May report.pdf', 'April report.pdf', 'March report.pdf']);

    expect(screen.getByText('Acme Facilities Ltd', { selector: 'dd' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'office@ac.example' })).toHaveAttribute('href', 'mailto:office@ac.example');
    const shortcuts = screen.getByRole('navigation', { name: 'Shortcuts' });
    expect(shortcuts).toHaveTextContent('New ticket');
    expect(shortcuts).toHaveTextContent('Upload a document');
    expect(shortcuts).toHaveTextContent('Data sheets');

    await new Promise((r) => setTimeout(r, 50));
    expect(new Set(net.requests()).size).toBeLessThanOrEqual(3);
    expect(net.requests()).toHaveLength(3);
    expect(net.requests()).toEqual(expect.arrayContaining(['GET /portal/me', 'GET /portal/tickets?limit=5', 'GET /portal/documents']));
  });

  it('with the knowledge base on, lists the latest help articles with one more request', async () => {
    net.routes['/portal/me'] = json(200, me([...ALL, 'knowledge_base']));
    net.routes['/portal/articles'] = json(200, {
      items: [
        { id: 'a1', title: 'Resetting a tripped boiler', category: 'Heating', summary: 'Check the gas.', published_at: '2026-11-02T09:00:00Z', updated_at: '2026-11-02T09:00:00Z' },
        { id: 'a2', title: 'How do I raise a ticket?', category: 'Using the portal', summary: 'Open Tickets.', published_at: '2026-11-01T09:00:00Z', updated_at: '2026-11-01T09:00:00Z' },
      ],
      next_cursor: 'more',
    });
    renderHome();
    const card = await screen.findByRole('region', { name: 'Latest help articles' });
    expect(await within(card).findByRole('link', { name: 'Resetting a tripped boiler' })).toHaveAttribute('href', '/help/a1');
    expect(within(card).getByRole('link', { name: 'How do I raise a ticket?' })).toHaveAttribute('href', '/help/a2');
    expect(within(card).getByText('Heating')).toHaveClass('badge');
    expect(within(card).getByRole('link', { name: 'All help articles' })).toHaveAttribute('href', '/help');
    await screen.findByRole('button', { name: 'July report.pdf' });
    await new Promise((r) => setTimeout(r, 50));
    expect(net.requests()).toHaveLength(4);
    expect(net.requests()).toContain('GET /portal/articles?limit=5');
  });

  it('asks for a document’s link only when it is opened', async () => {
    const user = userEvent.setup();
    const open = vi.spyOn(window, 'open').mockImplementation(() => null);
    renderHome();
    const button = await screen.findByRole('button', { name: 'July report.pdf' });
    expect(net.requests().some((c) => c.includes('/link'))).toBe(false);
    await user.click(button);
    await waitFor(() => expect(open).toHaveBeenCalledWith('https://files.example/d6', '_blank', 'noopener'));
    expect(net.requests().filter((c) => c.includes('/link'))).toEqual(['GET /portal/documents/d6/link']);
  });

  it('leaves out what the company’s modules do not include, and does not ask for it', async () => {
    net.routes['/portal/me'] = json(200, me(['main_info']));
    renderHome();
    expect(await screen.findByRole('heading', { level: 1, name: 'Welcome, Alice' })).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Recent tickets' })).not.toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Recent documents' })).not.toBeInTheDocument();
    expect(screen.queryByRole('navigation', { name: 'Shortcuts' })).not.toBeInTheDocument();
    await new Promise((r) => setTimeout(r, 50));
    expect(net.requests()).toEqual(['GET /portal/me']);
  });

  it('shows each field panel whose module is on, each asking for its figures exactly once', async () => {
    net.routes['/portal/me'] = json(200, me([...ALL, ...FIELD, 'quotes', 'invoices']));
    answerPanels();
    renderHome();
    // The panels are a chunk of their own: the first load of it (and its transform here) may take a while.
    for (const p of PANELS) expect(await screen.findByRole('heading', { level: 2, name: p.heading }, { timeout: 5000 })).toBeInTheDocument();
    await panelsSettled();

    // The properties panel: the first page, its figures linking to the list behind them, and all of them.
    const table = screen.getByRole('table', { name: 'Properties, by name' });
    expect(within(table).getByRole('link', { name: 'Acme House' })).toHaveAttribute('href', '/sites/01JSITE0000000000000000001');
    expect(within(table).getByRole('link', { name: '2 quotes await a decision at Acme House' })).toHaveAttribute(
      'href',
      '/sites/01JSITE0000000000000000001#quotes',
    );
    expect(screen.getByRole('link', { name: 'All properties' })).toHaveAttribute('href', '/sites');

    const requests = net.requests();
    for (const p of PANELS) expect(requests.filter((r) => r === p.request)).toHaveLength(1);
    expect(requests).toHaveLength(3 + PANELS.length);
  });

  it('leaves out a panel whose module is off, and does not ask for its figures', async () => {
    const off = ['site_map', 'spend', 'service_calls'];
    net.routes['/portal/me'] = json(200, me([...ALL, ...FIELD.filter((f) => !off.includes(f))]));
    answerPanels();
    renderHome();
    for (const p of PANELS.filter((x) => !off.includes(x.module))) {
      expect(await screen.findByRole('heading', { level: 2, name: p.heading }, { timeout: 5000 })).toBeInTheDocument();
    }
    await panelsSettled();
    const requests = net.requests();
    for (const p of PANELS) {
      if (off.includes(p.module)) {
        expect(screen.queryByRole('heading', { name: p.heading })).not.toBeInTheDocument();
        expect(requests.some((r) => r.startsWith(p.request.split('?')[0] ?? p.request))).toBe(false);
      } else {
        expect(requests.filter((r) => r === p.request)).toHaveLength(1);
      }
    }
  });
});
