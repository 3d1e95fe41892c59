import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ApiProblem } from '../../../lib/problem';
import { TicketEditForm } from './TicketEditForm';

const initial = { subject: 'Boiler leaking', description: 'Water on the floor' };

function setup(error: unknown = null) {
  const onSubmit = vi.fn();
  const onCancel = vi.fn();
  render(<TicketEditForm initial={initial} busy={false} error={error} onSubmit={onSubmit} onCancel={onCancel} />);
  return { onSubmit, onCancel };
}

describe('TicketEditForm', () => {
  it('starts from the ticket as it is, with the subject focused, and sends the changes', async () => {
    const { onSubmit } = setup();
    expect(screen.getByRole('form', { name: 'Edit ticket' })).toBeInTheDocument();
    expect(screen.getByLabelText(/Subject/)).toHaveFocus();
    expect(screen.getByLabelText(/Description/)).toHaveValue('Water on the floor');
    await userEvent.clear(screen.getByLabelText(/Subject/));
    await userEvent.type(screen.getByLabelText(/Subject/), 'Boiler leaking badly');
    await userEvent.type(screen.getByLabelText(/Description/), ', a lot');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(onSubmit).toHaveBeenCalledWith({ subject: 'Boiler leaking badly', description: 'Water on the floor, a lot' });
  });

  it('says at the field what is missing, without sending', async () => {
    const { onSubmit } = setup();
    await userEvent.clear(screen.getByLabelText(/Description/));
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(onSubmit).not.toHaveBeenCalled();
    expect(screen.getByLabelText(/Description/)).toHaveAccessibleDescription('Describe the problem or request.');
    expect(screen.getByLabelText(/Description/)).toHaveFocus();
    expect(screen.getByRole('alert')).toHaveTextContent('Some fields need attention.');
  });

  it('cancels without sending', async () => {
    const { onSubmit, onCancel } = setup();
    await userEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(onCancel).toHaveBeenCalled();
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('shows the API’s field errors at their fields', () => {
    setup(
      new ApiProblem(
        422,
        {
          errors: [
            { field: 'subject', message: 'must be at most 200 characters' },
            { field: 'description', message: 'must not be blank' },
          ],
        },
        null,
      ),
    );
    expect(screen.getByLabelText(/Subject/)).toHaveAccessibleDescription('must be at most 200 characters');
    expect(screen.getByLabelText(/Subject/)).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText(/Description/)).toHaveAccessibleDescription('must not be blank');
    expect(screen.getByRole('alert')).toHaveTextContent('Subject: must be at most 200 characters');
  });

  it('says why when staff took the ticket up meanwhile (409)', () => {
    setup(new ApiProblem(409, { detail: 'only a new ticket can be changed; add a note instead' }, null));
    expect(screen.getByRole('alert')).toHaveTextContent('only a new ticket can be changed; add a note instead');
    expect(screen.queryByRole('button', { name: 'Try again' })).not.toBeInTheDocument();
  });
});
