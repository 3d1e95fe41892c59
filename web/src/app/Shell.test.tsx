import { QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { GROUP, NORTHERN_ID } from '../features/groups/testing';
import { makeQueryClient } from '../lib/queryClient';
import { clearViewedCustomer, VIEW_HEADER } from '../lib/portalView';
import { resetSession, signedIn } from '../lib/session';
import { json } from '../test/fakeNetwork';
import { RequireModule } from './RequireModule';
import { Shell } from './Shell';

const net = await vi.hoisted(async () => (await import('../test/fakeNetwork')).installFakeNetwork());

const company = {
  id: 'AC', name: 'Acme Facilities Ltd', phone: null, email: null,
  address: { line1: '1 Example Street', city: 'London', postcode: 'EX1 1AA', country: 'United Kingdom' },
};
const contact = { id: 'c1', first_name: 'Alice', last_name: 'Archer', username: 'alice.acme', email: 'alice@acme.example' };

/** /portal/me as the server answers it: the viewed customer's modules and name with the view header. */
const me = (request: Request) =>
  request.headers.get(VIEW_HEADER) === NORTHERN_ID
    ? json(200, { contact, company, account_managers: [], modules: ['sites'], viewing: { id: NORTHERN_ID, name: 'Acme Northern Ltd' } })()
    : json(200, { contact, company, account_managers: [], modules: ['main_info', 'tickets'], viewing: null })();

function renderShell() {
  return render(
    <QueryClientProvider client={makeQueryClient()}>
      <MemoryRouter initialEntries={['/']}>
        <Routes>
          <Route element={<Shell />}>
            <Route
              index
              element={
                <RequireModule module="sites">
                  <h1>Properties page</h1>
                </RequireModule>
              }
            />
          </Route>
        </Routes>
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

beforeEach(() => {
  resetSession();
  signedIn({ id_token: `x.${btoa(JSON.stringify({ sub: 'c1', exp: 4102444800 }))}.y`, expires_in: 3600 });
  clearViewedCustomer();
  sessionStorage.clear();
  net.calls = [];
  net.routes = { '/portal/me': me, '/portal/group': json(200, GROUP) };
});

afterEach(() => {
  cleanup();
  clearViewedCustomer();
});

describe('Shell', () => {
  it('offers the viewed portal’s modules after a switch, reading /portal/me again for it', async () => {
    const user = userEvent.setup();
    renderShell();
    const nav = await screen.findByRole('navigation', { name: 'Main' });
    expect(within(nav).getByRole('link', { name: 'Tickets' })).toBeInTheDocument();
    expect(within(nav).queryByRole('link', { name: 'Properties' })).not.toBeInTheDocument();
    expect(await screen.findByRole('heading', { name: 'Not available' })).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: /^Switch portal/ }));
    await user.click(within(screen.getByRole('list', { name: 'Portals of your group' })).getByRole('button', { name: 'Acme Northern Ltd' }));

    expect(await screen.findByRole('heading', { name: 'Properties page' })).toBeInTheDocument();
    const viewedNav = screen.getByRole('navigation', { name: 'Main' });
    expect(within(viewedNav).getByRole('link', { name: 'Properties' })).toBeInTheDocument();
    expect(within(viewedNav).queryByRole('link', { name: 'Tickets' })).not.toBeInTheDocument();
    // The header names the portal in view, as /portal/me says.
    expect(screen.getByRole('link', { name: 'Acme Northern Ltd' })).toHaveAttribute('href', '/');
    await waitFor(() => expect(net.requests().filter((r) => r === 'GET /portal/me')).toHaveLength(2));
  });

  it.each([
    { label: 'Help', module: 'knowledge_base', href: '/help' },
    { label: 'Projects', module: 'projects', href: '/projects' },
  ])('offers $label only when the $module module is on', async ({ label, module, href }) => {
    renderShell();
    const nav = await screen.findByRole('navigation', { name: 'Main' });
    expect(within(nav).queryByRole('link', { name: label })).not.toBeInTheDocument();
    cleanup();

    net.routes['/portal/me'] = json(200, { contact, company, account_managers: [], modules: ['main_info', module], viewing: null });
    renderShell();
    const withIt = await screen.findByRole('navigation', { name: 'Main' });
    expect(within(withIt).getByRole('link', { name: label })).toHaveAttribute('href', href);
  });
});
