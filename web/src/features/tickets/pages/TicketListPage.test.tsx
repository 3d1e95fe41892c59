import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { resetSession, signedIn } from '../../../lib/session';
import { json } from '../../../test/fakeNetwork';
import { renderWith } from '../../../test/render';
import type { TicketRow } from '../api';
import TicketListPage from './TicketListPage';

const net = await vi.hoisted(async () => (await import('../../../test/fakeNetwork')).installFakeNetwork());

const contact = (over: Record<string, unknown>) => ({
  id: 'c1',
  first_name: 'Alice',
  last_name: 'Archer',
  username: 'alice.acme',
  email: 'alice@acme.example',
  sees_all_tickets: true,
  authorises_quotes: false,
  ticket_scope: 'all',
  ticket_emails_opt_out: false,
  ...over,
});
const me = (over: Record<string, unknown> = {}) => ({
  contact: contact(over),
  company: { id: 'AC', name: 'Acme Facilities Ltd', address: {} },
  account_managers: [],
  modules: ['tickets'],
});

const ROW: TicketRow = {
  id: 'T1',
  number: 1042,
  subject: 'Grievance',
  status: 'new',
  contact: 'Alice Archer',
  created_at: '2026-03-01T09:00:00Z',
  closed_at: null,
  raised_by_me: true,
  confidential: true,
};

const listCalls = () => net.calls.filter((c) => c.path === '/portal/tickets').map((c) => new URLSearchParams(c.search).get('scope'));

beforeEach(() => {
  resetSession();
  signedIn({ id_token: `x.${btoa(JSON.stringify({ sub: 'c1', exp: 4102444800 }))}.y`, expires_in: 3600 });
  net.calls = [];
  net.routes = { '/portal/tickets': json(200, { items: [ROW, { ...ROW, id: 'T2', number: 1043, subject: 'Printer', confidential: false }], next_cursor: null }) };
});

describe('TicketListPage', () => {
  it('starts on the contact’s own list when that is where they start (ticket_scope mine)', async () => {
    net.routes['/portal/me'] = json(200, me({ ticket_scope: 'mine' }));
    renderWith(<TicketListPage />, { path: '/tickets', route: '/tickets' });
    expect(await screen.findByRole('radio', { name: 'Mine' })).toBeChecked();
    expect(screen.getByRole('radio', { name: 'All' })).not.toBeChecked();
    await screen.findByRole('table', { name: 'Open tickets raised by you' });
    expect(listCalls().at(-1)).toBe('mine');
  });

  it('starts on all the company’s tickets when that is the setting, and the address still wins', async () => {
    net.routes['/portal/me'] = json(200, me({ ticket_scope: 'all' }));
    const { unmount } = renderWith(<TicketListPage />, { path: '/tickets', route: '/tickets' });
    expect(await screen.findByRole('radio', { name: 'All' })).toBeChecked();
    await screen.findByRole('table', { name: 'Open tickets of your company' });
    unmount();

    net.routes['/portal/me'] = json(200, me({ ticket_scope: 'all' }));
    renderWith(<TicketListPage />, { path: '/tickets', route: '/tickets?scope=mine' });
    expect(await screen.findByRole('radio', { name: 'Mine' })).toBeChecked();
    await userEvent.click(screen.getByRole('radio', { name: 'All' }));
    expect(await screen.findByRole('table', { name: 'Open tickets of your company' })).toBeInTheDocument();
    expect(listCalls().at(-1)).toBe('all');
  });

  it('offers no Mine / All without the grant, and sends no scope', async () => {
    net.routes['/portal/me'] = json(200, me({ sees_all_tickets: false, ticket_scope: 'mine' }));
    renderWith(<TicketListPage />, { path: '/tickets', route: '/tickets' });
    await screen.findByRole('table');
    expect(screen.queryByRole('radio', { name: 'Mine' })).not.toBeInTheDocument();
    expect(listCalls().at(-1)).toBeNull();
  });

  it('marks confidential rows in words', async () => {
    net.routes['/portal/me'] = json(200, me());
    renderWith(<TicketListPage />, { path: '/tickets', route: '/tickets' });
    const table = await screen.findByRole('table');
    const [, confidential, shared] = within(table).getAllByRole('row');
    expect(confidential).toHaveTextContent('Grievance Confidential');
    expect(shared).not.toHaveTextContent('Confidential');
  });
});
