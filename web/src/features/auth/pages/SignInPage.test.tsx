import { QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { makeQueryClient } from '../../../lib/queryClient';
import { getSession, resetSession } from '../../../lib/session';
import SignInPage from './SignInPage';
import { expectLocation, json, Where } from '../../../test/fakeNetwork';

const net = await vi.hoisted(async () => (await import('../../../test/fakeNetwork')).installFakeNetwork());

// A token the session can read claims from (header.payload.signature).
const ID_TOKEN = `x.${btoa(JSON.stringify({ sub: 'c1', given_name: 'Alice', family_name: 'Archer', exp: 4102444800 }))}.y`;

function renderAt(url: string) {
  return render(
    <QueryClientProvider client={makeQueryClient()}>
      <MemoryRouter initialEntries={[url]}>
        <Routes>
          <Route path="/sign-in" element={<SignInPage />} />
          <Route path="*" element={<Where />} />
        </Routes>
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

async function passwordStep(user: ReturnType<typeof userEvent.setup>) {
  await user.type(screen.getByLabelText(/^Username/), 'alice.acme');
  await user.type(screen.getByLabelText(/^Password/), 'Demo-Portal-2026');
  await user.click(screen.getByRole('button', { name: 'Continue' }));
}

beforeEach(() => {
  resetSession();
  net.calls = [];
  net.routes = {
    '/portal/auth/refresh': json(401, { title: 'Unauthorized' }),
    '/portal/auth/login': json(200, { challenge: 'totp', session: 'S1' }),
  };
});

describe('SignInPage', () => {
  it('after a server failure keeps what was typed and offers to try again', async () => {
    const user = userEvent.setup();
    let fail = true;
    net.routes['/portal/auth/login'] = () =>
      fail ? json(503, { title: 'Service Unavailable' })() : json(200, { challenge: 'totp', session: 'S1' })();
    renderAt('/sign-in');
    await passwordStep(user);
    const retry = await screen.findByRole('button', { name: 'Try again' });
    expect(screen.getByLabelText(/^Password/)).toHaveValue('Demo-Portal-2026');
    fail = false;
    await user.click(retry);
    expect(await screen.findByLabelText(/^Authenticator code/)).toBeInTheDocument();
    expect(net.calls.filter((c) => c.path === '/portal/auth/login')).toHaveLength(2);
  });

  it('puts the focus on the first empty field, which says what is missing', async () => {
    const user = userEvent.setup();
    renderAt('/sign-in');
    await user.type(screen.getByLabelText(/^Password/), 'x');
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    const username = screen.getByLabelText(/^Username/);
    await waitFor(() => expect(username).toHaveFocus());
    expect(username).toHaveAttribute('aria-invalid', 'true');
    expect(net.calls).toEqual([]);
  });

  it('asks for username and password, then the authenticator code, then goes to `next`', async () => {
    const user = userEvent.setup();
    net.routes['/portal/auth/login/mfa'] = json(200, { id_token: ID_TOKEN, access_token: 'a', expires_in: 900 });
    renderAt('/sign-in?next=%2Ftickets%3Fstatus%3Dclosed');
    expect(screen.queryByLabelText(/^Authenticator code/)).not.toBeInTheDocument();
    await passwordStep(user);

    const code = await screen.findByLabelText(/^Authenticator code/);
    expect(code).toHaveAttribute('inputmode', 'numeric');
    expect(code).toHaveAttribute('autocomplete', 'one-time-code');
    expect(code).toHaveFocus();
    expect(screen.queryByLabelText(/^Password/)).not.toBeInTheDocument();
    expect(net.calls.find((c) => c.path === '/portal/auth/login')?.body).toEqual({ username: 'alice.acme', password: 'Demo-Portal-2026' });

    await user.type(code, '123 456');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    await expectLocation('/tickets?status=closed');
    expect(net.calls.find((c) => c.path === '/portal/auth/login/mfa')?.body).toEqual({
      username: 'alice.acme',
      session: 'S1',
      code: '123456',
      refresh_cookie: true,
    });
    expect(getSession().status).toBe('signed-in');
  });

  it('goes home rather than to another site', async () => {
    const user = userEvent.setup();
    net.routes['/portal/auth/login/mfa'] = json(200, { id_token: ID_TOKEN, access_token: 'a', expires_in: 900 });
    renderAt('/sign-in?next=%2F%2Fevil.example');
    await passwordStep(user);
    await user.type(await screen.findByLabelText(/^Authenticator code/), '123456');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    await expectLocation(/^\/$/);
  });

  it('never says which of username, password or code was wrong', async () => {
    const user = userEvent.setup();
    net.routes['/portal/auth/login'] = json(401, { title: 'Unauthorized', status: 401 });
    renderAt('/sign-in');
    await passwordStep(user);
    expect(await screen.findByRole('alert')).toHaveTextContent('The username, password or code is not right.');
    // Still on the first step, with what was typed.
    expect(screen.getByLabelText(/^Username/)).toHaveValue('alice.acme');

    net.routes['/portal/auth/login'] = json(200, { challenge: 'totp', session: 'S1' });
    net.routes['/portal/auth/login/mfa'] = json(401, { title: 'Unauthorized', status: 401 });
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    const code = await screen.findByLabelText(/^Authenticator code/);
    await user.type(code, '654321');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('The username, password or code is not right.');
    expect(screen.getByLabelText(/^Authenticator code/)).toHaveValue('');
    expect(getSession().status).toBe('signed-out');
  });

  it('says when to try again after too many attempts', async () => {
    const user = userEvent.setup();
    net.routes['/portal/auth/login'] = json(429, { title: 'Too Many Requests', status: 429 }, { 'Retry-After': '120' });
    renderAt('/sign-in');
    await passwordStep(user);
    expect(await screen.findByRole('alert')).toHaveTextContent(/Too many attempts\. You can try again in 2 minutes\./);
  });

  it('checks the code is six digits before sending it', async () => {
    const user = userEvent.setup();
    renderAt('/sign-in');
    await passwordStep(user);
    await user.type(await screen.findByLabelText(/^Authenticator code/), '12ab');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(screen.getByText('Enter the 6 digits from your authenticator app.')).toBeInTheDocument();
    expect(net.calls.some((c) => c.path === '/portal/auth/login/mfa')).toBe(false);
  });

  it('asks for both fields before sending anything', async () => {
    const user = userEvent.setup();
    renderAt('/sign-in');
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    expect(screen.getByLabelText(/^Username/)).toHaveAccessibleDescription('Username is required.');
    expect(screen.getByLabelText(/^Password/)).toHaveAccessibleDescription('Password is required.');
    expect(net.calls.some((c) => c.path === '/portal/auth/login')).toBe(false);
  });

  it('says the session ended when sent here by an expiry, and links to the password reset', async () => {
    renderAt('/sign-in?expired=1&next=%2Fcontacts');
    expect(screen.getByText('Your session has ended, sign in again.')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Forgot your password?' })).toHaveAttribute('href', '/forgot-password');
    await waitFor(() => expect(getSession().status).toBe('signed-out'));
  });

  it('sends a visitor who is signed in already home', async () => {
    // This browser signed in before (the hint the session keeps), and its refresh cookie still works.
    localStorage.setItem('portal.signed-in', '1');
    net.routes['/portal/auth/refresh'] = json(200, { id_token: ID_TOKEN, access_token: 'a', expires_in: 900 });
    renderAt('/sign-in');
    await expectLocation(/^\/$/);
  });

  it('asks for no refresh when this browser never signed in', async () => {
    localStorage.clear();
    renderAt('/sign-in');
    expect(await screen.findByLabelText('Username')).toBeInTheDocument();
    expect(net.calls.map((c) => c.path)).not.toContain('/portal/auth/refresh');
  });
});
