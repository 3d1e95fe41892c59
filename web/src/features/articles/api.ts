// The knowledge base: the published articles the contact's company sees, by category or keyword, newest
// first and paged; one article with its body as HTML; "was this helpful?" once per article.
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type components } from '../../lib/api';
import { ApiProblem } from '../../lib/problem';

export type ArticleSummary = components['schemas']['ArticleSummary'];
export type ArticleCategory = components['schemas']['ArticleCategory'];
export type PortalArticle = components['schemas']['PortalArticle'];

/** What a list asks: one category or all, a keyword or none. */
export interface ArticleFilter {
  category: string | null;
  q: string | null;
}

/** Articles per page of the list (the API's default is 25). */
export const PAGE_SIZE = 20;

export const articleKeys = {
  all: ['articles'] as const,
  categories: ['articles', 'categories'] as const,
  list: ({ category, q }: ArticleFilter) => ['articles', 'list', category, q] as const,
  detail: (id: string) => ['articles', 'detail', id] as const,
};

/** The API's keyword bounds, in characters as it counts them. */
export const KEYWORD_MIN = 2;
export const KEYWORD_MAX = 100;

/** Why a keyword would be refused (the API answers 400 naming `q`), or null when it is fine. */
export function keywordProblem(q: string): 'tooShort' | 'tooLong' | null {
  const n = [...q.trim()].length;
  if (n === 0) return null;
  if (n < KEYWORD_MIN) return 'tooShort';
  if (n > KEYWORD_MAX) return 'tooLong';
  return null;
}

/** A refused request will not be accepted by asking again. */
const notOn4xx = (count: number, error: Error) => count < 2 && !(error instanceof ApiProblem && error.status < 500);

/** The categories with how many articles each holds, by name. */
export function useArticleCategories() {
  return useQuery({
    queryKey: articleKeys.categories,
    queryFn: () => unwrap(api.GET('/portal/articles/categories')),
  });
}

/**
 * The articles of one category or all, matching a keyword or not, newest first: a page at first, the next
 * one appended each time more are asked for. Nothing is asked for a keyword the API would refuse.
 */
export function useArticles(filter: ArticleFilter) {
  const { category, q } = filter;
  return useInfiniteQuery({
    queryKey: articleKeys.list(filter),
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/portal/articles', {
          params: {
            query: {
              ...(category ? { category } : {}),
              ...(q ? { q } : {}),
              limit: PAGE_SIZE,
              ...(pageParam ? { cursor: pageParam } : {}),
            },
          },
        }),
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_cursor ?? null,
    enabled: !q || keywordProblem(q) === null,
    retry: notOn4xx,
  });
}

export function useArticle(id: string) {
  return useQuery({
    queryKey: articleKeys.detail(id),
    queryFn: () => unwrap(api.GET('/portal/articles/{id}', { params: { path: { id } } })),
    retry: notOn4xx,
  });
}

/**
 * "Was this helpful?": once per contact and article. The answer is written into the article's cache at
 * once; a 409 (answered before, in another tab say) makes the article be read again, which then carries it.
 */
export function useVote(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (helpful: boolean) =>
      unwrap(api.POST('/portal/articles/{id}/vote', { params: { path: { id } }, body: { helpful } })),
    onSuccess: (vote) => {
      qc.setQueryData<PortalArticle>(articleKeys.detail(id), (a) => (a ? { ...a, my_vote: vote.helpful } : a));
    },
    onError: (error) => {
      if (error instanceof ApiProblem && error.status === 409) void qc.invalidateQueries({ queryKey: articleKeys.detail(id) });
    },
  });
}
