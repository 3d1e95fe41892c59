import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { resetSession } from '../../../lib/session';
import { expectLocation, json, Where } from '../../../test/fakeNetwork';
import { renderWith } from '../../../test/render';

const net = await vi.hoisted(async () => (await import('../../../test/fakeNetwork')).installFakeNetwork());
const { default: UnsubscribePage } = await import('./UnsubscribePage');

const TOKEN = 'a'.repeat(43);
const API = `/portal/auth/unsubscribe/${TOKEN}`;

function renderAt(route: string) {
  return renderWith(
    <>
      <UnsubscribePage />
      <Where />
    </>,
    { path: '/unsubscribe/*', route },
  );
}

beforeEach(() => {
  resetSession();
  net.calls = [];
  net.routes = {};
});

describe('UnsubscribePage', () => {
  it('explains, sends nothing on opening, and takes the token out of the address', async () => {
    renderAt(`/unsubscribe/${TOKEN}`);
    expect(screen.getByRole('heading', { level: 1, name: 'Unsubscribe from emails' })).toBeInTheDocument();
    expect(screen.getByText(/Nothing changes until you press it/)).toBeInTheDocument();
    await expectLocation(/^\/unsubscribe$/);
    expect(screen.getByRole('button', { name: 'Unsubscribe' })).toBeInTheDocument();
    expect(net.calls).toEqual([]);
  });

  it('stops ticket emails on the button, and says they can be turned back on in the account', async () => {
    net.routes[API] = json(200, { topic: 'tickets' });
    renderAt(`/unsubscribe/${TOKEN}`);
    await userEvent.click(screen.getByRole('button', { name: 'Unsubscribe' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Done: ticket emails to you have stopped.');
    expect(screen.getByText('You can turn ticket emails back on in your account settings.')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Go to your account settings' })).toHaveAttribute('href', '/account');
    expect(net.requests()).toEqual([`POST ${API}`]);
  });

  it('says the monthly report email stopped', async () => {
    net.routes[API] = json(200, { topic: 'reports' });
    renderAt(`/unsubscribe/${TOKEN}`);
    await userEvent.click(screen.getByRole('button', { name: 'Unsubscribe' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Done: the monthly report email to you has stopped.');
    expect(screen.getByRole('link', { name: 'Go to the Reports page' })).toHaveAttribute('href', '/reports');
  });

  it('says a used or expired link changed nothing (404)', async () => {
    net.routes[API] = json(404, { type: 'https://problems.customer-portal.dev/not-found', title: 'Not found', status: 404 });
    renderAt(`/unsubscribe/${TOKEN}`);
    await userEvent.click(screen.getByRole('button', { name: 'Unsubscribe' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('This link has already been used or has expired, so nothing was changed.');
    expect(screen.queryByRole('button', { name: 'Unsubscribe' })).not.toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Go to sign in' })).toBeInTheDocument();
  });

  it('offers to try again after a failure on our side', async () => {
    net.routes[API] = json(503, { type: 'about:blank', title: 'Unavailable', status: 503 });
    renderAt(`/unsubscribe/${TOKEN}`);
    await userEvent.click(screen.getByRole('button', { name: 'Unsubscribe' }));
    const alert = await screen.findByRole('alert');
    net.routes[API] = json(200, { topic: 'tickets' });
    await userEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('status')).toHaveTextContent('ticket emails to you have stopped');
  });

  it('asks for the email’s link when there is no token', () => {
    renderAt('/unsubscribe');
    expect(screen.getByRole('alert')).toHaveTextContent('This page needs the link from the email.');
    expect(screen.queryByRole('button', { name: 'Unsubscribe' })).not.toBeInTheDocument();
  });
});
