import { QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { makeQueryClient } from '../../../lib/queryClient';
import { resetSession, signedIn } from '../../../lib/session';
import HomePage from './HomePage';
import { json } from '../../../test/fakeNetwork';

const net = await vi.hoisted(async () => (await import('../../../test/fakeNetwork')).installFakeNetwork());

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
});
