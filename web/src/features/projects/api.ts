// Projects: the company's open or closed projects, one project with its milestones, tasks and files, the
// comments on it and on each task (oldest first, paged), and its files (attached like a ticket's).
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type components, type paths } from '../../lib/api';
import type { AttachmentEndpoints } from '../../lib/attachments';
import { ApiProblem } from '../../lib/problem';

export type ProjectView = components['schemas']['ProjectView'];
export type ProjectDetail = components['schemas']['ProjectDetail'];
export type ProjectStatus = components['schemas']['ProjectStatus'];
export type MilestoneView = components['schemas']['MilestoneView'];
export type TaskView = components['schemas']['TaskView'];
export type CommentView = components['schemas']['CommentView'];
/** Open (planned, active, on hold) or closed (completed, cancelled). */
export type ProjectState = NonNullable<NonNullable<paths['/portal/projects']['get']['parameters']['query']>['state']>;

/** The lists, the first the default. */
export const PROJECT_STATES = ['open', 'closed'] as const satisfies readonly ProjectState[];

export const PAGE_SIZE = 25;
/** Comments per page of a thread. */
export const COMMENTS_PAGE_SIZE = 50;

export const projectKeys = {
  all: ['projects'] as const,
  lists: () => [...projectKeys.all, 'list'] as const,
  list: (state: ProjectState, cursor: string | null) => [...projectKeys.lists(), state, cursor] as const,
  detail: (id: string) => [...projectKeys.all, 'detail', id] as const,
  /** Every comment of the project (its own and its tasks'), and under it each task's. */
  comments: (id: string) => [...projectKeys.all, 'comments', id] as const,
  taskComments: (id: string, taskId: string) => [...projectKeys.comments(id), 'task', taskId] as const,
};

/** A completed or cancelled project: it takes no more comments or files. */
export function isClosed(status: ProjectStatus): boolean {
  return status === 'completed' || status === 'cancelled';
}

/** A refused request will not be accepted by asking again. */
const notOn4xx = (count: number, error: Error) => count < 2 && !(error instanceof ApiProblem && error.status < 500);

export function useProjects(state: ProjectState, cursor: string | null) {
  return useQuery({
    queryKey: projectKeys.list(state, cursor),
    queryFn: () =>
      unwrap(api.GET('/portal/projects', { params: { query: { state, limit: PAGE_SIZE, ...(cursor ? { cursor } : {}) } } })),
    placeholderData: keepPreviousData,
  });
}

export function useProject(id: string) {
  return useQuery({
    queryKey: projectKeys.detail(id),
    queryFn: () => unwrap(api.GET('/portal/projects/{id}', { params: { path: { id } } })),
    // Another company's project answers 404 like a missing one: asking again will not change that.
    retry: notOn4xx,
  });
}

const paging = {
  initialPageParam: null as string | null,
  getNextPageParam: (last: { next_cursor?: string | null }) => last.next_cursor ?? null,
  retry: notOn4xx,
};

const pageQuery = (cursor: string | null) => ({ limit: COMMENTS_PAGE_SIZE, ...(cursor ? { cursor } : {}) });

/** Every comment on the project and its tasks, oldest first: a page at first, the next appended on asking. */
export function useProjectComments(id: string) {
  return useInfiniteQuery({
    queryKey: projectKeys.comments(id),
    queryFn: ({ pageParam }) =>
      unwrap(api.GET('/portal/projects/{id}/comments', { params: { path: { id }, query: pageQuery(pageParam) } })),
    ...paging,
  });
}

/** One task's comments, oldest first; asked for only once they are shown. */
export function useTaskComments(id: string, taskId: string, enabled: boolean) {
  return useInfiniteQuery({
    queryKey: projectKeys.taskComments(id, taskId),
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/portal/projects/{id}/tasks/{task_id}/comments', {
          params: { path: { id, task_id: taskId }, query: pageQuery(pageParam) },
        }),
      ),
    enabled,
    ...paging,
  });
}

/**
 * A comment on the project, or on one of its tasks: both threads are read again (the project's holds the
 * tasks' too). Refused because the project was closed meanwhile (409): the project is read again.
 */
export function useAddComment(id: string, taskId: string | null) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: string) =>
      unwrap(
        taskId
          ? api.POST('/portal/projects/{id}/tasks/{task_id}/comments', { params: { path: { id, task_id: taskId } }, body: { body } })
          : api.POST('/portal/projects/{id}/comments', { params: { path: { id } }, body: { body } }),
      ),
    onSuccess: () => qc.invalidateQueries({ queryKey: projectKeys.comments(id) }),
    onError: (error) => {
      if (error instanceof ApiProblem && error.status === 409) void qc.invalidateQueries({ queryKey: projectKeys.detail(id) });
    },
  });
}

/** Where a project's files are attached and opened. */
export function projectFiles(id: string): AttachmentEndpoints {
  return {
    queryKey: projectKeys.detail(id),
    announce: (file) =>
      unwrap(
        api.POST('/portal/projects/{id}/files', {
          params: { path: { id } },
          body: { name: file.name, content_type: file.type, size: file.size },
        }),
      ),
    complete: (fileId) =>
      unwrap(api.POST('/portal/projects/{id}/files/{file_id}/complete', { params: { path: { id, file_id: fileId } } })),
    link: (fileId) => unwrap(api.GET('/portal/projects/{id}/files/{file_id}/link', { params: { path: { id, file_id: fileId } } })),
  };
}

/** What is late, as the progress bar shows it: a task overdue (red), else a task due today (yellow). */
export type Lateness = 'overdue' | 'due_today' | null;

export function taskLateness(p: Pick<ProjectView, 'overdue_tasks' | 'tasks_due_today'>): Lateness {
  if (p.overdue_tasks > 0) return 'overdue';
  if (p.tasks_due_today > 0) return 'due_today';
  return null;
}

/** The first milestone not yet done, soonest due first (undated last). */
export function nextMilestone(milestones: MilestoneView[]): MilestoneView | null {
  const open = milestones.filter((ms) => !ms.done);
  open.sort((a, b) => (a.due_date ?? '9999-12-31').localeCompare(b.due_date ?? '9999-12-31'));
  return open[0] ?? null;
}
