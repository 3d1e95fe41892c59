// The reports module gates the menu's entry and the page, as every module does.
import { QueryClientProvider } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { RequireModule } from '../../app/RequireModule';
import { Shell } from '../../app/Shell';
import { GROUP } from '../groups/testing';
import { makeQueryClient } from '../../lib/queryClient';
import { clearViewedCustomer } from '../../lib/portalView';
import { json } from '../../test/fakeNetwork';
import { signedInAlice } from './testing';

const net = await vi.hoisted(async () => (await import('../../test/fakeNetwork')).installFakeNetwork());

const company = {
  id: 'AC', name: 'Acme Facilities Ltd', phone: null, email: null,
  address: { line1: '1 Example Street', city: 'London', postcode: 'EX1 1AA', country: 'United Kingdom' },
};
const contact = { id: 'c1', first_name: 'Alice', last_name: 'Archer', username: 'alice.acme', email: 'alice@acme.example' };

function renderAt(modules: string[]) {
  net.routes['/portal/me'] = json(200, { contact, company, account_managers: [], modules, viewing: null });
  return render(
    <QueryClientProvider client={makeQueryClient()}>
      <MemoryRouter initialEntries={['/reports']}>
        <Routes>
          <Route element={<Shell />}>
            <Route
              path="reports"
              element={
                <RequireModule module="reports">
                  <h1>Activity report page</h1>
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
  signedInAlice();
  clearViewedCustomer();
  sessionStorage.clear();
  net.calls = [];
  net.routes = { '/portal/group': json(200, GROUP) };
});

describe('the reports module', () => {
  it('puts Reports in the menu and opens the page when it is on', async () => {
    renderAt(['tickets', 'reports']);
    const nav = await screen.findByRole('navigation', { name: 'Main' });
    expect(within(nav).getByRole('link', { name: 'Reports' })).toHaveAttribute('href', '/reports');
    expect(await screen.findByRole('heading', { name: 'Activity report page' })).toBeInTheDocument();
  });

  it('leaves Reports out of the menu, and the page says it is not available, when it is off', async () => {
    renderAt(['tickets']);
    const nav = await screen.findByRole('navigation', { name: 'Main' });
    expect(within(nav).getByRole('link', { name: 'Tickets' })).toBeInTheDocument();
    expect(within(nav).queryByRole('link', { name: 'Reports' })).not.toBeInTheDocument();
    expect(await screen.findByRole('heading', { name: 'Not available' })).toBeInTheDocument();
  });
});
