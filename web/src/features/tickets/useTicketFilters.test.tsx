import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, useLocation } from 'react-router';
import { describe, expect, it } from 'vitest';
import { Pager } from '../../components/Pager';
import { TicketFiltersBar } from './components/TicketFiltersBar';
import { filtersFromSearch, searchFromFilters, useTicketFilters } from './useTicketFilters';

function Harness({ canSeeAll }: { canSeeAll: boolean }) {
  const { filters, change, nextPage, previousPage, hasPrevious } = useTicketFilters();
  const location = useLocation();
  return (
    <>
      <TicketFiltersBar filters={filters} canSeeAll={canSeeAll} onChange={change} />
      <Pager hasPrevious={hasPrevious} nextCursor={`after-${filters.cursor ?? 'first'}`} onPrevious={previousPage} onNext={nextPage} />
      <output data-testid="address">{location.search}</output>
    </>
  );
}

function renderAt(url: string, canSeeAll = false) {
  render(
    <MemoryRouter initialEntries={[url]}>
      <Harness canSeeAll={canSeeAll} />
    </MemoryRouter>,
  );
  return () => decodeURIComponent(screen.getByTestId('address').textContent ?? '');
}

describe('the ticket list filters and the address', () => {
  it('reads the filters from the query string', () => {
    renderAt('/tickets?status=closed&q=boiler');
    expect(screen.getByRole('radio', { name: 'Closed' })).toBeChecked();
    expect(screen.getByRole('radio', { name: 'Open' })).not.toBeChecked();
    expect(screen.getByRole('searchbox', { name: 'Search subjects' })).toHaveValue('boiler');
  });

  it('writes a status change to the address and keeps the search', async () => {
    const address = renderAt('/tickets?q=boiler');
    await userEvent.click(screen.getByRole('radio', { name: 'Closed' }));
    expect(address()).toBe('?status=closed&q=boiler');
    await userEvent.click(screen.getByRole('radio', { name: 'Open' }));
    expect(address()).toBe('?q=boiler');
  });

  it('searches when submitted, not on every key', async () => {
    const address = renderAt('/tickets');
    const box = screen.getByRole('searchbox', { name: 'Search subjects' });
    await userEvent.type(box, 'printer jam');
    expect(address()).toBe('');
    await userEvent.keyboard('{Enter}');
    expect(address()).toBe('?q=printer+jam');
    // The box stays where it was: typing and searching do not drop the focus.
    expect(box).toHaveFocus();
    await userEvent.click(screen.getByRole('button', { name: 'Search' }));
    expect(screen.getByRole('button', { name: 'Search' })).toHaveFocus();
    await userEvent.click(screen.getByRole('button', { name: 'Clear search' }));
    expect(address()).toBe('');
    expect(box).toHaveValue('');
    expect(box).toHaveFocus();
  });

  it('offers Mine and All only with the grant', async () => {
    renderAt('/tickets?scope=mine');
    expect(screen.queryByRole('group', { name: 'Whose tickets' })).not.toBeInTheDocument();
  });

  it('switches between Mine and All with the grant', async () => {
    const address = renderAt('/tickets?status=closed', true);
    expect(screen.getByRole('group', { name: 'Whose tickets' })).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: 'All' })).toBeChecked();
    await userEvent.click(screen.getByRole('radio', { name: 'Mine' }));
    expect(address()).toBe('?status=closed&scope=mine');
  });

  it('pages forward and back over the cursors, and a new filter starts at the first page', async () => {
    const address = renderAt('/tickets?status=closed');
    const previous = screen.getByRole('button', { name: 'Previous page' });
    // Unavailable but focusable, so reaching the first page with it keeps the focus there.
    expect(previous).toHaveAttribute('aria-disabled', 'true');
    await userEvent.click(previous);
    expect(address()).toBe('?status=closed');
    await userEvent.click(screen.getByRole('button', { name: 'Next page' }));
    expect(address()).toBe('?status=closed&cursor=after-first');
    await userEvent.click(screen.getByRole('button', { name: 'Next page' }));
    expect(address()).toBe('?status=closed&cursor=after-after-first');
    await userEvent.click(screen.getByRole('button', { name: 'Previous page' }));
    expect(address()).toBe('?status=closed&cursor=after-first');
    await userEvent.click(screen.getByRole('button', { name: 'Previous page' }));
    expect(address()).toBe('?status=closed');
    await userEvent.click(screen.getByRole('button', { name: 'Next page' }));
    await userEvent.click(screen.getByRole('radio', { name: 'Open' }));
    expect(address()).toBe('');
  });
});

describe('filters as a query string', () => {
  it('falls back to the defaults for anything unknown', () => {
    expect(filtersFromSearch(new URLSearchParams('status=maybe&scope=everyone&q=%20%20'))).toEqual({
      status: 'open',
      scope: null,
      q: '',
      cursor: null,
    });
  });

  it('round-trips and leaves the defaults out', () => {
    const f = { status: 'closed', scope: 'mine', q: 'a&b', cursor: 'xyz' } as const;
    expect(filtersFromSearch(searchFromFilters(f))).toEqual(f);
    expect(searchFromFilters({ status: 'open', scope: null, q: '', cursor: null }).toString()).toBe('');
  });
});
