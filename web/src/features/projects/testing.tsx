// Test helpers of this feature: the shared renderWith, a signed-in session and sample projects.
import { resetSession, signedIn } from '../../lib/session';
import type { CommentView, ProjectDetail, ProjectView, TaskView } from './api';

export { renderWith } from '../../test/render';

/** A session the typed client sends a token for (the fake network answers whatever it is asked). */
export function signedInAlice() {
  resetSession();
  signedIn({ id_token: `x.${btoa(JSON.stringify({ sub: 'c1', exp: 4102444800 }))}.y`, expires_in: 3600 });
}

export const PROJECT_ID = '01JPROJECT0000000000000001';

export function project(over: Partial<ProjectView> = {}): ProjectView {
  return {
    id: PROJECT_ID,
    name: 'Fire panel replacement, Acme House',
    description: 'Replace the fire alarm panels in both blocks.',
    status: 'active',
    start_date: '2026-10-24',
    due_date: '2026-12-23',
    manager: 'Dana Walsh',
    progress: 43,
    task_count: 6,
    tasks_done: 2,
    overdue: false,
    overdue_tasks: 0,
    tasks_due_today: 0,
    milestones: [
      { id: 'M1', name: 'Survey', due_date: '2026-11-03', done: true, overdue: false, task_count: 1 },
      { id: 'M2', name: 'Installation', due_date: '2026-12-08', done: false, overdue: false, task_count: 3 },
      { id: 'M3', name: 'Handover', due_date: '2026-12-23', done: false, overdue: false, task_count: 2 },
    ],
    file_count: 0,
    updated_at: '2026-12-01T09:00:00Z',
    version: 3,
    ...over,
  };
}

export function task(over: Partial<TaskView> = {}): TaskView {
  return {
    id: 'T1',
    title: 'Survey both blocks',
    description: null,
    status: 'done',
    progress: 100,
    due_date: '2026-11-01',
    milestone_id: 'M1',
    assignee: 'Sam Patel',
    overdue: false,
    due_today: false,
    updated_at: '2026-11-01T09:00:00Z',
    version: 1,
    ...over,
  };
}

export const TASKS: TaskView[] = [
  task(),
  task({ id: 'T2', title: 'Remove the old panels', status: 'in_progress', progress: 60, due_date: '2026-12-01', overdue: true }),
  task({ id: 'T3', title: 'Book the electrician', status: 'todo', progress: 0, due_date: '2026-12-03', due_today: true, assignee: 'Dana Walsh' }),
];

export function detail(over: Partial<ProjectDetail> = {}): ProjectDetail {
  return { ...project({ overdue_tasks: 1, tasks_due_today: 1 }), tasks: TASKS, files: [], ...over };
}

export function comment(over: Partial<CommentView> = {}): CommentView {
  return {
    id: 'C1',
    task_id: null,
    body: 'Can the work in block B start after 10am?',
    author_name: 'Alice Archer',
    by_staff: false,
    created_at: '2026-11-20T09:00:00Z',
    ...over,
  };
}

export const COMMENTS: CommentView[] = [
  comment(),
  comment({ id: 'C2', body: 'Yes, we will start block B at 10:30 each day.', author_name: 'Dana Walsh', by_staff: true, created_at: '2026-11-20T10:00:00Z' }),
  comment({ id: 'C3', task_id: 'T2', body: 'The old panel is wired into the lift.', author_name: 'Sam Patel', by_staff: true, created_at: '2026-11-21T10:00:00Z' }),
];
