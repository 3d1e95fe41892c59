import { QueryClient } from '@tanstack/react-query';
import { ApiProblem } from './problem';

/** Server state: refetched on focus, never retried on a 4xx (the answer will not change). */
export function makeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        retry: (count, error) => !(error instanceof ApiProblem && error.status < 500) && count < 2,
      },
      mutations: { retry: false },
    },
  });
}
