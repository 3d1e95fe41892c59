import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { json } from '../../../test/fakeNetwork';
import type { ReportSubscription } from '../api';
import { renderWith, signedInAlice } from '../testing';

const net = await vi.hoisted(async () => (await import('../../../test/fakeNetwork')).installFakeNetwork());
const { MonthlyEmailPanel } = await import('./MonthlyEmailPanel');

const EMAIL = 'alice@acme.example';
const SINCE = '2026-11-14T09:30:00Z';
const day = new Intl.DateTimeFormat(navigator.language, { dateStyle: 'medium' }).format(new Date(SINCE));
const subscribed = (): ReportSubscription => ({ subscribed: true, since: SINCE, email: EMAIL });
const notSubscribed = (): ReportSubscription => ({ subscribed: false, since: null, email: EMAIL });

/** A route that answers later (the fake network awaits what a route returns). */
const later = (route: (request: Request) => Promise<Response>) => route as unknown as (request: Request) => Response;

/** Answers GET with `current`, and PUT with what was sent kept (as the API answers a change). */
function subscriptionRoute(current: ReportSubscription) {
  let state = current;
  return async (request: Request) => {
    if (request.method === 'PUT') {
      // The fake network has read the body already: it is the last call's.
      const body = net.calls[net.calls.length - 1]?.body as { subscribed: boolean };
      state = { ...state, subscribed: body.subscribed, since: body.subscribed ? SINCE : null };
    }
    return json(200, state)();
  };
}

const panel = () => screen.getByRole('region', { name: 'Monthly email' });
const puts = () => net.calls.filter((c) => c.method === 'PUT' && c.path === '/portal/reports/subscription').map((c) => c.body);

beforeEach(() => {
  signedInAlice();
  net.calls = [];
  net.routes = {};
});

describe('MonthlyEmailPanel', () => {
  it('says where the report goes and since when, and unsubscribes', async () => {
    net.routes['/portal/reports/subscription'] = later(subscriptionRoute(subscribed()));
    renderWith(<MonthlyEmailPanel />);
    expect(await within(panel()).findByText(/You receive this report by email at alice@acme\.example on the 1st of each month/)).toBeInTheDocument();
    expect(within(panel()).getByText(`Since ${day}.`)).toBeInTheDocument();
    expect(within(panel()).getByRole('status')).toBeEmptyDOMElement();

    await userEvent.click(within(panel()).getByRole('button', { name: 'Unsubscribe' }));
    expect(await within(panel()).findByRole('button', { name: 'Subscribe' })).toBeInTheDocument();
    expect(puts()).toEqual([{ subscribed: false }]);
    expect(within(panel()).getByText(/^Subscribe to receive this report by email at alice@acme\.example/)).toBeInTheDocument();
    expect(within(panel()).getByRole('status')).toHaveTextContent('Unsubscribed: the report will no longer be emailed to you.');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('subscribes when not subscribed, the button busy until the answer', async () => {
    const route = subscriptionRoute(notSubscribed());
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    net.routes['/portal/reports/subscription'] = later((r) => (r.method === 'PUT' ? held.then(() => route(r)) : route(r)));
    renderWith(<MonthlyEmailPanel />);
    const button = await within(panel()).findByRole('button', { name: 'Subscribe' });
    expect(within(panel()).getByText(/^Subscribe to receive this report by email at alice@acme\.example on the 1st of each month, for the month before\.$/)).toBeInTheDocument();
    expect(within(panel()).queryByText(/^Since/)).not.toBeInTheDocument();

    await userEvent.click(button);
    const pending = await within(panel()).findByRole('button', { name: 'Subscribing…' });
    expect(pending).toHaveAttribute('aria-disabled', 'true');
    // A second press while the first is on its way sends nothing more.
    await userEvent.click(pending);
    release();
    expect(await within(panel()).findByRole('button', { name: 'Unsubscribe' })).toBeInTheDocument();
    expect(puts()).toEqual([{ subscribed: true }]);
    expect(within(panel()).getByText(/^You receive this report by email at alice@acme\.example/)).toBeInTheDocument();
    expect(within(panel()).getByRole('status')).toHaveTextContent('Subscribed: the report will be emailed to alice@acme.example on the 1st of each month.');
  });

  it('says there is no email address to send it to, and offers no button', async () => {
    net.routes['/portal/reports/subscription'] = json(200, { subscribed: false, since: null, email: null });
    renderWith(<MonthlyEmailPanel />);
    expect(await within(panel()).findByText(/There is no email address on your contact record/)).toHaveTextContent(
      'Ask your service provider to add one.',
    );
    expect(within(panel()).queryByRole('button')).not.toBeInTheDocument();
  });

  it('shows why a subscription was refused (a 422 naming subscribed), and keeps the state shown', async () => {
    net.routes['/portal/reports/subscription'] = (request) =>
      request.method === 'PUT'
        ? json(422, {
            type: 'https://problems.customer-portal.dev/validation',
            title: 'Validation failed',
            status: 422,
            errors: [{ field: 'subscribed', message: 'needs an email address on your contact record; ask us to add one' }],
          })()
        : json(200, notSubscribed())();
    renderWith(<MonthlyEmailPanel />);
    await userEvent.click(await within(panel()).findByRole('button', { name: 'Subscribe' }));
    expect(await within(panel()).findByRole('alert')).toHaveTextContent(
      'Not subscribed: needs an email address on your contact record; ask us to add one.',
    );
    expect(within(panel()).getByRole('button', { name: 'Subscribe' })).not.toHaveAttribute('aria-disabled');
    expect(within(panel()).getByRole('status')).toBeEmptyDOMElement();
  });

  it('says why a change failed otherwise, with a retry where it may help', async () => {
    let fail = true;
    const route = subscriptionRoute(subscribed());
    net.routes['/portal/reports/subscription'] = later(async (request) =>
      request.method === 'PUT' && fail ? json(503, { type: 'about:blank', title: 'Unavailable', status: 503 })() : route(request),
    );
    renderWith(<MonthlyEmailPanel />);
    await userEvent.click(await within(panel()).findByRole('button', { name: 'Unsubscribe' }));
    const alert = await within(panel()).findByRole('alert');
    expect(alert).toHaveTextContent('busy or briefly unavailable');
    fail = false;
    await userEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await within(panel()).findByRole('button', { name: 'Subscribe' })).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole('alert')).not.toBeInTheDocument());
    expect(puts()).toEqual([{ subscribed: false }, { subscribed: false }]);
  });

  it('says so when the subscription cannot be read, without asking again for a 4xx', async () => {
    net.routes['/portal/reports/subscription'] = json(404, { type: 'https://problems.customer-portal.dev/not-found', title: 'Not found', status: 404 });
    renderWith(<MonthlyEmailPanel />);
    expect(await within(panel()).findByRole('alert')).toHaveTextContent('We could not find this.');
    expect(net.requests()).toEqual(['GET /portal/reports/subscription']);
    expect(within(panel()).queryByRole('button', { name: /subscribe/i })).not.toBeInTheDocument();
  });
});
