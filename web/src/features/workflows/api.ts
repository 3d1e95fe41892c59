import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap, type components } from '../../lib/api';

export type WorkflowSummary = components['schemas']['WorkflowSummary'];
export type Workflow = components['schemas']['Workflow'];
export type WorkflowTask = components['schemas']['WorkflowTask'];
export type TaskStatus = components['schemas']['TaskStatus'];

export const workflowKeys = {
  all: ['workflows'] as const,
  list: (cursor: string | null) => ['workflows', 'list', cursor] as const,
  detail: (id: string) => ['workflows', 'detail', id] as const,
};

/** One page of the company's active workflows, newest first. */
export function useWorkflows(cursor: string | null) {
  return useQuery({
    queryKey: workflowKeys.list(cursor),
    queryFn: () => unwrap(api.GET('/portal/workflows', { params: { query: cursor ? { cursor } : {} } })),
    placeholderData: keepPreviousData,
  });
}

/** An active workflow with its tasks in order (an inactive one answers 404). */
export function useWorkflow(id: string) {
  return useQuery({
    queryKey: workflowKeys.detail(id),
    queryFn: () => unwrap(api.GET('/portal/workflows/{id}', { params: { path: { id } } })),
  });
}
