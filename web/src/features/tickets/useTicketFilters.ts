// The list's filters live in the address's query string, so a reload, a shared link and the back button
// all keep them. The cursors of the pages before this one travel in the history entry's state.
import { useCallback, useMemo } from 'react';
import { useLocation, useSearchParams } from 'react-router';
import type { TicketFilters } from './api';

/** Reads filters from a query string; anything unknown falls back to the default. */
export function filtersFromSearch(sp: URLSearchParams): TicketFilters {
  const scope = sp.get('scope');
  return {
    status: sp.get('status') === 'closed' ? 'closed' : 'open',
    scope: scope === 'mine' || scope === 'all' ? scope : null,
    q: (sp.get('q') ?? '').trim(),
    cursor: sp.get('cursor') || null,
  };
}

/** The query string for filters, leaving out what is the default. */
export function searchFromFilters(f: TicketFilters): URLSearchParams {
  const sp = new URLSearchParams();
  if (f.status !== 'open') sp.set('status', f.status);
  if (f.scope) sp.set('scope', f.scope);
  if (f.q) sp.set('q', f.q);
  if (f.cursor) sp.set('cursor', f.cursor);
  return sp;
}

interface PagingState {
  previous?: string[];
}

export function useTicketFilters() {
  const [searchParams, setSearchParams] = useSearchParams();
  const location = useLocation();
  const filters = useMemo(() => filtersFromSearch(searchParams), [searchParams]);
  const previous = useMemo(() => {
    const s = location.state as PagingState | null;
    return Array.isArray(s?.previous) ? s.previous.filter((c): c is string => typeof c === 'string') : [];
  }, [location.state]);

  /** A new filter starts again at the first page. */
  const change = useCallback(
    (next: Partial<Omit<TicketFilters, 'cursor'>>) => {
      setSearchParams(searchFromFilters({ ...filters, ...next, cursor: null }));
    },
    [filters, setSearchParams],
  );

  const nextPage = useCallback(
    (cursor: string) => {
      setSearchParams(searchFromFilters({ ...filters, cursor }), { state: { previous: [...previous, filters.cursor ?? ''] } });
    },
    [filters, previous, setSearchParams],
  );

  const previousPage = useCallback(() => {
    const back = previous.at(-1) ?? '';
    setSearchParams(searchFromFilters({ ...filters, cursor: back || null }), { state: { previous: previous.slice(0, -1) } });
  }, [filters, previous, setSearchParams]);

  return { filters, change, nextPage, previousPage, hasPrevious: filters.cursor !== null };
}
