import { QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { makeQueryClient } from '../../../lib/queryClient';
import { resetSession, signedIn } from '../../../lib/session';
import AccountPage from './AccountPage';
import { json } from '../../../test/fakeNetwork';

const net = await vi.hoisted(async () => (await import('../../../test/fakeNetwork')).installFakeNetwork());

const ME = {
  contact: { id: 'c1', first_name: 'Alice', last_name: 'Archer', username: 'alice.acme', email: 'alice@acme.example', phone: '+44 20 7946 0101', mobile: null, title: 'Facilities Manager' },
  company: { id: 'AC', name: 'Acme Facilities Ltd', address: {} },
  account_managers: [],
  modules: ['main_info'],
};

function renderPage() {
  return render(
    <QueryClientProvider client={makeQueryClient()}>
      <MemoryRouter>
        <AccountPage />
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

async function fillForm(user: ReturnType<typeof userEvent.setup>) {
  await user.type(screen.getByLabelText(/^Current password/), 'Demo-Portal-2026');
  await user.type(screen.getByLabelText(/^New password/), 'Brand-New-Password-7');
  await user.type(screen.getByLabelText(/^Repeat the new password/), 'Brand-New-Password-7');
  await user.type(screen.getByLabelText(/^Authenticator code/), '123456');
  await user.click(screen.getByRole('button', { name: 'Change password' }));
}

beforeEach(() => {
  resetSession();
  signedIn({ id_token: `x.${btoa(JSON.stringify({ sub: 'c1', exp: 4102444800 }))}.y`, expires_in: 3600 });
  net.calls = [];
  net.routes = { '/portal/me': json(200, ME), '/portal/account/password': json(204), '/portal/notifications': json(200, { ticket_emails: true }) };
});

describe('AccountPage', () => {
  it('shows the contact’s own details', async () => {
    renderPage();
    const details = await screen.findByRole('region', { name: 'Your details' });
    expect(details).toHaveTextContent('Alice Archer');
    expect(details).toHaveTextContent('alice.acme');
    expect(details).toHaveTextContent('alice@acme.example');
    expect(details).toHaveTextContent('+44 20 7946 0101');
    const notifications = await screen.findByRole('region', { name: 'Email notifications' });
    expect(await screen.findByRole('checkbox', { name: 'Ticket emails' })).toBeChecked();
    expect(notifications).toContainElement(screen.getByRole('checkbox', { name: 'Ticket emails' }));
  });

  it('changes the password and clears the form only then', async () => {
    const user = userEvent.setup();
    renderPage();
    await fillForm(user);
    expect(await screen.findByText('Your password has been changed. Use the new one next time you sign in.')).toBeInTheDocument();
    expect(net.calls.find((c) => c.path === '/portal/account/password')?.body).toEqual({
      current_password: 'Demo-Portal-2026',
      new_password: 'Brand-New-Password-7',
      code: '123456',
    });
    expect(screen.getByLabelText(/^Current password/)).toHaveValue('');
    expect(screen.getByLabelText(/^New password/)).toHaveValue('');
  });

  it('shows the API’s refusals at their fields and keeps the passwords typed', async () => {
    const user = userEvent.setup();
    net.routes['/portal/account/password'] = json(422, {
      status: 422,
      errors: [
        { field: 'current_password', message: 'is not the current password' },
        { field: 'new_password', message: 'must differ from the current password' },
      ],
    });
    renderPage();
    await fillForm(user);
    expect(await screen.findByRole('alert')).toHaveTextContent('Some fields need attention.');
    expect(screen.getByLabelText(/^Current password/)).toHaveAccessibleDescription('Current password is not the current password');
    expect(screen.getByLabelText(/^New password/)).toHaveAccessibleDescription(expect.stringContaining('New password must differ from the current password'));
    expect(screen.getByLabelText(/^Current password/)).toHaveValue('Demo-Portal-2026');
    expect(screen.getByLabelText(/^New password/)).toHaveValue('Brand-New-Password-7');
  });

  it('keeps everything typed after a server failure and offers to try again', async () => {
    const user = userEvent.setup();
    net.routes['/portal/account/password'] = json(503, { status: 503, title: 'Service Unavailable' });
    renderPage();
    await fillForm(user);
    expect(await screen.findByRole('button', { name: 'Try again' })).toBeInTheDocument();
    expect(screen.getByLabelText(/^Authenticator code/)).toHaveValue('123456');
    net.routes['/portal/account/password'] = json(204);
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText(/Your password has been changed/)).toBeInTheDocument();
  });

  it('checks the new password is typed the same twice before sending', async () => {
    const user = userEvent.setup();
    renderPage();
    await user.type(screen.getByLabelText(/^Current password/), 'Demo-Portal-2026');
    await user.type(screen.getByLabelText(/^New password/), 'Brand-New-Password-7');
    await user.type(screen.getByLabelText(/^Repeat the new password/), 'Brand-New-Password-8');
    await user.type(screen.getByLabelText(/^Authenticator code/), '123456');
    await user.click(screen.getByRole('button', { name: 'Change password' }));
    expect(screen.getByLabelText(/^Repeat the new password/)).toHaveAccessibleDescription('The two passwords are not the same.');
    expect(net.calls.some((c) => c.path === '/portal/account/password')).toBe(false);
  });
});
