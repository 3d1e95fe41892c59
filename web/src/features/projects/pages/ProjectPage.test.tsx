import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { useFakeXhr } from '../../../test/fakeXhr';
import { json } from '../../../test/fakeNetwork';
import type { CommentView, ProjectDetail } from '../api';
import { comment, COMMENTS, detail, PROJECT_ID, renderWith, signedInAlice } from '../testing';
import ProjectPage from './ProjectPage';

const net = await vi.hoisted(async () => (await import('../../../test/fakeNetwork')).installFakeNetwork());

const PATH = `/portal/projects/${PROJECT_ID}`;
const COMMENTS_PATH = `${PATH}/comments`;
const TASK_COMMENTS_PATH = `${PATH}/tasks/T2/comments`;

let current: ProjectDetail;
let thread: CommentView[];

/** The project and its comments as the API has them now; a comment posted joins the thread. */
function serve() {
  net.routes[PATH] = json(200, current);
  net.routes[COMMENTS_PATH] = (request) => {
    if (request.method === 'GET') return json(200, { items: thread, next_cursor: null })();
    const made = comment({ id: `C${thread.length + 1}`, body: 'Posted', created_at: '2026-12-03T09:00:00Z' });
    thread = [...thread, made];
    return json(201, made)();
  };
  net.routes[TASK_COMMENTS_PATH] = (request) => {
    if (request.method === 'GET') return json(200, { items: thread.filter((c) => c.task_id === 'T2'), next_cursor: null })();
    const made = comment({ id: `C${thread.length + 1}`, task_id: 'T2', body: 'On the task', created_at: '2026-12-03T09:00:00Z' });
    thread = [...thread, made];
    return json(201, made)();
  };
}

function renderPage(id = PROJECT_ID) {
  return renderWith(<ProjectPage />, { path: '/projects/:id', route: `/projects/${id}` });
}

const posts = (path: string) => net.calls.filter((c) => c.method === 'POST' && c.path === path).map((c) => c.body);

beforeEach(() => {
  signedInAlice();
  net.calls = [];
  net.routes = {};
  current = detail();
  thread = COMMENTS;
  serve();
});

