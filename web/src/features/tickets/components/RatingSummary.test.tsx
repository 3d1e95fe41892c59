import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { RatingSummary } from './RatingSummary';

describe('RatingSummary', () => {
  it('says the score out of 5 with the comment', () => {
    render(<RatingSummary rating={{ score: 4, comment: 'Quick and friendly.', at: '2026-03-02T10:00:00Z' }} />);
    const region = screen.getByRole('region', { name: 'Your rating' });
    expect(region).toHaveTextContent('You rated this ticket 4 out of 5');
    expect(region).toHaveTextContent('Quick and friendly.');
    expect(screen.getByRole('heading', { name: 'Your rating' })).not.toHaveFocus();
  });

  it('shows no comment when there is none, and takes the focus when just rated', () => {
    render(<RatingSummary rating={{ score: 1, comment: null, at: '2026-03-02T10:00:00Z' }} takeFocus />);
    expect(screen.getByRole('region', { name: 'Your rating' })).toHaveTextContent('You rated this ticket 1 out of 5');
    expect(document.querySelector('blockquote')).toBeNull();
    expect(screen.getByRole('heading', { name: 'Your rating' })).toHaveFocus();
  });
});
