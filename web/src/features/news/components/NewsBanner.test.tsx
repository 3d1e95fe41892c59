import { cleanup, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { clearViewedCustomer, setViewedCustomer } from '../../../lib/portalView';
import { resetSession, signedIn } from '../../../lib/session';
import { json } from '../../../test/fakeNetwork';
import { renderWith } from '../../../test/render';
import { NewsBanner } from './NewsBanner';

const net = await vi.hoisted(async () => (await import('../../../test/fakeNetwork')).installFakeNetwork());

const NEWS = [{ id: 'n1', title: 'Office move', body: 'We move on Monday.', starts_at: '2026-11-01T00:00:00Z' }];

beforeEach(() => {
  resetSession();
  signedIn({ id_token: `x.${btoa(JSON.stringify({ sub: 'c1', exp: 4102444800 }))}.y`, expires_in: 3600 });
  clearViewedCustomer();
  net.calls = [];
  net.routes = { '/portal/news': json(200, NEWS) };
});

afterEach(() => {
  cleanup();
  clearViewedCustomer();
});

describe('NewsBanner', () => {
  it('offers the dismissal in the contact’s own portal', async () => {
    renderWith(<NewsBanner />);
    expect(await screen.findByText('Office move')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Dismiss news' })).toBeInTheDocument();
  });

  it('shows the news in another company’s portal without the dismissal, which is refused there', async () => {
    setViewedCustomer('01JD00000000000000000000AN');
    renderWith(<NewsBanner />);
    expect(await screen.findByText('Office move')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Dismiss news' })).not.toBeInTheDocument();
  });

  it('says a refused dismissal in the usual error alert, keeping the news', async () => {
    net.routes['/portal/news/n1/dismiss'] = json(403, { title: 'Forbidden', status: 403, detail: 'Not in this portal.' });
    const user = userEvent.setup();
    renderWith(<NewsBanner />);
    await user.click(await screen.findByRole('button', { name: 'Dismiss news' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Not in this portal.');
    expect(screen.getByText('Office move')).toBeInTheDocument();
    expect(net.requests()).toContain('POST /portal/news/n1/dismiss');
  });
});
