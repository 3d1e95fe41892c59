import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState, type FormEvent } from 'react';
import { describe, expect, it } from 'vitest';
import { TextField } from '../components/Field';
import { focusFirstInvalid } from './focusInvalid';

function Form() {
  const [error, setError] = useState<string | undefined>();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setError('Enter your name.');
    focusFirstInvalid(e.currentTarget);
  };
  return (
    <form onSubmit={submit} noValidate>
      <TextField label="Other" name="other" />
      <TextField label="Name" name="name" error={error} />
      <button type="submit">Send</button>
    </form>
  );
}

describe('focusFirstInvalid', () => {
  it('moves focus to the first field with an error after a refused submit', async () => {
    render(<Form />);
    await userEvent.click(screen.getByRole('button', { name: 'Send' }));
    const name = screen.getByRole('textbox', { name: 'Name' });
    await waitFor(() => expect(name).toHaveFocus());
    expect(name).toHaveAccessibleDescription('Enter your name.');
  });
});
