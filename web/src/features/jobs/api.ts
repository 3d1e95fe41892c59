import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap, type components } from '../../lib/api';

export type JobSummary = components['schemas']['JobSummary'];
export type Job = components['schemas']['Job'];
export type JobStatus = components['schemas']['JobStatus'];

export const jobKeys = {
  all: ['jobs'] as const,
  list: (cursor: string | null) => ['jobs', 'list', cursor] as const,
  detail: (id: string) => ['jobs', 'detail', id] as const,
};

/** One page of the company's jobs, newest first; the previous page stays shown while the next loads. */
export function useJobs(cursor: string | null) {
  return useQuery({
    queryKey: jobKeys.list(cursor),
    queryFn: () => unwrap(api.GET('/portal/jobs', { params: { query: cursor ? { cursor } : {} } })),
    placeholderData: keepPreviousData,
  });
}

export function useJob(id: string) {
  return useQuery({
    queryKey: jobKeys.detail(id),
    queryFn: () => unwrap(api.GET('/portal/jobs/{id}', { params: { path: { id } } })),
  });
}
