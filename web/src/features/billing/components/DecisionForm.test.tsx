import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ApiProblem } from '../../../lib/problem';
import { quote } from '../testing';
import { DecisionForm } from './DecisionForm';

const dialog = () => screen.getAllByRole('dialog').find((d) => d.hasAttribute('open')) as HTMLElement;

describe('DecisionForm', () => {
  it('authorises only after the confirmation, which says the decision is final', async () => {
    const user = userEvent.setup();
    const onDecide = vi.fn().mockResolvedValue(undefined);
    render(<DecisionForm mode="authorise" quote={quote()} defaultName="Alice Archer" busy={false} error={null} onDecide={onDecide} />);
    const form = screen.getByRole('form', { name: 'Authorise' });
    expect(within(form).getByRole('textbox', { name: 'Your name' })).toHaveValue('Alice Archer');
    await user.type(within(form).getByRole('textbox', { name: 'Order number' }), ' PO-9 ');
    await user.type(within(form).getByRole('textbox', { name: 'Note' }), 'Mornings only');
    await user.click(within(form).getByRole('button', { name: 'Authorise…' }));
    expect(onDecide).not.toHaveBeenCalled();

    expect(dialog()).toHaveAccessibleName('Authorise quote Q-1002?');
    expect(dialog()).toHaveTextContent(`You authorise the work for ${new Intl.NumberFormat(navigator.language, { style: 'currency', currency: 'GBP' }).format(720)}, signed as Alice Archer.`);
    expect(dialog()).toHaveTextContent('This cannot be changed afterwards.');
    await user.click(within(dialog()).getByRole('button', { name: 'Authorise quote' }));
    expect(onDecide).toHaveBeenCalledWith({ name: 'Alice Archer', order_number: 'PO-9', note: 'Mornings only' });
  });

  it('sends nothing when the confirmation is cancelled', async () => {
    const user = userEvent.setup();
    const onDecide = vi.fn();
    render(<DecisionForm mode="decline" quote={quote()} defaultName="Alice Archer" busy={false} error={null} onDecide={onDecide} />);
    await user.click(screen.getByRole('button', { name: 'Decline…' }));
    expect(dialog()).toHaveAccessibleName('Decline quote Q-1002?');
    await user.click(within(dialog()).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(onDecide).not.toHaveBeenCalled();
  });

  it('declines with a name and a note, and no order number field', async () => {
    const user = userEvent.setup();
    const onDecide = vi.fn().mockResolvedValue(undefined);
    render(<DecisionForm mode="decline" quote={quote()} defaultName="" busy={false} error={null} onDecide={onDecide} />);
    expect(screen.queryByRole('textbox', { name: 'Order number' })).not.toBeInTheDocument();
    await user.type(screen.getByRole('textbox', { name: 'Your name' }), 'Bob Baker');
    await user.type(screen.getByRole('textbox', { name: 'Note' }), 'Done already');
    await user.click(screen.getByRole('button', { name: 'Decline…' }));
    await user.click(within(dialog()).getByRole('button', { name: 'Decline quote' }));
    expect(onDecide).toHaveBeenCalledWith({ name: 'Bob Baker', note: 'Done already' });
  });

  it('asks for a name before asking for confirmation, at the field', async () => {
    const user = userEvent.setup();
    const onDecide = vi.fn();
    render(<DecisionForm mode="authorise" quote={quote()} defaultName="" busy={false} error={null} onDecide={onDecide} />);
    await user.click(screen.getByRole('button', { name: 'Authorise…' }));
    const name = screen.getByRole('textbox', { name: 'Your name' });
    expect(name).toHaveAttribute('aria-invalid', 'true');
    expect(name).toHaveAccessibleDescription(/Your name is required\./);
    await waitFor(() => expect(name).toHaveFocus());
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(onDecide).not.toHaveBeenCalled();
  });

  it('shows the API’s field errors at their fields and in the summary', () => {
    const error = new ApiProblem(422, { title: 'Invalid', errors: [{ field: 'name', message: 'must be at most 200 characters' }] }, null);
    render(<DecisionForm mode="authorise" quote={quote()} defaultName="A" busy={false} error={error} onDecide={vi.fn()} />);
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('Some fields need attention.');
    expect(alert).toHaveTextContent('Your name: must be at most 200 characters');
    expect(screen.getByRole('textbox', { name: 'Your name' })).toHaveAccessibleDescription(/must be at most 200 characters/);
  });

  it('leaves a conflict to the page, and closes the confirmation when the API refuses', async () => {
    const user = userEvent.setup();
    const error = new ApiProblem(409, { title: 'Conflict', detail: 'another contact decided this quote a moment ago' }, null);
    const onDecide = vi.fn().mockRejectedValue(error);
    const { rerender } = render(<DecisionForm mode="authorise" quote={quote()} defaultName="A" busy={false} error={null} onDecide={onDecide} />);
    await user.click(screen.getByRole('button', { name: 'Authorise…' }));
    await user.click(within(dialog()).getByRole('button', { name: 'Authorise quote' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    rerender(<DecisionForm mode="authorise" quote={quote()} defaultName="A" busy={false} error={error} onDecide={onDecide} />);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });
});
