import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ConfidentialBadge } from './ConfidentialBadge';

describe('ConfidentialBadge', () => {
  it('says Confidential in words; the lock is decoration', () => {
    const { container } = render(<ConfidentialBadge />);
    expect(screen.getByText('Confidential')).toHaveClass('badge');
    expect(container.querySelector('svg')).toHaveAttribute('aria-hidden', 'true');
  });
});
