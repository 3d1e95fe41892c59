import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ApiProblem } from '../../../lib/problem';
import { TicketForm } from './TicketForm';

function setup(error: unknown = null) {
  const onSubmit = vi.fn();
  const view = render(<TicketForm busy={false} error={error} onSubmit={onSubmit} onCancel={() => {}} />);
  return { onSubmit, view };
}

describe('TicketForm', () => {
  it('sends subject, description, type and priority', async () => {
    const { onSubmit } = setup();
    await userEvent.type(screen.getByLabelText(/Subject/), 'Boiler leaking');
    await userEvent.type(screen.getByLabelText(/Description/), 'Water on the floor\nsince 8am');
    await userEvent.selectOptions(screen.getByLabelText('Type'), 'Fault');
    await userEvent.selectOptions(screen.getByLabelText('Priority'), 'Urgent');
    await userEvent.click(screen.getByRole('button', { name: 'Raise ticket' }));
    expect(onSubmit).toHaveBeenCalledWith({
      subject: 'Boiler leaking',
      description: 'Water on the floor\nsince 8am',
      type: 'fault',
      priority: 'urgent',
      confidential: false,
    });
  });

  it('raises a confidential ticket when asked, saying who will see it', async () => {
    const { onSubmit } = setup();
    const box = screen.getByRole('checkbox', { name: 'Confidential' });
    expect(box).not.toBeChecked();
    expect(box).toHaveAccessibleDescription('Only you and our staff will see this ticket, not your colleagues.');
    await userEvent.type(screen.getByLabelText(/Subject/), 'Grievance');
    await userEvent.type(screen.getByLabelText(/Description/), 'About a colleague');
    await userEvent.click(box);
    await userEvent.click(screen.getByRole('button', { name: 'Raise ticket' }));
    expect(onSubmit).toHaveBeenCalledWith(expect.objectContaining({ subject: 'Grievance', confidential: true }));
  });

  it('says at the field what is missing, without sending', async () => {
    const { onSubmit } = setup();
    await userEvent.click(screen.getByRole('button', { name: 'Raise ticket' }));
    expect(onSubmit).not.toHaveBeenCalled();
    expect(screen.getByLabelText(/Subject/)).toHaveAccessibleDescription('Enter a subject.');
    expect(screen.getByLabelText(/Subject/)).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByRole('alert')).toHaveTextContent('Some fields need attention.');
    expect(screen.getByRole('alert')).toHaveTextContent('Description: Describe the problem or request.');
    expect(screen.getByLabelText(/Subject/)).toHaveFocus();
  });

  it('shows the API’s field errors at their fields', () => {
    setup(new ApiProblem(422, { title: 'Invalid', errors: [{ field: 'subject', message: 'must be at most 200 characters' }] }, null));
    expect(screen.getByLabelText(/Subject/)).toHaveAccessibleDescription('must be at most 200 characters');
    expect(screen.getByRole('alert')).toHaveTextContent('Subject: must be at most 200 characters');
  });

  it('keeps what was typed after a server failure and offers a retry that sends it again', async () => {
    const onSubmit = vi.fn();
    const { rerender } = render(<TicketForm busy={false} error={null} onSubmit={onSubmit} onCancel={() => {}} />);
    await userEvent.type(screen.getByLabelText(/Subject/), 'Printer');
    await userEvent.type(screen.getByLabelText(/Description/), 'Jammed');
    await userEvent.click(screen.getByRole('button', { name: 'Raise ticket' }));
    rerender(<TicketForm busy={false} error={new ApiProblem(500, {}, null)} onSubmit={onSubmit} onCancel={() => {}} />);
    expect(screen.getByLabelText(/Subject/)).toHaveValue('Printer');
    expect(screen.getByLabelText(/Description/)).toHaveValue('Jammed');
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(onSubmit).toHaveBeenCalledTimes(2);
    expect(onSubmit).toHaveBeenLastCalledWith({ subject: 'Printer', description: 'Jammed', type: 'question', priority: 'normal', confidential: false });
  });
});