describe('ProjectPage', () => {
  it('shows the facts, description, milestones and tasks, overdue and due-today tasks marked in words', async () => {
    renderPage();
    expect(await screen.findByRole('heading', { level: 1, name: 'Fire panel replacement, Acme House' })).toBeInTheDocument();
    expect(screen.getByText('Dana Walsh', { selector: 'dd' })).toBeInTheDocument();
    expect(screen.getByText('2 of 6 tasks done')).toBeInTheDocument();
    expect(screen.getByRole('progressbar', { name: 'Progress of Fire panel replacement, Acme House' })).toHaveAttribute(
      'aria-valuetext',
      '43% done, 1 task overdue',
    );
    const milestones = screen.getByRole('list', { name: 'Milestones' });
    expect(within(milestones).getAllByRole('listitem')[0]).toHaveTextContent('Done');

    const tasks = screen.getByRole('table', { name: 'The project’s tasks, soonest due first' });
    const row = (title: string) => within(tasks).getByText(title).closest('tr') as HTMLElement;
    expect(row('Remove the old panels').className).toMatch(/overdueRow/);
    expect(within(row('Remove the old panels')).getByText('Overdue')).toBeInTheDocument();
    expect(row('Book the electrician').className).toMatch(/dueTodayRow/);
    expect(within(row('Book the electrician')).getByText('Due today')).toBeInTheDocument();
    expect(row('Survey both blocks').className).toBe('');
    // Each task's comment count, from the project's whole thread.
    expect(await within(row('Remove the old panels')).findByRole('button', { name: 'Comments (1): Remove the old panels' })).toBeInTheDocument();
  });

  it('shows the description as plain text, never as markup', async () => {
    current = detail({ description: '<img src=x onerror="alert(1)"><b>bold</b>' });
    serve();
    renderPage();
    const region = await screen.findByRole('region', { name: 'Description' });
    expect(region).toHaveTextContent('<img src=x onerror="alert(1)"><b>bold</b>');
    expect(region.querySelector('img, b')).toBeNull();
  });

  it('lists every comment, staff marked and task comments labelled with their task', async () => {
    renderPage();
    const comments = await screen.findByRole('region', { name: 'Comments' });
    const entries = await within(comments).findAllByRole('article');
    expect(entries).toHaveLength(3);
    expect(entries[0]).toHaveTextContent('Alice Archer');
    expect(entries[0]).not.toHaveTextContent('Staff');
    expect(entries[1]).toHaveTextContent('Staff');
    expect(entries[2]).toHaveTextContent('On task: Remove the old panels');
  });

  it('posts a comment on the project and shows it in the thread', async () => {
    const user = userEvent.setup();
    renderPage();
    const comments = await screen.findByRole('region', { name: 'Comments' });
    const form = within(comments).getByRole('form', { name: 'Add a comment' });
    await user.click(within(form).getByRole('button', { name: 'Post comment' }));
    expect(within(form).getByLabelText(/^Comment/)).toHaveAccessibleDescription(/Write a comment first\./);
    expect(posts(COMMENTS_PATH)).toEqual([]);

    await user.type(within(form).getByLabelText(/^Comment/), 'Posted');
    await user.click(within(form).getByRole('button', { name: 'Post comment' }));
    expect(await within(comments).findByText('Posted')).toBeInTheDocument();
    expect(posts(COMMENTS_PATH)).toEqual([{ body: 'Posted' }]);
    expect(within(form).getByLabelText(/^Comment/)).toHaveValue('');
    expect(within(form).getByRole('status')).toHaveTextContent('Your comment was added.');
  });

  it('opens a task’s comments and posts one on the task', async () => {
    const user = userEvent.setup();
    renderPage();
    const toggle = await screen.findByRole('button', { name: 'Comments (1): Remove the old panels' });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    const taskThread = screen.getByRole('region', { name: 'Comments on Remove the old panels' });
    expect(await within(taskThread).findByText('The old panel is wired into the lift.')).toBeInTheDocument();
    const form = within(taskThread).getByRole('form', { name: 'Comment on this task' });
    await user.type(within(form).getByLabelText(/^Comment/), 'On the task');
    await user.click(within(form).getByRole('button', { name: 'Post comment' }));
    expect(await within(taskThread).findByText('On the task')).toBeInTheDocument();
    expect(posts(TASK_COMMENTS_PATH)).toEqual([{ body: 'On the task' }]);
    // The project's whole thread has it too, labelled with its task, and the count follows.
    const all = screen.getByRole('region', { name: 'Comments' });
    expect(await within(all).findByText('On the task')).toBeInTheDocument();
    expect(await screen.findByRole('button', { name: 'Comments (2): Remove the old panels' })).toBeInTheDocument();
  });

  it('shows the API’s words when a comment is refused because the project closed meanwhile, then hides the form', async () => {
    const user = userEvent.setup();
    renderPage();
    const comments = await screen.findByRole('region', { name: 'Comments' });
    net.routes[COMMENTS_PATH] = (request) => {
      if (request.method === 'GET') return json(200, { items: thread, next_cursor: null })();
      current = detail({ status: 'completed' });
      net.routes[PATH] = json(200, current);
      return json(409, { type: 'x/conflict', title: 'Conflict', status: 409, detail: 'This project is closed.' })();
    };
    await user.type(within(comments).getByLabelText(/^Comment/), 'Too late');
    await user.click(within(comments).getByRole('button', { name: 'Post comment' }));
    expect(await within(comments).findByRole('alert')).toHaveTextContent('This project is closed.');
    await waitFor(() => expect(within(comments).queryByRole('form')).not.toBeInTheDocument());
    expect(within(comments).getByRole('alert')).toHaveTextContent('This project is closed.');
  });

  it('offers no comment forms and no attaching on a closed project, and says why', async () => {
    const user = userEvent.setup();
    current = detail({ status: 'completed', overdue_tasks: 0, tasks_due_today: 0, tasks: detail().tasks.map((t) => ({ ...t, overdue: false, due_today: false })) });
    serve();
    renderPage();
    expect(await screen.findByRole('heading', { level: 1, name: 'Fire panel replacement, Acme House' })).toBeInTheDocument();
    expect(screen.getAllByText('This project is closed: it takes no more comments or files.').length).toBeGreaterThan(0);
    await screen.findAllByRole('article');
    expect(screen.queryByRole('form')).not.toBeInTheDocument();
    expect(screen.queryByLabelText('Attach a file')).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Comments (1): Remove the old panels' }));
    const taskThread = screen.getByRole('region', { name: 'Comments on Remove the old panels' });
    expect(await within(taskThread).findByText('The old panel is wired into the lift.')).toBeInTheDocument();
    expect(within(taskThread).queryByRole('form')).not.toBeInTheDocument();
    expect(within(taskThread).queryByRole('textbox')).not.toBeInTheDocument();
  });

  it('says a project that is not there, or not the company’s, was not found', async () => {
    net.routes[PATH] = json(404, { type: 'x/not-found', title: 'Not found', status: 404 });
    renderPage();
    expect(await screen.findByRole('heading', { level: 1, name: 'Project not found' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'All projects' })).toHaveAttribute('href', '/projects');
  });

  it('says an address whose id cannot be a project’s (the API’s 400 naming the id) was not found', async () => {
    net.routes['/portal/projects/nonsense'] = json(400, {
      type: 'x/validation', title: 'Bad request', status: 400, errors: [{ field: 'id', message: 'is not a valid identifier' }],
    });
    renderPage('nonsense');
    expect(await screen.findByRole('heading', { level: 1, name: 'Project not found' })).toBeInTheDocument();
  });

  it('says why another refusal happened, under the loading title', async () => {
    net.routes[PATH] = json(403, { type: 'x/forbidden', title: 'Forbidden', status: 403 });
    renderPage();
    expect(await screen.findByRole('alert')).toHaveTextContent('You do not have access to this.');
    expect(screen.getByRole('heading', { level: 1, name: 'Project' })).toBeInTheDocument();
  });
});

