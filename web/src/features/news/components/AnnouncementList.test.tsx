import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { AnnouncementList } from './AnnouncementList';

describe('AnnouncementList', () => {
  it('says so when there is nothing', () => {
    render(<AnnouncementList active={[]} dismissed={[]} />);
    expect(screen.getByText('There are no announcements.')).toBeInTheDocument();
  });

  it('lists an item once even if it is in both lists, as plain text', () => {
    const item = { id: 'a', title: 'Title <i>x</i>', body: '<script>alert(1)</script>', starts_at: '2026-01-05T10:00:00Z' };
    const { container } = render(<AnnouncementList active={[item]} dismissed={[item]} />);
    expect(screen.getAllByRole('listitem')).toHaveLength(1);
    expect(screen.getByText('<script>alert(1)</script>')).toBeInTheDocument();
    expect(container.querySelector('script, i')).toBeNull();
    expect(screen.queryByText('Dismissed')).not.toBeInTheDocument();
  });
});
