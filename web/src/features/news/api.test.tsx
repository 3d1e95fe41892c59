import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const post = vi.fn();
const get = vi.fn();

vi.mock('../../lib/api', async () => {
  const actual = await vi.importActual<typeof import('../../lib/problem')>('../../lib/problem');
  return {
    api: { GET: (...args: unknown[]) => get(...args), POST: (...args: unknown[]) => post(...args) },
    unwrap: async (call: Promise<{ data?: unknown; error?: unknown; response: Response }>) => {
      const r = await call;
      if (!r.response.ok) throw new actual.ApiProblem(r.response.status, r.error, null);
      return r.data;
    },
  };
});

const { newsKeys, useDismissNews, useDismissedNews } = await import('./api');

function wrapper(client: QueryClient) {
  return ({ children }: { children: ReactNode }) => <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}

const answer = (status: number) => Promise.resolve({ response: new Response(null, { status }) });

describe('news api', () => {
  beforeEach(() => {
    post.mockReset();
    get.mockReset();
  });

  it('dismisses each item, ignoring one that ended meanwhile, and drops them from the banner', async () => {
    post.mockImplementation((_path: string, opts: { params: { path: { id: string } } }) =>
      answer(opts.params.path.id === 'gone' ? 404 : 204),
    );
    const client = new QueryClient();
    client.setQueryData(newsKeys.active, [
      { id: 'a', title: 'A', body: '', starts_at: '2026-01-01T00:00:00Z' },
      { id: 'gone', title: 'G', body: '', starts_at: '2026-01-01T00:00:00Z' },
    ]);
    const { result } = renderHook(() => useDismissNews(), { wrapper: wrapper(client) });
    await act(() => result.current.mutateAsync(['a', 'gone']));
    expect(post).toHaveBeenCalledTimes(2);
    expect(post).toHaveBeenCalledWith('/portal/news/{id}/dismiss', { params: { path: { id: 'a' } } });
    expect(post).toHaveBeenCalledWith('/portal/news/{id}/dismiss', { params: { path: { id: 'gone' } } });
    expect(client.getQueryData(newsKeys.active)).toEqual([]);
  });

  it('fails the dismissal on a server error, keeping the banner', async () => {
    post.mockImplementation(() => answer(500));
    const client = new QueryClient();
    const items = [{ id: 'a', title: 'A', body: '', starts_at: '2026-01-01T00:00:00Z' }];
    client.setQueryData(newsKeys.active, items);
    const { result } = renderHook(() => useDismissNews(), { wrapper: wrapper(client) });
    await act(async () => {
      await expect(result.current.mutateAsync(['a'])).rejects.toThrow();
    });
    expect(client.getQueryData(newsKeys.active)).toEqual(items);
  });

  it('reads the dismissed items only when enabled', async () => {
    get.mockImplementation(() => Promise.resolve({ data: [], response: new Response(null, { status: 200 }) }));
    const client = new QueryClient();
    const { rerender } = renderHook(({ on }) => useDismissedNews(on), { wrapper: wrapper(client), initialProps: { on: false } });
    expect(get).not.toHaveBeenCalled();
    rerender({ on: true });
    await waitFor(() => expect(get).toHaveBeenCalledWith('/portal/news/dismissed'));
  });
});
