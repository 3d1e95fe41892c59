import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ApiProblem } from '../../../lib/problem';
import { RatingForm } from './RatingForm';

function setup(error: unknown = null) {
  const onSubmit = vi.fn();
  render(<RatingForm busy={false} error={error} onSubmit={onSubmit} />);
  return { onSubmit };
}

describe('RatingForm', () => {
  it('offers the five scores as a labelled radio group', () => {
    setup();
    const group = screen.getByRole('group', { name: 'Your satisfaction' });
    expect(within(group).getAllByRole('radio').map((r) => r.getAttribute('value'))).toEqual(['1', '2', '3', '4', '5']);
    expect(within(group).getByRole('radio', { name: '1 – Very dissatisfied' })).not.toBeChecked();
    expect(within(group).getByRole('radio', { name: '5 – Very satisfied' })).toBeInTheDocument();
  });

  it('sends the score and the comment', async () => {
    const { onSubmit } = setup();
    await userEvent.click(screen.getByRole('radio', { name: '5 – Very satisfied' }));
    await userEvent.type(screen.getByLabelText('Comment (optional)'), '  Fixed the same day.  ');
    await userEvent.click(screen.getByRole('button', { name: 'Submit rating' }));
    expect(onSubmit).toHaveBeenCalledWith({ score: 5, comment: 'Fixed the same day.' });
  });

  it('sends no comment when none is written', async () => {
    const { onSubmit } = setup();
    await userEvent.click(screen.getByRole('radio', { name: '2 – Dissatisfied' }));
    await userEvent.click(screen.getByRole('button', { name: 'Submit rating' }));
    expect(onSubmit).toHaveBeenCalledWith({ score: 2 });
  });

  it('asks for a score first, without sending', async () => {
    const { onSubmit } = setup();
    await userEvent.click(screen.getByRole('button', { name: 'Submit rating' }));
    expect(onSubmit).not.toHaveBeenCalled();
    expect(screen.getByRole('group', { name: 'Your satisfaction' })).toHaveAccessibleDescription('Choose how satisfied you are.');
    expect(screen.getByRole('radio', { name: '1 – Very dissatisfied' })).toHaveFocus();
    await userEvent.click(screen.getByRole('radio', { name: '3 – Neither satisfied nor dissatisfied' }));
    expect(screen.queryByText('Choose how satisfied you are.')).not.toBeInTheDocument();
  });

  it('shows the API’s field errors at their fields', () => {
    setup(
      new ApiProblem(
        422,
        {
          errors: [
            { field: 'score', message: 'must be 1 to 5' },
            { field: 'comment', message: 'must be at most 2000 characters' },
          ],
        },
        null,
      ),
    );
    expect(screen.getByRole('group', { name: 'Your satisfaction' })).toHaveAccessibleDescription('must be 1 to 5');
    expect(screen.getByLabelText('Comment (optional)')).toHaveAccessibleDescription(/must be at most 2000 characters/);
    expect(screen.getByRole('alert')).toHaveTextContent('Comment (optional): must be at most 2000 characters');
  });

  it('says why when the ticket is not theirs to rate (403)', () => {
    setup(new ApiProblem(403, { detail: 'not your ticket' }, null));
    expect(screen.getByRole('alert')).toHaveTextContent('not your ticket');
  });
});
