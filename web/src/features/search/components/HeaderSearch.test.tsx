import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { expectLocation, json, Where } from '../../../test/fakeNetwork';
import { renderWith, signedInAlice } from '../testing';
import { HeaderSearch } from './HeaderSearch';

const net = await vi.hoisted(async () => (await import('../../../test/fakeNetwork')).installFakeNetwork());

const me = (modules: string[]) =>
  json(200, {
    contact: { id: 'c1', first_name: 'Alice', last_name: 'Archer', username: 'alice.acme', email: 'alice@acme.example' },
    company: { id: 'AC', name: 'Acme Facilities Ltd', phone: null, email: null, address: {} },
    account_managers: [],
    modules,
    viewing: null,
  });

function renderBox() {
  return renderWith(
    <>
      <HeaderSearch />
      <Where />
    </>,
    { path: '*', route: '/sites' },
  );
}

beforeEach(() => {
  signedInAlice();
  net.calls = [];
});

describe('HeaderSearch', () => {
  it('opens the search page with the words typed, and is empty again for the next search', async () => {
    net.routes = { '/portal/me': me(['sites', 'search']) };
    const user = userEvent.setup();
    renderBox();
    const landmark = await screen.findByRole('search', { name: 'Portal search' });
    expect(landmark).toBeInTheDocument();
    const box = screen.getByRole('searchbox', { name: 'Search the portal' });
    await user.type(box, '  acme house ');
    await user.click(screen.getByRole('button', { name: 'Search' }));
    await expectLocation('/search?q=acme%20house');
    expect(box).toHaveValue('');

    // Enter does the same; nothing typed opens the page without words.
    await user.type(box, '{Enter}');
    await expectLocation(/^\/search$/);
    // The box itself asks the API nothing: the page does.
    expect(net.requests()).toEqual(['GET /portal/me']);
  });

  it('is not there while the company has search off', async () => {
    net.routes = { '/portal/me': me(['sites']) };
    renderBox();
    await waitFor(() => expect(net.requests()).toEqual(['GET /portal/me']));
    // Give the answer a moment to be drawn.
    await new Promise((r) => setTimeout(r, 50));
    expect(screen.queryByRole('search')).not.toBeInTheDocument();
    expect(screen.queryByRole('searchbox')).not.toBeInTheDocument();
  });
});
