// Search: the portal's records whose words begin with every word typed, best first.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap, type components } from '../../lib/api';
import { ApiProblem } from '../../lib/problem';

export type SearchKind = components['schemas']['SearchKind'];
export type SearchResult = components['schemas']['SearchResult'];
export type SearchResults = components['schemas']['SearchResults'];

export const SEARCH_KINDS: readonly SearchKind[] = [
  'ticket',
  'document',
  'article',
  'data_sheet',
  'site',
  'asset',
  'defect',
  'quote',
  'invoice',
  'job',
];

/** What one search asks: the words, and optionally one kind, one site and how many results. */
export interface SearchParams {
  q: string;
  kind: SearchKind | null;
  siteId: string | null;
  limit?: number | undefined;
}

export const searchKeys = {
  all: ['search'] as const,
  results: ({ q, kind, siteId, limit }: SearchParams) => ['search', 'results', q.trim(), kind, siteId, limit ?? null] as const,
};

/** The API's results when none is asked for. */
export const DEFAULT_LIMIT = 20;

/**
 * Whether the API would find a word in `q`, as it splits it: runs of letters and digits, each of two
 * characters or more, or a number. Without one the API answers 400, so nothing is asked.
 */
export function hasUsableWord(q: string): boolean {
  return (q.match(/[\p{L}\p{M}\p{N}]+/gu) ?? []).some((w) => [...w].length > 1 || /^[0-9]$/.test(w));
}

/** A kind named in the address, or null for any other text (all kinds). */
export function asSearchKind(value: string | null): SearchKind | null {
  return SEARCH_KINDS.find((k) => k === value) ?? null;
}

/** A query the API refused (400 naming `q`) will not be accepted by asking again. */
const notOn4xx = (count: number, error: Error) => count < 2 && !(error instanceof ApiProblem && error.status < 500);

/**
 * The results for `params`: asked only when `q` has a word the API can use; while the words change the
 * previous results stay (marked as placeholder data) until the new ones arrive.
 */
export function useSearch(params: SearchParams) {
  const { q, kind, siteId, limit } = params;
  return useQuery({
    queryKey: searchKeys.results(params),
    queryFn: () =>
      unwrap(
        api.GET('/portal/search', {
          params: {
            query: {
              q: q.trim(),
              ...(kind ? { kind } : {}),
              ...(siteId ? { site_id: siteId } : {}),
              ...(limit ? { limit } : {}),
            },
          },
        }),
      ),
    enabled: hasUsableWord(q),
    placeholderData: keepPreviousData,
    retry: notOn4xx,
  });
}