describe('ProjectPage: files', () => {
  const NOTE = { id: 'F1', name: 'note.txt', content_type: 'text/plain', size: 5, author_name: 'Alice Archer', created_at: '2026-12-01T11:00:00Z' };

  useFakeXhr();

  it('attaches a file through the project’s paths and lists it', async () => {
    const user = userEvent.setup();
    net.routes[`${PATH}/files`] = json(201, {
      attachment: NOTE,
      upload: { url: 'http://127.0.0.1:4566/b/F1?sig', method: 'PUT', headers: { 'content-type': 'text/plain' }, expires_at: '' },
    });
    net.routes[`${PATH}/files/F1/complete`] = () => {
      current = { ...current, files: [NOTE] };
      net.routes[PATH] = json(200, current);
      return json(200, NOTE)();
    };
    renderPage();
    const files = await screen.findByRole('region', { name: 'Files' });
    expect(within(files).getByText('No files on this project yet.')).toBeInTheDocument();
    await user.upload(within(files).getByLabelText('Attach a file'), new File(['hello'], 'note.txt', { type: 'text/plain' }));
    await user.click(within(files).getByRole('button', { name: 'Attach' }));
    expect(await within(files).findByText('note.txt was attached.')).toBeInTheDocument();
    const list = await within(files).findByRole('list', { name: 'Files of this project' });
    expect(within(list).getByRole('button', { name: 'note.txt' })).toBeInTheDocument();
    expect(posts(`${PATH}/files`)).toEqual([{ name: 'note.txt', content_type: 'text/plain', size: 5 }]);
    expect(posts(`${PATH}/files/F1/complete`)).toHaveLength(1);
  });
});
