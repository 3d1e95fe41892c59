import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type components } from '../../lib/api';
import { ApiProblem } from '../../lib/problem';

export type NewsItem = components['schemas']['PortalNews'];

export const newsKeys = {
  all: ['news'] as const,
  active: ['news', 'active'] as const,
  dismissed: ['news', 'dismissed'] as const,
};

/** The company's active news, newest first, minus what this contact dismissed. */
export function useNews(enabled = true) {
  return useQuery({ queryKey: newsKeys.active, queryFn: () => unwrap(api.GET('/portal/news')), staleTime: 5 * 60_000, enabled });
}

/** Active news this contact dismissed: read only when asked for (the announcements list is open). */
export function useDismissedNews(enabled: boolean) {
  return useQuery({ queryKey: newsKeys.dismissed, queryFn: () => unwrap(api.GET('/portal/news/dismissed')), enabled });
}

async function dismissOne(id: string): Promise<void> {
  try {
    await unwrap(api.POST('/portal/news/{id}/dismiss', { params: { path: { id } } }));
  } catch (e) {
    // An item that ended in the meantime is no longer shown: nothing left to dismiss.
    if (!(e instanceof ApiProblem && e.status === 404)) throw e;
  }
}

/** Dismisses every given item for this contact; they then show only in the announcements list. */
export function useDismissNews() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (ids: string[]) => {
      await Promise.all(ids.map(dismissOne));
    },
    onSuccess: (_, ids) => {
      qc.setQueryData<NewsItem[]>(newsKeys.active, (old) => old?.filter((n) => !ids.includes(n.id)));
      void qc.invalidateQueries({ queryKey: newsKeys.dismissed });
    },
  });
}
