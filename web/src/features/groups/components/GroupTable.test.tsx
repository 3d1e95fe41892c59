import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { GROUP, NORTHERN_ID } from '../testing';
import { GroupTable } from './GroupTable';

const rows = (table: HTMLElement) =>
  within(table)
    .getAllByRole('row')
    .map((r) => [...r.querySelectorAll('th, td')].map((c) => c.textContent));

describe('GroupTable', () => {
  it('lists each company with its counts, the own one marked, and opens another’s portal', async () => {
    const user = userEvent.setup();
    const onView = vi.fn();
    render(<GroupTable group={GROUP} viewed={null} onView={onView} />);
    const table = screen.getByRole('table', { name: 'Companies of Acme Group' });
    expect(rows(table)).toEqual([
      ['Company', 'Open defects', 'Quotes awaiting', 'Overdue invoices', 'Portal'],
      ['Acme Facilities LtdYour company', '2', '1', '0', 'Viewing now'],
      ['Acme Northern Ltd', '1', '0', '3', 'View this company’s portal'],
    ]);
    await user.click(within(table).getByRole('button', { name: 'View Acme Northern Ltd’s portal' }));
    expect(onView).toHaveBeenCalledWith(NORTHERN_ID);
  });

  it('offers the way back to one’s own company while viewing another', async () => {
    const user = userEvent.setup();
    const onView = vi.fn();
    render(<GroupTable group={GROUP} viewed={NORTHERN_ID} onView={onView} />);
    const table = screen.getByRole('table', { name: 'Companies of Acme Group' });
    expect(rows(table)[2]?.[4]).toBe('Viewing now');
    await user.click(within(table).getByRole('button', { name: 'View Acme Facilities Ltd’s portal' }));
    expect(onView).toHaveBeenCalledWith(null);
  });

  it('says when the group has no companies', () => {
    render(<GroupTable group={{ ...GROUP, customers: [] }} viewed={null} onView={vi.fn()} />);
    expect(screen.getByText('Your group has no companies yet.')).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });
});
