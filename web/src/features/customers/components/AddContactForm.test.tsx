import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { ApiProblem } from '../../../lib/problem';
import type { ContactInput, PortalContact } from '../api';
import { AddContactForm } from './AddContactForm';

/** The form as the page uses it: the error of the last attempt is the mutation's. */
function Harness({ add }: { add: (input: ContactInput) => Promise<PortalContact> }) {
  const [error, setError] = useState<unknown>(null);
  return (
    <AddContactForm
      busy={false}
      error={error}
      onAdd={(input) => {
        setError(null);
        return add(input).catch((e: unknown) => {
          setError(e);
          throw e;
        });
      }}
    />
  );
}

async function fill(user: ReturnType<typeof userEvent.setup>) {
  await user.type(screen.getByLabelText(/^First name/), 'Nia');
  await user.type(screen.getByLabelText(/^Last name/), 'New');
  await user.type(screen.getByLabelText(/^Email/), 'not-an-email');
  await user.type(screen.getByLabelText(/^Mobile/), '+44 7700 900555');
}

describe('AddContactForm', () => {
  it('sends the colleague, announces them and clears the form', async () => {
    const user = userEvent.setup();
    const add = vi.fn(async (input: ContactInput) => ({ id: 'c9', first_name: input.first_name, last_name: input.last_name }));
    render(<Harness add={add} />);
    await fill(user);
    await user.click(screen.getByRole('button', { name: 'Add a colleague' }));
    expect(add).toHaveBeenCalledWith({
      first_name: 'Nia', last_name: 'New', title: null, email: 'not-an-email', phone: null, mobile: '+44 7700 900555',
    });
    expect(await screen.findByRole('status')).toHaveTextContent('Nia New has been added.');
    expect(screen.getByLabelText(/^First name/)).toHaveValue('');
  });

  it('shows the API’s field errors at their fields and keeps what was typed', async () => {
    const user = userEvent.setup();
    const add = vi.fn(async () => {
      throw new ApiProblem(422, { status: 422, errors: [{ field: 'email', message: 'must be an email address such as name@example.com' }] }, null);
    });
    render(<Harness add={add} />);
    await fill(user);
    await user.click(screen.getByRole('button', { name: 'Add a colleague' }));
    const email = screen.getByLabelText(/^Email/);
    expect(await screen.findByRole('alert')).toHaveTextContent('Some fields need attention.');
    expect(email).toHaveAccessibleDescription('Email must be an email address such as name@example.com');
    expect(email).toHaveAttribute('aria-invalid', 'true');
    expect(email).toHaveValue('not-an-email');
    expect(screen.getByLabelText(/^First name/)).toHaveValue('Nia');
  });

  it('asks for the names before sending', async () => {
    const user = userEvent.setup();
    const add = vi.fn();
    render(<Harness add={add} />);
    await user.click(screen.getByRole('button', { name: 'Add a colleague' }));
    expect(screen.getByLabelText(/^First name/)).toHaveAccessibleDescription('First name is required.');
    expect(screen.getByLabelText(/^Last name/)).toHaveAccessibleDescription('Last name is required.');
    expect(add).not.toHaveBeenCalled();
  });
});
