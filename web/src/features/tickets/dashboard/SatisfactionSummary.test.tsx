import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { SatisfactionSummary } from './SatisfactionSummary';

describe('SatisfactionSummary', () => {
  it('shows how many ratings there are and their average, to one decimal', () => {
    render(<SatisfactionSummary satisfaction={{ ratings: 12, average: 4.25 }} />);
    const region = screen.getByRole('region', { name: 'Customer satisfaction' });
    expect(region).toHaveTextContent('Ratings12');
    expect(region).toHaveTextContent('Average score4.3 out of 5');
  });

  it('says so when nothing is rated yet', () => {
    render(<SatisfactionSummary satisfaction={{ ratings: 0, average: null }} />);
    expect(screen.getByRole('region', { name: 'Customer satisfaction' })).toHaveTextContent('No closed tickets have been rated yet.');
    expect(screen.queryByText('Average score')).not.toBeInTheDocument();
  });
});
