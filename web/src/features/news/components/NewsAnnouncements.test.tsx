import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { NewsItem } from '../api';

const active: NewsItem[] = [{ id: 'a', title: 'Office move', body: 'We move on Monday.', starts_at: '2026-03-02T09:00:00Z' }];
const dismissed: NewsItem[] = [
  { id: 'b', title: 'Holiday hours', body: 'Closed on the 25th.', starts_at: '2025-12-01T09:00:00Z' },
  { id: 'c', title: 'New phone line', body: 'Call 0100 200 300.', starts_at: '2026-04-01T09:00:00Z' },
];

const dismissedCalls: boolean[] = [];

vi.mock('../api', () => ({
  useNews: () => ({ data: active, isPending: false, isError: false, error: null, refetch: vi.fn() }),
  useDismissedNews: (enabled: boolean) => {
    dismissedCalls.push(enabled);
    return enabled
      ? { data: dismissed, isPending: false, isError: false, error: null, refetch: vi.fn() }
      : { data: undefined, isPending: true, isError: false, error: null, refetch: vi.fn() };
  },
}));

const { NewsAnnouncements } = await import('./NewsAnnouncements');

describe('NewsAnnouncements', () => {
  beforeEach(() => {
    dismissedCalls.length = 0;
  });

  it('is a button named with the count of new items, closed at first, reading nothing dismissed yet', () => {
    render(<NewsAnnouncements />);
    const button = screen.getByRole('button', { name: 'Announcements, 1 new' });
    expect(button).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryByRole('region', { name: 'Announcements' })).not.toBeInTheDocument();
    expect(dismissedCalls.every((enabled) => !enabled)).toBe(true);
  });

  it('opens a list of every item, active and dismissed, newest first, with its date and body', () => {
    render(<NewsAnnouncements />);
    fireEvent.click(screen.getByRole('button', { name: /Announcements/ }));
    expect(dismissedCalls).toContain(true);
    const panel = screen.getByRole('region', { name: 'Announcements' });
    expect(screen.getByRole('button', { name: /Announcements/ })).toHaveAttribute('aria-expanded', 'true');
    const titles = within(panel)
      .getAllByRole('heading', { level: 3 })
      .map((h) => h.textContent);
    expect(titles).toEqual(['New phone line', 'Office move', 'Holiday hours']);
    expect(within(panel).getByText('Call 0100 200 300.')).toBeInTheDocument();
    expect(panel.querySelectorAll('time')).toHaveLength(3);
    expect(within(panel).getAllByText('Dismissed')).toHaveLength(2);
  });

  it('closes on Escape and gives focus back to the button', () => {
    render(<NewsAnnouncements />);
    const button = screen.getByRole('button', { name: /Announcements/ });
    fireEvent.click(button);
    const close = screen.getByRole('button', { name: 'Close announcements' });
    act(() => close.focus());
    fireEvent.keyDown(close, { key: 'Escape' });
    expect(screen.queryByRole('region', { name: 'Announcements' })).not.toBeInTheDocument();
    expect(button).toHaveFocus();
    expect(button).toHaveAttribute('aria-expanded', 'false');
  });

  it('closes with its close button and on a click elsewhere', () => {
    render(
      <>
        <NewsAnnouncements />
        <p>Outside</p>
      </>,
    );
    const button = screen.getByRole('button', { name: /Announcements/ });
    fireEvent.click(button);
    fireEvent.click(screen.getByRole('button', { name: 'Close announcements' }));
    expect(screen.queryByRole('region', { name: 'Announcements' })).not.toBeInTheDocument();
    expect(button).toHaveFocus();
    fireEvent.click(button);
    fireEvent.pointerDown(screen.getByText('Outside'));
    expect(screen.queryByRole('region', { name: 'Announcements' })).not.toBeInTheDocument();
  });
});
