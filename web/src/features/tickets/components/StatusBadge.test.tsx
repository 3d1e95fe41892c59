import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { StatusBadge } from './StatusBadge';

describe('StatusBadge', () => {
  it.each([
    ['new', 'New'],
    ['in_progress', 'In progress'],
    ['waiting_on_customer', 'Waiting on you'],
    ['closed', 'Closed'],
  ] as const)('says %s in words, not only in colour', (status, words) => {
    render(<StatusBadge status={status} />);
    const badge = screen.getByText(words);
    expect(badge).toHaveClass('badge');
    expect(badge.className).toMatch(new RegExp(status));
  });
});
