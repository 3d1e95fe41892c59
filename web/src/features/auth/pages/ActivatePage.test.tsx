import { QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { makeQueryClient } from '../../../lib/queryClient';
import { getSession, resetSession } from '../../../lib/session';
import ActivatePage from './ActivatePage';
import { expectLocation, json, Where } from '../../../test/fakeNetwork';

const net = await vi.hoisted(async () => (await import('../../../test/fakeNetwork')).installFakeNetwork());

const ID_TOKEN = `x.${btoa(JSON.stringify({ sub: 'c9', given_name: 'Nia', family_name: 'New', exp: 4102444800 }))}.y`;
const ENROLLMENT = {
  username: 'nia.new',
  secret: 'JBSWY3DPEHPK3PXP',
  otpauth_uri: 'otpauth://totp/portal:nia.new?secret=JBSWY3DPEHPK3PXP&issuer=portal',
};

function renderAt(url: string) {
  return render(
    <QueryClientProvider client={makeQueryClient()}>
      <MemoryRouter initialEntries={[url]}>
        <Routes>
          <Route
            path="/activate"
            element={
              <>
                <ActivatePage />
                <Where />
              </>
            }
          />
          <Route path="*" element={<Where />} />
        </Routes>
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

beforeEach(() => {
  resetSession();
  net.calls = [];
  net.routes = {
    '/portal/auth/activate': json(200, ENROLLMENT),
    '/portal/auth/activate/totp': json(200, { id_token: ID_TOKEN, access_token: 'a', expires_in: 900 }),
  };
});

describe('ActivatePage', () => {
  it('takes the token out of the address, then activates with a password and a code', async () => {
    const user = userEvent.setup();
    renderAt('/activate?token=tok_123');
    await expectLocation(/^\/activate$/);

    await user.type(screen.getByLabelText(/^New password/), 'Correct-Horse-9');
    await user.type(screen.getByLabelText(/^Repeat the password/), 'Correct-Horse-9');
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    expect(net.calls[0]).toMatchObject({ path: '/portal/auth/activate', body: { token: 'tok_123', password: 'Correct-Horse-9' } });

    expect(await screen.findByText('nia.new')).toBeInTheDocument();
    expect(screen.getByRole('img', { name: 'QR code to scan with your authenticator app' })).toBeInTheDocument();
    expect(screen.getByTestId('totp-secret')).toHaveTextContent('JBSW Y3DP EHPK 3PXP');

    await user.type(screen.getByLabelText(/^Authenticator code/), '123456');
    await user.click(screen.getByRole('button', { name: 'Activate' }));
    await expectLocation(/^\/$/);
    expect(net.calls[1]).toMatchObject({ path: '/portal/auth/activate/totp', body: { token: 'tok_123', code: '123456', refresh_cookie: true } });
    expect(getSession().status).toBe('signed-in');
  });

  it('checks the two passwords match and are long enough before sending them', async () => {
    const user = userEvent.setup();
    renderAt('/activate?token=tok_123');
    await user.type(screen.getByLabelText(/^New password/), 'Correct-Horse-9');
    await user.type(screen.getByLabelText(/^Repeat the password/), 'Correct-Horse-8');
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    expect(screen.getByLabelText(/^Repeat the password/)).toHaveAccessibleDescription('The two passwords are not the same.');

    await user.clear(screen.getByLabelText(/^New password/));
    await user.type(screen.getByLabelText(/^New password/), 'Short-1');
    await user.clear(screen.getByLabelText(/^Repeat the password/));
    await user.type(screen.getByLabelText(/^Repeat the password/), 'Short-1');
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    expect(screen.getByLabelText(/^New password/)).toHaveAccessibleDescription(expect.stringContaining('The password must be at least 12 characters.'));
    expect(net.calls).toHaveLength(0);
  });

  it('shows the pool’s refusal of a password at its field', async () => {
    const user = userEvent.setup();
    net.routes['/portal/auth/activate'] = json(422, {
      title: 'Unprocessable', status: 422, errors: [{ field: 'password', message: 'Password must have uppercase characters' }],
    });
    renderAt('/activate?token=tok_123');
    await user.type(screen.getByLabelText(/^New password/), 'correct-horse-9');
    await user.type(screen.getByLabelText(/^Repeat the password/), 'correct-horse-9');
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    expect(await screen.findByText('Password must have uppercase characters')).toBeInTheDocument();
    expect(screen.getByLabelText(/^New password/)).toHaveValue('correct-horse-9');
  });

  it('says so when the link is used or expired, with a way to sign in', async () => {
    const user = userEvent.setup();
    net.routes['/portal/auth/activate'] = json(422, {
      title: 'Unprocessable', status: 422, errors: [{ field: 'token', message: 'is invalid, already used or expired' }],
    });
    renderAt('/activate?token=tok_old');
    await user.type(screen.getByLabelText(/^New password/), 'Correct-Horse-9');
    await user.type(screen.getByLabelText(/^Repeat the password/), 'Correct-Horse-9');
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('This activation link does not work');
    expect(screen.getByRole('link', { name: 'Go to sign in' })).toHaveAttribute('href', '/sign-in');
  });

  it('without a token, says to open the email’s link again', () => {
    renderAt('/activate');
    expect(screen.getByRole('alert')).toHaveTextContent('needs the link from your invitation email');
    expect(screen.queryByLabelText(/^New password/)).not.toBeInTheDocument();
  });
});
