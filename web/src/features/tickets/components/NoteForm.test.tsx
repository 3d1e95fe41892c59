import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ApiProblem } from '../../../lib/problem';
import { NoteForm } from './NoteForm';

describe('NoteForm', () => {
  it('sends the note and empties the box once it is added', async () => {
    const onSubmit = vi.fn(async () => ({}));
    render(<NoteForm busy={false} error={null} onSubmit={onSubmit} />);
    await userEvent.type(screen.getByLabelText(/Your note/), 'Still leaking');
    await userEvent.click(screen.getByRole('button', { name: 'Add note' }));
    expect(onSubmit).toHaveBeenCalledWith('Still leaking');
    expect(screen.getByLabelText(/Your note/)).toHaveValue('');
    expect(screen.getByText('Your note was added.')).toBeInTheDocument();
  });

  it('keeps the note when sending fails', async () => {
    const onSubmit = vi.fn(async () => {
      throw new ApiProblem(502, {}, null);
    });
    render(<NoteForm busy={false} error={null} onSubmit={onSubmit} />);
    await userEvent.type(screen.getByLabelText(/Your note/), 'Still leaking');
    await userEvent.click(screen.getByRole('button', { name: 'Add note' }));
    expect(screen.getByLabelText(/Your note/)).toHaveValue('Still leaking');
  });

  it('says the ticket is closed when the note is refused with 409', () => {
    render(<NoteForm busy={false} error={new ApiProblem(409, { detail: 'ticket is closed' }, null)} onSubmit={vi.fn()} />);
    expect(screen.getByRole('alert')).toHaveTextContent('This ticket is closed, so notes can no longer be added.');
  });
});
